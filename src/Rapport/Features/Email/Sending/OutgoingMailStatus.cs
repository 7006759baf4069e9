using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.Email.Sending;

/// <summary>One outgoing mail of a ticket as its delivery panel shows it (Bcc left out: the ticket page is not the place).</summary>
public sealed record OutgoingMailView(
    long Id,
    MailPurpose Purpose,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    DeliveryState State,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt);

/// <summary>Outgoing mail with where each delivery stands, newest first: a ticket's (the caller has checked the ticket is visible) or a mailbox's.</summary>
public sealed class OutgoingMailStatus(RapportDbContext db)
{
    public const int Shown = 50;

    public Task<List<OutgoingMailView>> ForTicketAsync(long ticketNumber, CancellationToken ct) =>
        ViewAsync(db.OutgoingMail.Where(m => m.TicketNumber == ticketNumber), Shown, ct);

    /// <summary>The mailbox's latest mail, so an admin sees how a test mail went.</summary>
    public Task<List<OutgoingMailView>> ForMailboxAsync(long mailboxId, int count, CancellationToken ct) =>
        ViewAsync(db.OutgoingMail.Where(m => m.MailboxId == mailboxId), count, ct);

    private static async Task<List<OutgoingMailView>> ViewAsync(IQueryable<OutgoingMail> mail, int count, CancellationToken ct)
    {
        var rows = await mail.AsNoTracking().OrderByDescending(m => m.Id).Take(count)
            .Select(m => new { m.Id, m.Purpose, m.To, m.Cc, m.State, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.SentAt })
            .ToListAsync(ct);
        return [.. rows.Select(m => new OutgoingMailView(m.Id, m.Purpose, m.To, m.Cc, m.State, m.Attempts, m.LastError, m.CreatedAt,
            m.State == DeliveryState.Queued ? m.NextAttemptAt : null, m.SentAt))];
    }
}
