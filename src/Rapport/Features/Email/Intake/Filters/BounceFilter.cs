namespace Rapport.Features.Email.Intake.Filters;

/// <summary>
/// A delivery failure report does not open a ticket: it is read for the recipients that failed and the Message-ID of
/// the mail that bounced, and set aside as ignored with that reason.
/// </summary>
public sealed class BounceFilter : IIntakeFilter
{
    public Task ApplyAsync(IncomingMail mail, CancellationToken ct)
    {
        var status = mail.Message.FindPart("message", "delivery-status");
        if (status is null && !mail.Automatic.IsBounce) return Task.CompletedTask;

        var report = BounceReport.Read(new BounceParts(
            DeliveryStatus: status?.GetText(),
            HumanText: mail.Message.TextBody,
            OriginalHeaders: mail.Message.AttachedMessage?.Headers.Select(h => new MailHeader(h.Name, h.Value)).ToList(),
            OriginalHeadersText: mail.Message.FindPart("text", "rfc822-headers")?.GetText()));
        // A mailer-daemon message that reports nothing readable is still no customer's request.
        var failed = report.Recipients.Count == 0 ? "no recipient named"
            : string.Join(", ", report.Recipients.Select(r => $"{r.Address} ({r.Status})"));
        mail.Ignore($"Delivery failure report for {report.OriginalMessageId ?? "an unknown message"}: {failed}.");
        mail.Bounce = report;
        return Task.CompletedTask;
    }
}
