using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

public sealed record NewUserRequest(string? Email, string? Name, Role? Role, string? Password, long? CustomerId, long[]? TeamIds);

/// <summary>
/// Creates a user through <see cref="CreateUser"/> (which owns the rules for a user) and puts a
/// staff user straight into their teams, all in one transaction so a failure leaves nothing behind.
/// </summary>
public sealed class CreateUserWithTeams(RapportDbContext db, CreateUser create, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<User>> ExecuteAsync(NewUserRequest request, Actor actor, CancellationToken ct)
    {
        var teamIds = (request.TeamIds ?? []).Distinct().ToArray();
        var check = new Validator();
        if (teamIds.Length > PeopleLimits.TeamsPerUser) check.Add("teamIds", $"At most {PeopleLimits.TeamsPerUser} teams.");
        else if (teamIds.Length > 0)
        {
            if (request.Role is { } role && !role.IsStaff()) check.Add("teamIds", "Only staff can be members of a team.");
            var found = await db.Teams.Where(t => teamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
            var missing = teamIds.Except(found).ToList();
            if (missing.Count > 0) check.Add("teamIds", $"No team has the id {string.Join(", ", missing)}.");
        }
        if (!check.IsValid) return check.ToError();

        return await db.InTransactionAsync(async () =>
        {
            var created = await create.ExecuteAsync(
                new CreateUserRequest(request.Email, request.Name, request.Role, request.Password, request.CustomerId), actor, ct);
            if (!created.Succeeded || teamIds.Length == 0) return created;

            var user = created.Value!;
            var now = clock.GetUtcNow();
            var teams = await db.Teams.Where(t => teamIds.Contains(t.Id)).ToListAsync(ct);
            foreach (var team in teams)
            {
                db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = user.Id });
                team.UpdatedAt = now;
                audit.Record(actor, "team", team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "member_added",
                    new AuditChanges().Set("userId", null, user.Id.ToString()));
            }
            await db.SaveChangesAsync(ct);
            return created;
        }, ct);
    }
}
