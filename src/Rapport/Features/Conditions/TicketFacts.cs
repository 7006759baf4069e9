using System.Collections;
using Rapport.Features.Customers;
using Rapport.Features.Tickets;

namespace Rapport.Features.Conditions;

/// <summary>
/// A snapshot of what conditions can test on one ticket, one value per catalogue field, taken
/// by running each field's selector on the loaded ticket. Rules evaluate the snapshot, so a
/// rule sees the ticket as it was when the snapshot was taken, whatever changes afterwards.
/// </summary>
public sealed class TicketFacts
{
    private readonly Dictionary<string, object?> _values;

    private TicketFacts(Dictionary<string, object?> values) => _values = values;

    /// <summary>The ticket must be loaded with its <see cref="Ticket.Requester"/>, <see cref="Ticket.Organisation"/> and <see cref="Ticket.Tags"/>.</summary>
    public static TicketFacts From(Ticket ticket)
    {
        // Without them the customer and organisation fields would read as a crash, or worse, as empty.
        if (ticket.Requester is null || (ticket.OrganisationId is not null && ticket.Organisation is null))
            throw new ArgumentException($"Load ticket {ticket.Number} with its requester, organisation and tags before taking its facts.", nameof(ticket));
        return new(TicketFields.All.ToDictionary(f => f.Name, f => f.Capture(ticket), StringComparer.Ordinal));
    }

    /// <summary>
    /// The facts of a tracked ticket whose requester and organisation are not loaded: they are put on a copy, so
    /// the change tracker never sees them.
    /// </summary>
    public static TicketFacts From(Ticket ticket, RequesterFacts requester)
    {
        var copy = ticket.ShallowCopy();
        copy.Requester = new Customer { Id = ticket.RequesterId, Name = "", Kind = requester.Kind, PreferredLanguage = requester.Language };
        copy.Organisation = ticket.OrganisationId is { } id ? new Organisation { Id = id, Name = "", Tier = requester.OrganisationTier } : null;
        return From(copy);
    }

    internal object? this[string field] => _values[field];

    /// <summary>"status=open, priority=high, tags=[vip, refund], …": readable in a failed test or a log.</summary>
    public override string ToString() => string.Join(", ", _values.Select(v => $"{v.Key}={Show(v.Value)}"));

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => text,
        IEnumerable items => $"[{string.Join(", ", items.Cast<object>())}]",
        DateTimeOffset at => at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>What conditions test about a ticket's requester and organisation, read in one small query.</summary>
public sealed record RequesterFacts(CustomerKind Kind, string? Language, string? OrganisationTier);
