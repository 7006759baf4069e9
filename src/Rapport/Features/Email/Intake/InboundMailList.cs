using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Intake;

/// <summary>A received message as admins see it in the list: no body, the reason it stopped, the ticket it went to.</summary>
public sealed record InboundMailDto(
    long Id, MailIntakeVia Via, string? Mailbox, string? Sender, string? Subject, long Size, InboundMailStatus Status, string? Reason,
    int Attempts, long? TicketNumber, DateTimeOffset ReceivedAt, DateTimeOffset? ProcessedAt);

/// <summary>Received messages by status, newest first, a page at a time (the status-and-id index, keyset on the id).</summary>
public sealed class InboundMailList(RapportDbContext db)
{
    public async Task<Result<Page<InboundMailDto>>> ListAsync(InboundMailStatus? status, string? cursor, int? limit, CancellationToken ct)
    {
        var check = new Validator();
        PageLimits.Check(limit, check);
        long? before = null;
        if (cursor is not null)
        {
            if (Cursor.TryDecode(cursor, out var decoded)) before = decoded.Id;
            else check.Add("cursor", PageLimits.UnknownCursor);
        }
        if (!check.IsValid) return check.ToError();
        var take = PageLimits.Clamp(limit);
        var query = db.InboundMails.AsNoTracking();
        if (status is { } wanted) query = query.Where(m => m.Status == wanted);
        if (before is { } id) query = query.Where(m => m.Id < id);
        var rows = await query.OrderByDescending(m => m.Id).Take(take + 1).Select(Projection).ToListAsync(ct);
        var next = rows.Count > take ? new Cursor(0, rows[take - 1].Id).Encode() : null;
        return new Page<InboundMailDto>(rows.Take(take).ToList(), next);
    }

    public async Task<Result<InboundMailDto>> GetAsync(long id, CancellationToken ct) =>
        await db.InboundMails.AsNoTracking().Where(m => m.Id == id).Select(Projection).FirstOrDefaultAsync(ct) is { } found
            ? found : new NotFoundError($"No received message has the id {id}.");

    /// <summary>How many wait for a person: the admin's badge.</summary>
    public Task<int> CountUnprocessableAsync(CancellationToken ct) =>
        db.InboundMails.Where(m => m.Status == InboundMailStatus.Unprocessable).Take(100).CountAsync(ct);

    private static readonly System.Linq.Expressions.Expression<Func<InboundMail, InboundMailDto>> Projection = m => new InboundMailDto(
        m.Id, m.Via, m.Mailbox, m.Sender, m.Subject, m.Size, m.Status, m.Reason, m.Attempts, m.TicketNumber, m.ReceivedAt, m.ProcessedAt);
}
