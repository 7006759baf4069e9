using System.Globalization;
using Rapport.Features.People;

namespace Rapport.Features.Automation.Pages;

public sealed record Choice(string Id, string Name);

/// <summary>The teams and staff a rule can name, for the form's selects and for telling a rule in words.</summary>
public sealed record RuleChoices(IReadOnlyList<Choice> Teams, IReadOnlyList<Choice> Staff)
{
    public static readonly RuleChoices None = new([], []);

    // As the ticket page does: the first page of active staff by name.
    public static async Task<RuleChoices> LoadAsync(ReadTeams teams, ListUsers users, CancellationToken ct)
    {
        var staff = await users.ExecuteAsync(new UserFilter(Roles: [Role.Agent, Role.TeamLead, Role.Manager, Role.Admin], Active: true, Limit: 100), ct);
        return new RuleChoices(
            [.. (await teams.ListAsync(ct)).Select(t => new Choice(t.Id.ToString(CultureInfo.InvariantCulture), t.Name))],
            [.. (staff.Value?.Items ?? []).Select(u => new Choice(u.Id.ToString(), u.Name))]);
    }

    public string Team(string id) => Teams.FirstOrDefault(t => t.Id == id)?.Name ?? $"team {id}";

    public string Person(string id) => Staff.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))?.Name ?? "someone not listed";
}
