using Rapport.Features.People;

namespace Rapport.Features.Tickets.Views.Saved;

/// <summary>Who sees a saved view: its owner, the members of its team, or all staff.</summary>
public enum ViewScope { Personal, Team, Shared }

/// <summary>The orders a saved view may take, each one an index can serve (see <see cref="TicketSort"/>).</summary>
public enum ViewSortField { Updated, Created, SlaDue }

public enum SortDirection { Desc, Asc }

/// <summary>
/// A ticket view someone defined (Zendesk views, Zammad overviews): which tickets (a condition set), which
/// columns in which order, and the order of the rows. It shows in the left rail at <see cref="Position"/>
/// within its group (personal, team, shared).
/// </summary>
public sealed class SavedView
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public ViewScope Scope { get; set; }
    /// <summary>Set for a personal view only.</summary>
    public Guid? OwnerId { get; set; }
    /// <summary>Set for a team view only.</summary>
    public long? TeamId { get; set; }
    public Team? Team { get; set; }
    /// <summary>A condition set as JSON (Features/Conditions).</summary>
    public required string Conditions { get; set; }
    /// <summary>Column names in order, joined by commas (<see cref="TicketColumns.ToText"/>).</summary>
    public required string Columns { get; set; }
    public ViewSortField SortField { get; set; }
    public SortDirection SortDirection { get; set; }
    public int Position { get; set; }
    public Guid CreatedById { get; set; }
    public Guid UpdatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public TicketSort Sort => ViewSorts.ToTicketSort(SortField, SortDirection);
}

public static class ViewSorts
{
    /// <summary>The list's order; SLA due only runs soonest first (<see cref="SavedViewInput"/> refuses the other way).</summary>
    public static TicketSort ToTicketSort(ViewSortField field, SortDirection direction) => (field, direction) switch
    {
        (ViewSortField.Updated, SortDirection.Asc) => TicketSort.UpdatedAsc,
        (ViewSortField.Created, SortDirection.Desc) => TicketSort.CreatedDesc,
        (ViewSortField.Created, SortDirection.Asc) => TicketSort.CreatedAsc,
        (ViewSortField.SlaDue, _) => TicketSort.SlaDue,
        _ => TicketSort.UpdatedDesc,
    };
}
