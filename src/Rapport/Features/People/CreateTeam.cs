using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

public sealed record CreateTeamRequest(string? Name, string? Aim, bool? IsRestricted);

/// <summary>Creates a team with a unique name (ignoring case, so "Billing" and "billing" cannot both exist).</summary>
public sealed class CreateTeam(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(CreateTeamRequest request, Actor actor, CancellationToken ct)
    {
        var check = new Validator().Required("name", request.Name, PeopleLimits.TeamNameLength)
            .Text("aim", request.Aim, PeopleLimits.TeamAimLength, multiline: true);
        if (check.IsValid) await TeamNames.CheckUniqueAsync(db, request.Name!, null, check, ct);
        if (!check.IsValid) return check.ToError();

        var now = clock.GetUtcNow();
        var team = new Team
        {
            Name = request.Name!.Trim(),
            Aim = string.IsNullOrWhiteSpace(request.Aim) ? null : request.Aim.Trim(),
            IsRestricted = request.IsRestricted ?? false,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // Read the fields while the entry is still Added: after saving, the change tracker reports nothing new.
        db.Teams.Add(team);
        var changes = AuditChanges.FromEntry(db.Entry(team), nameof(Team.Id), nameof(Team.CreatedAt), nameof(Team.UpdatedAt));
        return await db.InTransactionAsync<Result<long>>(async () =>
        {
            if (!await TeamNames.TrySaveAsync(db, ct)) return TeamNames.Taken;
            audit.Record(actor, "team", team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", changes);
            await db.SaveChangesAsync(ct);
            return team.Id;
        }, ct);
    }
}

/// <summary>The one rule about team names, shared by creating and renaming.</summary>
internal static class TeamNames
{
    public static readonly ValidationError Taken = ValidationError.For("name", "A team with this name already exists.");

    public static async Task CheckUniqueAsync(RapportDbContext db, string name, long? exceptId, Validator check, CancellationToken ct)
    {
        var upper = name.Trim().ToUpperInvariant();
        if (await db.Teams.AnyAsync(t => t.Name.ToUpper() == upper && t.Id != exceptId, ct)) check.Add("name", Taken.Errors["name"][0]);
    }

    /// <summary>
    /// Saves a team; false when a concurrent request took the name first. The unique name index is
    /// the only constraint a team row can break (no foreign keys, a generated id), so it means just that.
    /// </summary>
    public static async Task<bool> TrySaveAsync(RapportDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
