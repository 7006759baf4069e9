using System.Globalization;
using Rapport.Features.Conditions.Pages;
using Rapport.Infrastructure.Json;

namespace Rapport.Features.Tickets.Views.Saved.Pages;

/// <summary>One column as the form posts it: shown or not, and where (a number; the shown ones are put in its order).</summary>
public sealed class ColumnRow
{
    public string? Column { get; set; }
    public bool Show { get; set; }
    public int? Order { get; set; }
}

/// <summary>
/// What the view form posts: name, scope and team, the "all of" and "any of" condition rows (added and removed with
/// submit buttons, so it works without JavaScript), a row per column and the sort.
/// </summary>
public sealed class SavedViewForm
{
    public string? Name { get; set; }
    public string? Scope { get; set; }
    public string? TeamId { get; set; }
    public List<ConditionRow> All { get; set; } = [];
    public List<ConditionRow> Any { get; set; } = [];
    public List<ColumnRow> Columns { get; set; } = [];
    public string? SortField { get; set; }
    public string? SortDirection { get; set; }
    /// <summary>save (or none, for Enter), refresh, add-all, add-any, remove-all:2, remove-any:0.</summary>
    public string? Command { get; set; }

    public static SavedViewForm New() => new()
    {
        Scope = NameOf(ViewScope.Personal),
        All = [ConditionRow.Blank()],
        Columns = Rows(TicketColumns.Default),
        SortField = NameOf(ViewSortField.Updated),
        SortDirection = NameOf(Saved.SortDirection.Desc),
    };

    public static SavedViewForm From(SavedViewDto view) => new()
    {
        Name = view.Name,
        Scope = NameOf(view.Scope),
        TeamId = view.Team?.Id.ToString(CultureInfo.InvariantCulture),
        All = [.. view.Conditions.All.Select(ConditionRow.From)],
        Any = [.. view.Conditions.Any.Select(ConditionRow.From)],
        Columns = Rows(view.Columns),
        SortField = NameOf(view.Sort.Field),
        SortDirection = NameOf(view.Sort.Direction),
    };

    /// <summary>A row for every column there is: the shown ones first, in their order, then the rest.</summary>
    private static List<ColumnRow> Rows(IReadOnlyList<TicketColumn> shown) =>
    [
        .. shown.Select((c, i) => new ColumnRow { Column = TicketColumns.NameOf(c), Show = true, Order = i + 1 }),
        .. Enum.GetValues<TicketColumn>().Except(shown).Select(c => new ColumnRow { Column = TicketColumns.NameOf(c) }),
    ];

    /// <summary>Adds or removes the condition row the command names, or only shows the form again (refresh); false for a save.</summary>
    public bool ApplyCommand() =>
        ConditionRows.Apply((Command ?? "").Split(':'), All, Any) || Command is not (null or "save");

    public SavedViewRequest ToRequest() => new(
        Name, Scope, long.TryParse(TeamId, NumberStyles.None, CultureInfo.InvariantCulture, out var team) ? team : null,
        ConditionRows.ToSet(All, Any),
        [.. Columns.Select((row, i) => (row, i)).Where(r => r.row.Show && r.row.Column is not null)
            .OrderBy(r => r.row.Order ?? int.MaxValue).ThenBy(r => r.i).Select(r => r.row.Column!)],
        new ViewSortRequest(SortField, SortDirection));

    /// <summary>Puts a posted form in shape to show: lists where the binder left none, every column once.</summary>
    public void Complete()
    {
        (All, Any, Columns) = (All ?? [], Any ?? [], Columns ?? []);
        All.RemoveAll(r => r is null);
        Any.RemoveAll(r => r is null);
        Columns.RemoveAll(r => r is null || !SnakeCaseEnumConverter<TicketColumn>.TryParse(r.Column, out _));
        foreach (var missing in Enum.GetValues<TicketColumn>().Select(TicketColumns.NameOf).Except(Columns.Select(c => c.Column!)))
            Columns.Add(new ColumnRow { Column = missing });
    }

    private static string NameOf<T>(T value) where T : struct, Enum => SnakeCaseEnumConverter<T>.NameOf(value);
}
