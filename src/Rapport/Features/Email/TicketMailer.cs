using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Email.Intake;
using Rapport.Features.Email.Mailboxes;
using Rapport.Features.Email.Sending;
using Rapport.Features.Email.Templates;
using Rapport.Features.Notifications;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;
using Rapport.Mime;

namespace Rapport.Features.Email;

/// <summary>
/// The mail tickets send customers: composes it from the template (<see cref="RenderMail"/>) with Rapport.Mime and puts
/// it in the outbox in the caller's transaction. Every mail carries a Message-ID Rapport keeps (on the reply's message,
/// or on the outgoing mail) and the ticket's [#number] token, so the customer's answer threads back to the ticket.
/// </summary>
public sealed class TicketMailer(
    RapportDbContext db, RenderMail render, MailOutbox outbox, MyNoticePreferences preferences, TimeProvider clock, ILogger<TicketMailer> log) : ITicketMailer
{
    /// <summary>How many earlier Message-IDs a reply's References carry: enough for any client to thread it.</summary>
    private const int ThreadDepth = 20;

    public async Task AcknowledgeAsync(Ticket ticket, ChannelContent? content, CancellationToken ct)
    {
        // Acknowledged: what a customer sends by email or writes in the portal; not contacts an agent logs for them.
        if (ticket.Channel is not (Channel.Email or Channel.Web) || content is { MayAcknowledge: false }) return;
        if (await RecipientAsync(ticket.RequesterId, ct) is not { } to) return;
        if (!await WithinBudgetAsync(ticket.RequesterId, ct))
        {
            log.LogInformation("No acknowledgement for ticket {Number}: the requester had their automatic mails for this hour", ticket.Number);
            return;
        }
        if (await ChooseMailboxAsync(ticket.TeamId, content?.AddressedTo ?? [], ct) is not { } mailbox) return;
        var rendered = await render.ExecuteAsync(new MailToRender(MailTemplateKinds.Acknowledgement, ticket.Number, MailboxName: Name(mailbox)), ct);
        if (!rendered.Succeeded)
        {
            log.LogWarning("The acknowledgement for ticket {Number} could not be written: {Error}", ticket.Number, rendered.Error!.Describe());
            return;
        }
        var thread = content?.EmailMessageId is { } received ? Bracketed(received) : null;
        var message = Compose(mailbox, [to], [], rendered.Value!, thread, thread is null ? [] : [thread], autoSubmitted: "auto-replied");
        outbox.Add(new QueuedMail(mailbox, [to.Address], [], [], message.ToBytes(), message.MessageId!, MailPurpose.Acknowledgement, ticket.Number));
    }

    public async Task SendReplyAsync(Ticket ticket, Message reply, CancellationToken ct)
    {
        if (await RecipientAsync(ticket.RequesterId, ct) is not { } to) return;
        var copied = (await (from c in db.TicketCcs
                             where c.TicketNumber == ticket.Number
                             join customer in db.Customers on c.CustomerId equals customer.Id
                             select new { customer.Name, Address = customer.Emails.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).Select(e => e.Address).FirstOrDefault() })
            .ToListAsync(ct)).Where(c => c.Address is not null).Select(c => new MailboxAddress(c.Name, c.Address!)).ToList();
        if (await ChooseMailboxAsync(ticket.TeamId, [], ct, ticket.Number) is not { } mailbox) return;
        var rendered = await render.ExecuteAsync(new MailToRender(MailTemplateKinds.AgentReply, ticket.Number, MessageId: reply.Id, MailboxName: Name(mailbox)), ct);
        if (!rendered.Succeeded)
        {
            log.LogWarning("The reply on ticket {Number} could not be written as mail: {Error}", ticket.Number, rendered.Error!.Describe());
            return;
        }
        // The conversation so far, newest last: the customer's client threads the reply under it.
        var earlier = await db.Messages.Where(m => m.TicketNumber == ticket.Number && m.Id != reply.Id && m.EmailMessageId != null)
            .OrderByDescending(m => m.Id).Select(m => new { m.EmailMessageId, m.Direction }).Take(ThreadDepth).ToListAsync(ct);
        earlier.Reverse();
        var lastFromCustomer = earlier.LastOrDefault(m => m.Direction == Direction.Inbound)?.EmailMessageId;
        var message = Compose(mailbox, [to], copied, rendered.Value!,
            lastFromCustomer is null ? null : Bracketed(lastFromCustomer), [.. earlier.Select(m => Bracketed(m.EmailMessageId!))], autoSubmitted: null);
        reply.EmailMessageId = MessageIds.Strip(message.MessageId);
        outbox.Add(new QueuedMail(mailbox, [to.Address], [.. copied.Select(c => c.Address)], [], message.ToBytes(), message.MessageId!,
            MailPurpose.Reply, ticket.Number, reply.Id));
    }

    public Task NotifyAssignedAsync(Ticket ticket, Guid agentId, CancellationToken ct) =>
        NoticeAsync(ticket, agentId, Notice.Assigned, null, ct);

    public Task NotifyCustomerRepliedAsync(Ticket ticket, Message message, CancellationToken ct) =>
        ticket.AssigneeId is { } assignee ? NoticeAsync(ticket, assignee, Notice.CustomerReplied, message.Id, ct) : Task.CompletedTask;

    public Task NotifyMentionedAsync(Ticket ticket, Message note, Guid agentId, CancellationToken ct) =>
        NoticeAsync(ticket, agentId, Notice.Mentioned, note.Id, ct);

    /// <summary>
    /// A notice to an agent who wants it by email, from the mailbox the ticket's conversation is in (else the team's or
    /// the default).
    /// </summary>
    private async Task NoticeAsync(Ticket ticket, Guid agentId, Notice notice, long? messageId, CancellationToken ct)
    {
        if (!await preferences.WantsEmailAsync(agentId, notice, ct)) return;
        var key = notice switch
        {
            Notice.Assigned => MailTemplateKinds.Assigned,
            Notice.CustomerReplied => MailTemplateKinds.CustomerReplied,
            _ => MailTemplateKinds.Mentioned,
        };
        var agent = await db.Users.Where(u => u.Id == agentId && u.IsActive).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        if (agent?.Email is not { Length: > 0 } address) return;
        if (await ChooseMailboxAsync(ticket.TeamId, [], ct, ticket.Number) is not { } mailbox) return;
        var rendered = await render.ExecuteAsync(new MailToRender(key, ticket.Number, MessageId: messageId, AgentId: agentId, MailboxName: Name(mailbox)), ct);
        if (!rendered.Succeeded)
        {
            log.LogWarning("The {Notice} notice on ticket {Number} could not be written: {Error}", key, ticket.Number, rendered.Error!.Describe());
            return;
        }
        var message = Compose(mailbox, [new MailboxAddress(agent.DisplayName, address)], [], rendered.Value!, null, [], autoSubmitted: "auto-generated");
        outbox.Add(new QueuedMail(mailbox, [address], [], [], message.ToBytes(), message.MessageId!, MailPurpose.Notice, ticket.Number));
    }

    private OutgoingMessage Compose(Mailbox mailbox, IReadOnlyList<MailboxAddress> to, IReadOnlyList<MailboxAddress> cc, RenderedMail mail,
        string? inReplyTo, IReadOnlyList<string> references, string? autoSubmitted) => new()
    {
        From = new MailboxAddress(Name(mailbox), mailbox.Address),
        To = to,
        Cc = cc,
        Subject = mail.Subject,
        Date = clock.GetUtcNow(),
        MessageId = MessageIds.New(EmailAddress.Domain(mailbox.Address)),
        InReplyTo = inReplyTo,
        References = references,
        TextBody = mail.Text,
        HtmlBody = mail.Html,
        // RFC 3834: automatic mail (an acknowledgement, a notice) says so, so other systems do not answer it in turn.
        // X-Loop lets intake recognise this mail should a forwarding rule ever send it back (Intake/Filters/SenderFilter).
        Headers = autoSubmitted is null
            ? [new(Intake.Filters.SenderFilter.LoopHeader, mailbox.Address)]
            : [new(Intake.Filters.SenderFilter.LoopHeader, mailbox.Address), new("Auto-Submitted", autoSubmitted), new("X-Auto-Response-Suppress", "All")],
    };

    private async Task<MailboxAddress?> RecipientAsync(long customerId, CancellationToken ct) =>
        await db.Customers.Where(c => c.Id == customerId)
            .Select(c => new { c.Name, Address = c.Emails.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).Select(e => e.Address).FirstOrDefault() })
            .FirstOrDefaultAsync(ct) is { Address: { } address } found ? new MailboxAddress(found.Name, address) : null;

    /// <summary>Loop protection: at most so many automatic mails (acknowledgements) to one customer an hour.</summary>
    private async Task<bool> WithinBudgetAsync(long customerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now.AddHours(-1);
        var sent = await db.OutgoingMail
            .Where(m => m.Purpose == MailPurpose.Acknowledgement && m.CreatedAt > since && m.TicketNumber != null
                && db.Tickets.Any(t => t.Number == m.TicketNumber && t.RequesterId == customerId))
            .Select(m => m.CreatedAt).Take(AutomaticMailBudget.Default.Max + 1).ToListAsync(ct);
        return AutomaticMailBudget.MaySend(sent, now);
    }

    /// <summary>
    /// The mailbox the conversation is in: the one the customer wrote to (this mail, else the ticket's last mail), else
    /// the ticket's team's, else the default; with none configured, no mail.
    /// </summary>
    private async Task<Mailbox?> ChooseMailboxAsync(long? teamId, IReadOnlyList<string> addressedTo, CancellationToken ct, long? ticketNumber = null)
    {
        if (ticketNumber is { } number)
        {
            var written = await db.InboundMails.Where(m => m.TicketNumber == number && m.MailboxId != null)
                .OrderByDescending(m => m.Id).Select(m => m.MailboxId).FirstOrDefaultAsync(ct);
            if (written is not null && await db.Mailboxes.FirstOrDefaultAsync(m => m.Id == written && m.IsActive, ct) is { } mailboxWritten)
                return mailboxWritten;
        }
        var addresses = addressedTo.Select(EmailAddress.Normalise).ToList();
        var active = await db.Mailboxes.Where(m => m.IsActive && (addresses.Contains(m.Address) || m.TeamId == teamId || m.IsDefault)).ToListAsync(ct);
        return active.FirstOrDefault(m => addresses.Contains(m.Address)) ?? active.FirstOrDefault(m => teamId is not null && m.TeamId == teamId)
            ?? active.FirstOrDefault(m => m.IsDefault);
    }

    /// <summary>Messages keep their Message-ID bare; headers and the outbox write it in angle brackets.</summary>
    private static string Bracketed(string id) => "<" + id + ">";

    private static string Name(Mailbox mailbox) => string.IsNullOrWhiteSpace(mailbox.DisplayName) ? mailbox.Name : mailbox.DisplayName;
}
