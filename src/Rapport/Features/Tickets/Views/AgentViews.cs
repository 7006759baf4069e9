namespace Rapport.Features.Tickets.Views;

/// <summary>
/// A queue in the agent workspace: a name and the filter behind it. Built in (<see cref="AgentViews"/>) or saved by
/// someone (<see cref="Saved"/>, keyed by its id), with the columns it shows.
/// </summary>
public sealed record AgentView(string Key, string Title, Func<DateTimeOffset, TicketFilter> Filter)
{
    public IReadOnlyList<TicketColumn> Columns { get; init; } = TicketColumns.Default;
    /// <summary>Set for a saved view.</summary>
    public Saved.SavedViewDto? Saved { get; init; }
    /// <summary>
    /// Whether the view's tickets depend on who looks, besides what they may see ("me", "my teams"): such a view's
    /// count is kept per person even for those who see every ticket.
    /// </summary>
    public bool DependsOnUser { get; init; } = true;
}

/// <summary>The views every agent has in the left rail, above the saved ones (Views/Saved).</summary>
public static class AgentViews
{
    private static readonly TicketStatus[] Unsolved = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];

    public static readonly IReadOnlyList<AgentView> All =
    [
        new("my-open", "My open tickets", _ => new TicketFilter(Status: Unsolved, Assignee: "me")),
        new("unassigned", "Unassigned", _ => new TicketFilter(Status: Unsolved, Assignee: "none")),
        // Only tickets whose service-level clock is running, the nearest (or most overdue) due time first.
        new("breaching-soon", "Breaching soon", _ => new TicketFilter(Status: Unsolved, Sort: TicketSort.SlaDue)),
        new("my-team", "My teams", _ => new TicketFilter(Status: Unsolved, MyTeams: true)),
        new("all-open", "All open", _ => new TicketFilter(Status: [TicketStatus.New, TicketStatus.Open])),
        new("pending", "Pending", _ => new TicketFilter(Status: [TicketStatus.Pending])),
        new("on-hold", "On hold", _ => new TicketFilter(Status: [TicketStatus.OnHold])),
        new("complaints", "Complaints", _ => new TicketFilter(Status: Unsolved, Type: TicketType.Complaint)),
        new("recently-solved", "Recently solved", now => new TicketFilter(Status: [TicketStatus.Solved, TicketStatus.Closed], UpdatedSince: now.AddDays(-7))),
    ];

    /// <summary>Counts stop here; beyond it the badge says so, instead of counting every row.</summary>
    public const int CountCap = 1000;

    public static AgentView? Find(string? key) => All.FirstOrDefault(v => v.Key == (key ?? "my-open"));

    public static string Badge(int count) => count >= CountCap ? $"{CountCap - 1}+" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
