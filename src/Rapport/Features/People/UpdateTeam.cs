using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Routing;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

/// <summary>A partial update: only the fields present change; a null aim clears it.</summary>
public sealed record UpdateTeamRequest(Optional<string> Name, Optional<string> Aim, Optional<bool?> IsRestricted,
    Optional<AssignmentMethod?> AssignmentMethod);

/// <summary>Renames a team, restates its aim, restricts it or sets how its tickets are assigned, and audits each changed field.</summary>
public sealed class UpdateTeam(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(long id, UpdateTeamRequest request, Actor actor, CancellationToken ct)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return new TeamNotFound(id);

        var check = new Validator();
        if (request.Name.IsSet) check.Required("name", request.Name.Value, PeopleLimits.TeamNameLength);
        if (request.Aim.IsSet) check.Text("aim", request.Aim.Value, PeopleLimits.TeamAimLength, multiline: true);
        if (request.IsRestricted is { IsSet: true, Value: null }) check.Add("isRestricted", "isRestricted cannot be empty.");
        if (request.AssignmentMethod is { IsSet: true, Value: null }) check.Add("assignmentMethod", "assignmentMethod cannot be empty.");
        if (check.IsValid && request.Name.IsSet) await TeamNames.CheckUniqueAsync(db, request.Name.Value!, id, check, ct);
        if (!check.IsValid) return check.ToError();

        if (request.Name.IsSet) team.Name = request.Name.Value!.Trim();
        if (request.Aim.IsSet) team.Aim = string.IsNullOrWhiteSpace(request.Aim.Value) ? null : request.Aim.Value.Trim();
        if (request.IsRestricted.IsSet) team.IsRestricted = request.IsRestricted.Value!.Value;
        if (request.AssignmentMethod.IsSet) team.AssignmentMethod = request.AssignmentMethod.Value!.Value;
        var changes = AuditChanges.FromEntry(db.Entry(team), nameof(Team.UpdatedAt));
        if (changes.IsEmpty) return team.Id;

        team.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, "team", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "updated", changes);
        return await TeamNames.TrySaveAsync(db, ct) ? team.Id : TeamNames.Taken;
    }
}
