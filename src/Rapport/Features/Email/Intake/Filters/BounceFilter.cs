using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Email.Sending;

namespace Rapport.Features.Email.Intake.Filters;

/// <summary>
/// A delivery failure report does not open a ticket: it is read for the recipients that failed and the Message-ID of
/// the mail that bounced. A permanent failure of mail Rapport sent marks that mail failed, in the ticket's history;
/// the report itself is set aside as ignored, saying what failed.
/// </summary>
public sealed class BounceFilter(RapportDbContext db, AuditLog audit) : IIntakeFilter
{
    public async Task ApplyAsync(IncomingMail mail, CancellationToken ct)
    {
        var status = mail.Message.FindPart("message", "delivery-status");
        if (status is null && !mail.Automatic.IsBounce) return;

        var report = BounceReport.Read(new BounceParts(
            DeliveryStatus: status?.GetText(),
            HumanText: mail.Message.TextBody,
            OriginalHeaders: mail.Message.AttachedMessage?.Headers.Select(h => new MailHeader(h.Name, h.Value)).ToList(),
            OriginalHeadersText: mail.Message.FindPart("text", "rfc822-headers")?.GetText()));
        // A mailer-daemon message that reports nothing readable is still no customer's request.
        var failed = report.Recipients.Count == 0 ? "no recipient named"
            : string.Join(", ", report.Recipients.Select(r => $"{r.Address} ({r.Status})"));
        mail.Bounce = report;
        mail.Ignore($"Delivery failure report for {report.OriginalMessageId ?? "an unknown message"}: {failed}.");
        if (report.IsPermanent && report.OriginalMessageId is { } original) await MarkFailedAsync(original, failed, ct);
    }

    private async Task MarkFailedAsync(string messageId, string failed, CancellationToken ct)
    {
        var sent = await db.OutgoingMail.Where(m => m.MessageId == messageId && m.State != DeliveryState.Failed)
            .Select(m => new { m.Id, m.TicketNumber }).FirstOrDefaultAsync(ct);
        if (sent is null) return;
        var error = $"Bounced: {failed}";
        if (error.Length > 500) error = error[..500];
        await db.OutgoingMail.Where(m => m.Id == sent.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, DeliveryState.Failed).SetProperty(m => m.LastError, error), ct);
        if (sent.TicketNumber is { } number)
        {
            audit.Record(Actor.System, "outgoing_mail", sent.Id.ToString(CultureInfo.InvariantCulture), "delivery_failed",
                new AuditChanges().Set("state", "sent", "failed").Set("error", null, error).Set("why", null, "bounced"), ticketNumber: number);
            await db.SaveChangesAsync(ct);
        }
    }
}
