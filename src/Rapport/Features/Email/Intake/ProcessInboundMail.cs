using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Attachments;
using Rapport.Features.Tickets.Content;
using Rapport.Infrastructure.Problems;
using Rapport.Mime;

namespace Rapport.Features.Email.Intake;

/// <summary>
/// Takes a stored message (<see cref="ReceiveMail"/>) to its end: parses it once, runs the intake filters in order
/// (<see cref="IIntakeFilter"/>, registered in <see cref="EmailIntakeRegistration"/>), then creates a ticket or adds
/// the mail to the ticket it follows up. The ticket change and the row's "processed" are one transaction, and the
/// row is claimed first inside it, so a message is delivered once however many processors race for it; a failure
/// leaves the row to be tried again, and after <see cref="MaxAttempts"/> it waits in the unprocessable list.
/// </summary>
public sealed class ProcessInboundMail(
    RapportDbContext db, IEnumerable<IIntakeFilter> filters, AttachmentStore store, IOptions<AttachmentOptions> attachmentOptions,
    FindOrCreateCustomer customers, CreateTicket createTicket, AddMessage addMessage, CopyCustomersIn copyIn, AuditLog audit, TimeProvider clock,
    ILogger<ProcessInboundMail> log)
{
    public const int MaxAttempts = 5;
    /// <summary>HTML beyond this (characters) is cut before it is read: reading HTML runs at about a megabyte a second.</summary>
    public const int MaxHtmlLength = 2_000_000;

    /// <summary>Processes a message that is waiting (received); with <paramref name="byHand"/>, one that was set aside, made a ticket whatever the filters say.</summary>
    public async Task<InboundMailStatus> ExecuteAsync(long id, CancellationToken ct, bool byHand = false)
    {
        var row = await db.InboundMails.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (row is null) return InboundMailStatus.Unprocessable;
        var expected = byHand ? row.Status : InboundMailStatus.Received;
        if (row.Status == InboundMailStatus.Processed || !byHand && row.Status != InboundMailStatus.Received) return row.Status;
        try
        {
            return await ProcessAsync(row, expected, byHand, ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            log.LogWarning(failure, "Processing received mail {Id} failed", id);
            return await RecordFailureAsync(row, expected, failure.Message, ct);
        }
    }

    /// <summary>The ticket a processed message went to.</summary>
    public Task<long?> TicketOfAsync(long id, CancellationToken ct) =>
        db.InboundMails.Where(m => m.Id == id).Select(m => m.TicketNumber).FirstOrDefaultAsync(ct);

    private async Task<InboundMailStatus> ProcessAsync(InboundMail row, InboundMailStatus expected, bool byHand, CancellationToken ct)
    {
        MimeMessage message;
        await using (var raw = store.OpenRead(row.StorageKey)) message = await MimeParser.ParseAsync(raw, cancellationToken: ct);
        var mail = new IncomingMail(row, message);
        foreach (var filter in filters)
        {
            await filter.ApplyAsync(mail, ct);
            if (mail.Outcome is not null && !(byHand && mail.From is not null)) break;
        }
        if (mail.Outcome is { } outcome && !(byHand && mail.From is not null))
            return await FinishAsync(row, expected, outcome.Status, outcome.Reason, null, null, ct);

        var (content, refused) = await ContentAsync(mail, ct);
        await using var transaction = await db.BeginWriteAsync(ct);
        // The claim: inside the transaction, so a second processor waits here and then finds nothing to claim.
        var claimed = await db.InboundMails.Where(m => m.Id == row.Id && m.Status == expected)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed == 0) return (await db.InboundMails.AsNoTracking().FirstAsync(m => m.Id == row.Id, ct)).Status;

        var delivered = await DeliverAsync(mail, content, ct);
        if (!delivered.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await FinishAsync(row, expected, InboundMailStatus.Unprocessable, delivered.Error!.Describe(), null, null, ct);
        }
        var (number, messageId, customerId) = delivered.Value;
        // Those copied in see the ticket and may answer it; the mail's Cc is who the sender wanted in the conversation.
        var requester = await db.Tickets.Where(t => t.Number == number).Select(t => t.RequesterId).FirstAsync(ct);
        var ours = await db.Mailboxes.Select(m => new { m.Id, m.Address, m.Name }).ToListAsync(ct);
        await copyIn.ExecuteAsync(number, requester, mail.Message.Cc
            .Where(a => !ours.Any(m => m.Address == EmailAddress.Normalise(a.Address))).Select(a => (a.Address, a.DisplayName)), ct);
        var addressed = content.AddressedTo.Select(EmailAddress.Normalise).ToList();
        var mailbox = ours.FirstOrDefault(m => addressed.Contains(m.Address))?.Id ?? ours.FirstOrDefault(m => m.Name == row.Mailbox)?.Id;
        var now = clock.GetUtcNow();
        await db.InboundMails.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, InboundMailStatus.Processed).SetProperty(m => m.Reason, (string?)null)
            .SetProperty(m => m.TicketNumber, number).SetProperty(m => m.MessageId, messageId).SetProperty(m => m.ProcessedAt, now)
            .SetProperty(m => m.MailboxId, mailbox), ct);
        audit.Record(Actor.System, "inbound_mail", row.Id.ToString(CultureInfo.InvariantCulture), "email_received", Changes(mail, refused, byHand),
            ticketNumber: number, customerId: customerId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return InboundMailStatus.Processed;
    }

    private async Task<Result<(long Number, long MessageId, long CustomerId)>> DeliverAsync(IncomingMail mail, ChannelContent content, CancellationToken ct)
    {
        var from = mail.From!;
        var customer = await customers.ExecuteAsync(from.Address, from.DisplayName, Actor.System, ct);
        if (mail.FollowUpOf is { } number)
        {
            var asCustomer = new Actor(null, customer.Name, Role.Customer, customer.Id);
            var added = await addMessage.ExecuteAsync(number,
                new AddMessageRequest(null, MessageVisibility.Public, Channel.Email, Direction.Inbound, null), content, asCustomer, ct);
            if (added.Succeeded) return (number, added.Value, customer.Id);
            // Someone who cannot see the ticket (a colleague of the requester who was not copied in) starts their own.
            mail.Notes.Add($"A reply to #{number.ToString(CultureInfo.InvariantCulture)} from someone who cannot see it.");
            mail.FollowUpOf = null;
        }
        var subject = (mail.Message.Subject?.Trim() is { Length: > 0 } s ? s : "(no subject)");
        var request = new CreateTicketRequest(subject.Length <= TicketLimits.SubjectLength ? subject : subject[..TicketLimits.SubjectLength],
            null, null, customer.Id, Channel.Email, Direction.Inbound, null, null, null, null, null);
        var created = await createTicket.ExecuteAsync(request, content, Actor.System, ct);
        if (!created.Succeeded) return created.Error!;
        var first = await db.Messages.Where(m => m.TicketNumber == created.Value).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(ct);
        return (created.Value, first, customer.Id);
    }

    /// <summary>
    /// The message's words and files. A follow-up keeps only what the customer newly wrote (the quoted history stays in
    /// the original, viewable from the ticket); a new ticket keeps the whole text and the sanitised HTML.
    /// </summary>
    private async Task<(ChannelContent Content, List<string> Refused)> ContentAsync(IncomingMail mail, CancellationToken ct)
    {
        var message = mail.Message;
        var htmlBody = message.HtmlBody is { Length: > MaxHtmlLength } big ? big[..MaxHtmlLength] : message.HtmlBody;
        string text, html;
        if (mail.FollowUpOf is not null)
            (text, html) = MessageBody.FromPlainText(ReplyText.Split(message.TextBody, htmlBody).NewText);
        else if (htmlBody is { } original)
            (text, html) = (message.TextBody?.Trim() ?? HtmlText.ToText(original), MessageBody.FromHtml(original).Html);
        else
            (text, html) = MessageBody.FromPlainText(message.TextBody ?? "");
        if (text.Length > TicketLimits.BodyLength) text = text[..TicketLimits.BodyLength];

        var files = new List<ChannelFile>();
        var refused = new List<string>();
        foreach (var part in message.Attachments)
        {
            var name = AttachmentFileName.Sanitise(part.FileName ?? part.Message?.Subject + ".eml", "attachment");
            if (files.Count == AttachUploads.MaxPerMessage) { refused.Add($"{name}: more than {AttachUploads.MaxPerMessage} files"); continue; }
            await using var content = part.OpenRead();
            using var file = await store.ReceiveAsync(content, attachmentOptions.Value.MaxBytes, ct);
            if (file is null) { refused.Add($"{name}: larger than the limit"); continue; }
            if (file.Size == 0) continue;
            var type = AttachmentContent.Check(part.Message is null ? part.ContentType.MimeType : "message/rfc822", file.Head, name);
            if (!type.Succeeded) { refused.Add($"{name}: {type.Error!.Detail}"); continue; }
            files.Add(new ChannelFile(name, type.Value!, file.Size, file.Keep(), file.Sha256));
        }
        return (new ChannelContent(text, html, files, message.MessageId)
        {
            MayAcknowledge = mail.Automatic.MayAutoRespond,
            AddressedTo = [.. message.To.Concat(message.Cc).Select(a => a.Address)],
        }, refused);
    }

    private static AuditChanges Changes(IncomingMail mail, List<string> refused, bool byHand)
    {
        var changes = new AuditChanges().Set("from", null, mail.From!.Address).Set("subject", null, mail.Message.Subject);
        if (mail.FollowUpBy is { } by) changes.Set("followUpBy", null, by);
        if (mail.Automatic.Signals.Count > 0) changes.Set("automatic", null, mail.Automatic.Reasons.ToList());
        if (refused.Count > 0) changes.Set("filesNotKept", null, refused);
        if (mail.Notes.Count > 0) changes.Set("notes", null, mail.Notes);
        if (mail.Message.Defects.Count > 0) changes.Set("defects", null, mail.Message.Defects.Count);
        if (byHand) changes.Set("byHand", null, true);
        return changes;
    }

    private async Task<InboundMailStatus> FinishAsync(InboundMail row, InboundMailStatus expected, InboundMailStatus status, string reason,
        long? number, long? messageId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var text = reason.Length <= InboundMail.ReasonLength ? reason : reason[..InboundMail.ReasonLength];
        var changed = await db.InboundMails.Where(m => m.Id == row.Id && m.Status == expected).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status).SetProperty(m => m.Reason, text).SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.TicketNumber, number).SetProperty(m => m.MessageId, messageId).SetProperty(m => m.ProcessedAt, now), ct);
        return changed == 0 ? (await db.InboundMails.AsNoTracking().FirstAsync(m => m.Id == row.Id, ct)).Status : status;
    }

    /// <summary>An unexpected failure: counted, and after the last attempt the message waits for a person.</summary>
    private async Task<InboundMailStatus> RecordFailureAsync(InboundMail row, InboundMailStatus expected, string error, CancellationToken ct)
    {
        var reason = $"Processing failed: {error}";
        if (row.Attempts + 1 >= MaxAttempts)
            return await FinishAsync(row, expected, InboundMailStatus.Unprocessable, $"{reason} ({MaxAttempts} attempts)", null, null, ct);
        var clipped = reason.Length <= InboundMail.ReasonLength ? reason : reason[..InboundMail.ReasonLength];
        await db.InboundMails.Where(m => m.Id == row.Id && m.Status == expected)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.Reason, clipped), ct);
        return expected;
    }
}
