using Rapport.Features.Conditions;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets.Views.Saved;

/// <summary>A saved view as posted. Scope, columns and sort come as names so that a wrong one is reported at its path.</summary>
public sealed record SavedViewRequest(string? Name, string? Scope, long? TeamId, ConditionSet? Conditions, string[]? Columns, ViewSortRequest? Sort);

public sealed record ViewSortRequest(string? Field, string? Direction);

public sealed record MoveSavedViewRequest(int? Position);

/// <summary>A request that passed <see cref="SavedViewInput.Check"/>: every name read, every rule met.</summary>
public sealed record SavedViewInput(
    string Name, ViewScope Scope, long? TeamId, ConditionSet Conditions, IReadOnlyList<TicketColumn> Columns, ViewSortField SortField, SortDirection Direction)
{
    public const int NameLength = 80;

    /// <summary>Reads and checks a request; each problem is named by its path (columns[2], sort.direction, conditions.all[0].value).</summary>
    public static SavedViewInput? Check(SavedViewRequest request, Validator check)
    {
        check.Required("name", request.Name, NameLength);
        var scope = QueryEnums.Parse<ViewScope>("scope", request.Scope, check);
        if (string.IsNullOrEmpty(request.Scope)) check.Add("scope", $"Give the scope: {SnakeCaseEnumConverter<ViewScope>.Allowed}.");
        if (scope == ViewScope.Team && request.TeamId is null) check.Add("teamId", "A team view needs its team.");
        if (scope is ViewScope.Personal or ViewScope.Shared && request.TeamId is not null) check.Add("teamId", "Only a team view has a team.");
        var conditions = request.Conditions ?? ConditionSet.Empty;
        conditions.Validate("conditions", check);
        var columns = ReadColumns(request.Columns, check);
        var field = QueryEnums.Parse<ViewSortField>("sort.field", request.Sort?.Field, check) ?? ViewSortField.Updated;
        var direction = QueryEnums.Parse<SortDirection>("sort.direction", request.Sort?.Direction, check) ?? (field == ViewSortField.SlaDue ? SortDirection.Asc : SortDirection.Desc);
        // The due-time order is served by one index read one way: the most urgent first.
        if (field == ViewSortField.SlaDue && direction == SortDirection.Desc) check.Add("sort.direction", "SLA due time sorts soonest first only (asc).");
        return check.IsValid ? new SavedViewInput(request.Name!.Trim(), scope!.Value, request.TeamId, conditions, columns, field, direction) : null;
    }

    private static List<TicketColumn> ReadColumns(string[]? names, Validator check)
    {
        var columns = new List<TicketColumn>();
        if (names is null or { Length: 0 })
        {
            check.Add("columns", $"Choose the columns to show, from: {SnakeCaseEnumConverter<TicketColumn>.Allowed}.");
            return columns;
        }
        for (var i = 0; i < names.Length; i++)
        {
            if (QueryEnums.Parse<TicketColumn>($"columns[{i}]", names[i], check) is not { } column) continue;
            if (columns.Contains(column)) check.Add($"columns[{i}]", $"'{names[i]}' is already shown.");
            else columns.Add(column);
        }
        if (names.Length > 0 && check.IsValid && !columns.Contains(TicketColumn.Subject) && !columns.Contains(TicketColumn.Number))
            check.Add("columns", "Show the number or the subject, so each row links to its ticket.");
        return columns;
    }
}
