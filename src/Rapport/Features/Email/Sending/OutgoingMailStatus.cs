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

/// <summary>A ticket's outgoing mail with where each delivery stands, newest first. The caller has checked the ticket is visible.</summary>
public sealed class OutgoingMailStatus(RapportDbContext db)
{
    public const int Shown = 50;

    public async Task<List<OutgoingMailView>> ForTicketAsync(long ticketNumber, CancellationToken ct)
    {
        var rows = await db.OutgoingMail.AsNoTracking().Where(m => m.TicketNumber == ticketNumber)
            .OrderByDescending(m => m.Id).Take(Shown)
            .Select(m => new { m.Id, m.Purpose, m.To, m.Cc, m.State, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.SentAt })
            .ToListAsync(ct);
        return [.. rows.Select(m => new OutgoingMailView(m.Id, m.Purpose, m.To, m.Cc, m.State, m.Attempts, m.LastError, m.CreatedAt,
            m.State == DeliveryState.Queued ? m.NextAttemptAt : null, m.SentAt))];
    }
}
