using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Features.Portal;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;
using Rapport.Infrastructure.Text;

namespace Rapport.Features.Email.Templates;

/// <summary>
/// What the sending side asks for: the mail (template key) about a ticket, for a recipient.
/// </summary>
/// <param name="Language">The recipient's language; none means the requester's preferred language for customer mails, the default for agents.</param>
/// <param name="MessageId">The message the mail carries or is about ({{reply.text}}, {{reply.html}}): the agent's reply, the customer's message, the note.</param>
/// <param name="AgentId">The agent named by {{agent.name}}: the reply's author, or the agent a notice goes to. None means the message's author, else the assignee.</param>
/// <param name="MailboxName">The name the mail goes out under ({{mailbox.name}}); none means the portal's name.</param>
public sealed record MailToRender(string Key, long TicketNumber, string? Language = null, long? MessageId = null, Guid? AgentId = null, string? MailboxName = null);

/// <summary>
/// Renders a mail about a ticket for one recipient: subject, plain text and HTML, in the best language there is a
/// template for. A few queries whatever the mail (the ticket with its requester, service and policy target; the
/// message; the agent; the overrides). The subject comes out as one line: line breaks in a ticket's subject must not
/// reach a mail header.
/// </summary>
public sealed class RenderMail(RapportDbContext db, MailTemplateBook book, IOptions<MailTemplateOptions> options, IOptions<PortalOptions> portal)
{
    public async Task<Result<RenderedMail>> ExecuteAsync(MailToRender mail, CancellationToken ct)
    {
        if (MailTemplateKinds.Find(mail.Key) is not { } kind) return new MailTemplateNotFound(mail.Key);
        var facts = await MailFacts.LoadAsync(db.Tickets, db, mail.TicketNumber, ct);
        if (facts is null) return new TicketNotFound(mail.TicketNumber);
        if (mail.MessageId is { } messageId)
        {
            var message = await db.Messages.AsNoTracking().Where(m => m.Id == messageId && m.TicketNumber == mail.TicketNumber)
                .Select(m => new { m.BodyText, m.BodyHtml, Author = m.AuthorUser!.DisplayName }).FirstOrDefaultAsync(ct);
            if (message is null) return new NotFoundError($"Ticket #{mail.TicketNumber} has no message {messageId}.");
            facts = facts with { ReplyText = message.BodyText, ReplyHtml = message.BodyHtml, AgentName = message.Author ?? facts.AgentName };
        }
        if (mail.AgentId is { } agentId)
            facts = facts with { AgentName = await db.Users.Where(u => u.Id == agentId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) };

        var language = mail.Language ?? (kind.Audience == MailAudience.Customer ? facts.CustomerLanguage : null);
        var template = await book.ChooseAsync(kind, language, ct);
        return Render(template.Parsed, kind, facts, template.Language, mail.MailboxName);
    }

    /// <summary>Fills a parsed template with the facts, told in the template's language. Pure apart from the options.</summary>
    internal RenderedMail Render(ParsedMailTemplate template, MailTemplateKind kind, MailFacts facts, string language, string? mailboxName)
    {
        var values = new PlaceholderValues(kind.Vocabulary)
            .Set("ticket.number", facts.Number)
            .Set("ticket.subject", facts.Subject)
            .Set("ticket.url", TicketUrl(kind.Audience, facts.TicketNumber))
            .Set("customer.name", facts.CustomerName)
            .Set("customer.first_name", facts.CustomerFirstName)
            .Set("agent.name", facts.AgentName)
            .Set("service.name", facts.ServiceName)
            .Set("service.response_time", facts.ResponseMinutes is { } minutes and > 0 ? ResponseTimeText.For(minutes, facts.ResponseInWorkingTime, language) : null)
            .Set("reply.text", facts.ReplyText)
            .Set("reply.html", facts.ReplyHtml)
            .Set("mailbox.name", string.IsNullOrWhiteSpace(mailboxName) ? portal.Value.Name : mailboxName);
        return new RenderedMail(OneLine(template.Subject.Render(values)), template.Text.Render(values), template.Html.Render(values), language);
    }

    private string TicketUrl(MailAudience audience, long number) =>
        $"{options.Value.PublicUrl.TrimEnd('/')}/{(audience == MailAudience.Customer ? "portal/requests" : "agent/tickets")}/{number}";

    private static string OneLine(string subject)
    {
        if (!subject.AsSpan().ContainsAnyInRange('\0', '\u001f') && !subject.Contains('\u007f')) return subject.Trim();
        var line = new StringBuilder(subject.Length);
        foreach (var c in subject)
        {
            var blank = char.IsControl(c);
            if (!blank) line.Append(c);
            else if (line.Length > 0 && line[^1] != ' ') line.Append(' ');
        }
        return line.ToString().Trim();
    }
}
