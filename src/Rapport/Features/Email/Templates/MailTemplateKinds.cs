using Rapport.Infrastructure.Text;

namespace Rapport.Features.Email.Templates;

/// <summary>Who reads a mail: the customer (links go to the portal) or an agent (links go to the workspace).</summary>
public enum MailAudience { Customer, Agent }

/// <summary>One mail Rapport sends, named by its key, with the placeholders its template may use.</summary>
public sealed record MailTemplateKind(string Key, string Title, MailAudience Audience, string Description, PlaceholderVocabulary Vocabulary);

/// <summary>The mails Rapport sends and the placeholders each may use.</summary>
public static class MailTemplateKinds
{
    public const string Acknowledgement = "ticket_acknowledgement";
    public const string AgentReply = "agent_reply";
    public const string Assigned = "agent_assigned";
    public const string CustomerReplied = "customer_replied";
    public const string Mentioned = "agent_mentioned";

    /// <summary>Every placeholder, in the order the reference lists them.</summary>
    public static readonly IReadOnlyList<Placeholder> Placeholders =
    [
        new("ticket.number", "The ticket's number, such as 1042."),
        new("ticket.subject", "The ticket's subject."),
        new("ticket.url", "The link to the ticket: in the portal for customers, in the workspace for agents."),
        new("customer.name", "The customer's full name."),
        new("customer.first_name", "The first word of the customer's name."),
        new("agent.name", "The agent: who wrote the reply, or who the notice is for."),
        new("service.name", "The service the ticket is about, if any."),
        new("service.response_time", "The promised first response, such as \"4 working hours\" (German: \"4 Arbeitsstunden\", written to follow \"innerhalb von\"), if a promise is made."),
        new("reply.text", "The message as plain text: the agent's reply, or the customer's message or note a notice is about."),
        new("reply.html", "The same message as HTML, already made safe by Rapport. Only in the HTML body.", IsHtml: true),
        new("mailbox.name", "The name the mail is sent under: the mailbox, or the portal's name."),
    ];

    private static readonly string[] Common =
        ["ticket.number", "ticket.subject", "ticket.url", "customer.name", "customer.first_name", "service.name", "service.response_time", "mailbox.name"];

    public static readonly IReadOnlyList<MailTemplateKind> All =
    [
        Kind(Acknowledgement, "Request received", MailAudience.Customer,
            "To the customer when a ticket is created by email or in the portal: its number, what happens next and the promised response time.", Common),
        Kind(AgentReply, "Agent's reply", MailAudience.Customer,
            "To the customer when an agent replies publicly: the reply with the ticket's reference and a short footer.", [.. Common, "agent.name", "reply.text", "reply.html"]),
        Kind(Assigned, "Assigned to you", MailAudience.Agent,
            "To an agent when a ticket is assigned to them.", [.. Common, "agent.name"]),
        Kind(CustomerReplied, "Customer replied", MailAudience.Agent,
            "To the assigned agent when the customer writes on their ticket.", [.. Common, "agent.name", "reply.text", "reply.html"]),
        Kind(Mentioned, "You were mentioned", MailAudience.Agent,
            "To an agent mentioned in a note or reply.", [.. Common, "agent.name", "reply.text", "reply.html"]),
    ];

    public static MailTemplateKind? Find(string key) => All.FirstOrDefault(k => k.Key == key);

    private static MailTemplateKind Kind(string key, string title, MailAudience audience, string description, string[] names) =>
        new(key, title, audience, description, new PlaceholderVocabulary(Placeholders.Where(p => names.Contains(p.Name))));
}
