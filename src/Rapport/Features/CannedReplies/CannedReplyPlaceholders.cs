using Rapport.Features.Email.Templates;
using Rapport.Infrastructure.Text;

namespace Rapport.Features.CannedReplies;

/// <summary>The placeholders a canned reply may use, filled from the ticket it is used on and the agent using it.</summary>
public static class CannedReplyPlaceholders
{
    public static readonly PlaceholderVocabulary Vocabulary = new(
    [
        new("ticket.number", "The ticket's number, such as 1042."),
        new("ticket.subject", "The ticket's subject."),
        new("customer.name", "The requester's full name."),
        new("customer.first_name", "The first word of the requester's name."),
        new("agent.name", "The agent using the reply."),
    ]);

    /// <summary>Parses a body, naming the field "body" in the problems.</summary>
    public static PlaceholderTemplate? Parse(string body, out IReadOnlyList<string> problems) =>
        PlaceholderTemplate.TryParse(body, Vocabulary, isHtml: false, out var template, out problems) ? template : null;

    public static PlaceholderValues Values(MailFacts ticket, string agentName) => new PlaceholderValues(Vocabulary)
        .Set("ticket.number", ticket.Number)
        .Set("ticket.subject", ticket.Subject)
        .Set("customer.name", ticket.CustomerName)
        .Set("customer.first_name", ticket.CustomerFirstName)
        .Set("agent.name", agentName);
}
