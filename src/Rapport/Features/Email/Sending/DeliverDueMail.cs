using System.Globalization;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Email.Mailboxes;

namespace Rapport.Features.Email.Sending;

/// <summary>
/// Sends the outbox's due mail. Each mail is claimed with one conditional update (queued and due, or sending with
/// its lease run out) that only one sender can win, sent over SMTP outside any transaction, then marked sent,
/// rescheduled (<see cref="DeliveryRetry"/>) or failed under the same claim. A failure that gives up on a ticket's
/// mail is audited on the ticket. See the README for what "sent once" can and cannot promise.
/// </summary>
public sealed class DeliverDueMail(RapportDbContext db, AuditLog audit, MailboxSecrets secrets, TimeProvider clock,
    IOptions<SendingOptions> options, ILogger<DeliverDueMail> logger)
{
    private readonly SendingOptions _options = options.Value;

    /// <summary>Returns how many mails were sent.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            var claimed = await ClaimAsync(ct);
            foreach (var (id, lease) in claimed)
                if (await DeliverAsync(id, lease, ct)) sent++;
            if (claimed.Count < _options.BatchSize) return sent;
        }
    }

    private async Task<List<(long Id, Guid Lease)>> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = await Due(db.OutgoingMail.AsNoTracking(), now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(_options.BatchSize).ToListAsync(ct);
        var claimed = new List<(long, Guid)>();
        foreach (var id in candidates)
        {
            var lease = Guid.NewGuid();
            var until = now + _options.Lease;
            // Only one sender's update matches: the others find the row no longer due.
            var won = await Due(db.OutgoingMail.Where(m => m.Id == id), now).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.State, DeliveryState.Sending)
                .SetProperty(m => m.LeaseUntil, until)
                .SetProperty(m => m.LeaseId, lease)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (won == 1) claimed.Add((id, lease));
        }
        return claimed;
    }

    private static IQueryable<OutgoingMail> Due(IQueryable<OutgoingMail> mail, DateTimeOffset now) =>
        mail.Where(m => (m.State == DeliveryState.Queued && m.NextAttemptAt <= now) || (m.State == DeliveryState.Sending && m.LeaseUntil <= now));

    private async Task<bool> DeliverAsync(long id, Guid lease, CancellationToken ct)
    {
        var mail = await db.OutgoingMail.AsNoTracking().Include(m => m.Mailbox).SingleAsync(m => m.Id == id, ct);
        if (mail.Mailbox is not { } mailbox)
        {
            await FailAsync(mail, lease, FailureKind.Permanent, "Its mailbox was deleted.", ct);
            return false;
        }
        var password = secrets.Unprotect(mailbox.ProtectedPassword);
        if (mailbox.ProtectedPassword is not null && password is null)
        {
            await FailAsync(mail, lease, FailureKind.Transient, $"The password of mailbox “{mailbox.Name}” cannot be read; set it again.", ct);
            return false;
        }
        var server = new SmtpServer(mailbox.SmtpHost, mailbox.SmtpPort, mailbox.Security, mailbox.UserName, password);
        SmtpOutcome outcome;
        try
        {
            await using var connection = await SmtpConnection.OpenAsync(server, _options, ct);
            outcome = await connection.SendAsync(mail.EnvelopeFrom, [.. mail.Recipients], mail.Content, ct);
            // Marked before QUIT: the window in which a crash would send the mail twice stays as small as it can.
            await MarkSentAsync(mail, lease, outcome, ct);
            await connection.QuitAsync(ct);
            return true;
        }
        catch (SmtpFailure failure)
        {
            await FailAsync(mail, lease, failure.Kind, failure.Message, ct);
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException)
        {
            await FailAsync(mail, lease, FailureKind.Transient, $"Could not reach {server}: {e.Message}", ct);
        }
        return false;
    }

    private async Task MarkSentAsync(OutgoingMail mail, Guid lease, SmtpOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var note = outcome.Refused.Count == 0 ? null : Short("Refused by the server: " + string.Join("; ", outcome.Refused));
        var marked = await Held(mail.Id, lease).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, DeliveryState.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LeaseId, (Guid?)null)
            .SetProperty(m => m.LastError, note), CancellationToken.None);
        if (marked == 0) logger.LogWarning("Mail {Id} was sent after its lease ran out; another sender may send it again", mail.Id);
    }

    private async Task FailAsync(OutgoingMail mail, Guid lease, FailureKind kind, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        error = Short(error);
        var decision = DeliveryRetry.After(kind, mail.Attempts, _options.MaxAttempts, now);
        await using var transaction = await db.BeginWriteAsync(ct);
        var changed = decision switch
        {
            RetryDecision.RetryAt retry => await Held(mail.Id, lease).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.State, DeliveryState.Queued)
                .SetProperty(m => m.NextAttemptAt, retry.At)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LastError, error), ct),
            _ => await Held(mail.Id, lease).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.State, DeliveryState.Failed)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LastError, error), ct),
        };
        if (changed == 1 && decision is RetryDecision.GiveUp giveUp && mail.TicketNumber is { } number)
        {
            var changes = new AuditChanges().Set("state", "sending", "failed").Set("error", null, error)
                .Set("recipients", null, string.Join(", ", mail.To.Concat(mail.Cc))).Set("attempts", null, mail.Attempts).Set("why", null, giveUp.Why);
            audit.Record(Actor.System, "outgoing_mail", mail.Id.ToString(CultureInfo.InvariantCulture), "delivery_failed", changes, ticketNumber: number);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        if (decision is RetryDecision.RetryAt at)
            logger.LogInformation("Mail {Id} not delivered (attempt {Attempts}), trying again at {At}: {Error}", mail.Id, mail.Attempts, at.At, error);
        else logger.LogWarning("Mail {Id} failed after {Attempts} attempt(s): {Error}", mail.Id, mail.Attempts, error);
    }

    /// <summary>The mail while this sender's claim on it holds.</summary>
    private IQueryable<OutgoingMail> Held(long id, Guid lease) =>
        db.OutgoingMail.Where(m => m.Id == id && m.State == DeliveryState.Sending && m.LeaseId == lease);

    private static string Short(string text) =>
        text.Length <= OutgoingMailLimits.ErrorLength ? text : text[..(OutgoingMailLimits.ErrorLength - 1)] + "…";
}
