using Rapport.Infrastructure.Json;

namespace Rapport.Features.Tickets.Views;

/// <summary>What a ticket list can show, one column each; a saved view picks some of them, in its own order.</summary>
public enum TicketColumn { Number, Subject, Requester, Status, Priority, Type, Channel, Team, Assignee, Updated, Created, Age, SlaDue }

public static class TicketColumns
{
    /// <summary>What the built-in views show, and a new saved view starts with.</summary>
    public static readonly IReadOnlyList<TicketColumn> Default =
    [
        TicketColumn.Number, TicketColumn.Subject, TicketColumn.Requester, TicketColumn.Channel, TicketColumn.Status,
        TicketColumn.Priority, TicketColumn.Assignee, TicketColumn.SlaDue, TicketColumn.Updated, TicketColumn.Age,
    ];

    public static string NameOf(TicketColumn column) => SnakeCaseEnumConverter<TicketColumn>.NameOf(column);

    public static string Label(TicketColumn column) => column switch
    {
        TicketColumn.Number => "#",
        TicketColumn.SlaDue => "SLA",
        TicketColumn.Age => "Age",
        _ => column.ToString(),
    };

    /// <summary>As stored: the names joined by commas.</summary>
    public static string ToText(IEnumerable<TicketColumn> columns) => string.Join(',', columns.Select(NameOf));

    /// <summary>The stored text read back; a name this version no longer knows is skipped rather than failing the list.</summary>
    public static IReadOnlyList<TicketColumn> FromText(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => SnakeCaseEnumConverter<TicketColumn>.TryParse(n, out var c) ? c : (TicketColumn?)null).OfType<TicketColumn>()];
}
