using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Levels;

/// <summary>
/// The configured ladder: read it, add a level on top, change a level, remove the top one. Every change is audited
/// as <c>escalation_level</c>. The ladder is small (at most <see cref="EscalationLadder.MaxLevels"/>), so it is read whole.
/// </summary>
public sealed class EscalationLevels(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<List<EscalationLevelDto>> ListAsync(CancellationToken ct)
    {
        var levels = await db.EscalationLevels.AsNoTracking().Include(l => l.Team).OrderBy(l => l.Level).ToListAsync(ct);
        var top = levels.Count == 0 ? 0 : levels[^1].Level;
        return [.. levels.Select(l => ToDto(l, top))];
    }

    public async Task<Result<EscalationLevelDto>> GetAsync(int level, CancellationToken ct) =>
        (await ListAsync(ct)).Find(l => l.Level == level) is { } found ? found : new EscalationLevelNotFound(level);

    /// <summary>The ladder for the rules.</summary>
    public async Task<EscalationLadder> LadderAsync(CancellationToken ct) => new(
        await db.EscalationLevels.AsNoTracking().OrderBy(l => l.Level)
            .Select(l => new LadderStep(l.Level, l.Name, l.TeamId, l.NotifyRole)).ToListAsync(ct));

    public async Task<Result<EscalationLevelDto>> CreateAsync(CreateEscalationLevelRequest request, Actor actor, CancellationToken ct)
    {
        var check = new Validator().Required("name", request.Name, EscalationLadder.NameLength);
        await CheckAsync(request.Name, null, request.TeamId, request.NotifyRole, check, ct);
        if (!check.IsValid) return check.ToError();
        return await db.InTransactionAsync<Result<EscalationLevelDto>>(async () =>
        {
            var top = await db.EscalationLevels.MaxAsync(l => (int?)l.Level, ct) ?? 0;
            if (top >= EscalationLadder.MaxLevels) return new LadderFull();
            var level = new EscalationLevel
            {
                Level = top + 1, Name = request.Name!.Trim(), TeamId = request.TeamId, NotifyRole = request.NotifyRole, UpdatedAt = clock.GetUtcNow(),
            };
            db.EscalationLevels.Add(level);
            Record(actor, level.Level, "created", AuditChanges.FromEntry(db.Entry(level), nameof(EscalationLevel.UpdatedAt)));
            return await SaveAsync(level.Level, ct);
        }, ct);
    }

    public async Task<Result<EscalationLevelDto>> UpdateAsync(int number, UpdateEscalationLevelRequest request, Actor actor, CancellationToken ct)
    {
        var level = await db.EscalationLevels.SingleOrDefaultAsync(l => l.Level == number, ct);
        if (level is null) return new EscalationLevelNotFound(number);
        var check = new Validator();
        if (request.Name.IsSet) check.Required("name", request.Name.Value, EscalationLadder.NameLength);
        await CheckAsync(request.Name.IsSet ? request.Name.Value : null, number,
            request.TeamId.IsSet ? request.TeamId.Value : null, request.NotifyRole.IsSet ? request.NotifyRole.Value : null, check, ct);
        if (!check.IsValid) return check.ToError();

        if (request.Name.IsSet) level.Name = request.Name.Value!.Trim();
        if (request.TeamId.IsSet) level.TeamId = request.TeamId.Value;
        if (request.NotifyRole.IsSet) level.NotifyRole = request.NotifyRole.Value;
        var changes = AuditChanges.FromEntry(db.Entry(level), nameof(EscalationLevel.UpdatedAt));
        if (changes.IsEmpty) return await GetAsync(number, ct);
        level.UpdatedAt = clock.GetUtcNow();
        Record(actor, number, "updated", changes);
        return await SaveAsync(number, ct);
    }

    /// <summary>Removes the top level. Tickets already there keep their number, shown as "Level N", and go no higher.</summary>
    public async Task<Result<int>> DeleteAsync(int number, Actor actor, CancellationToken ct) =>
        await db.InTransactionAsync<Result<int>>(async () =>
        {
            var level = await db.EscalationLevels.SingleOrDefaultAsync(l => l.Level == number, ct);
            if (level is null) return new EscalationLevelNotFound(number);
            var top = await db.EscalationLevels.MaxAsync(l => l.Level, ct);
            if (number != top) return new OnlyTopLevelRemovable(number, top);
            db.EscalationLevels.Remove(level);
            Record(actor, number, "deleted", new AuditChanges().Set("name", level.Name, null).Set("teamId", level.TeamId, null)
                .Set("notifyRole", level.NotifyRole, null));
            await db.SaveChangesAsync(ct);
            return number;
        }, ct);

    private async Task CheckAsync(string? name, int? except, long? teamId, Role? role, Validator check, CancellationToken ct)
    {
        if (check.IsValid && name is not null)
        {
            var upper = name.Trim().ToUpperInvariant();
            if (await db.EscalationLevels.AnyAsync(l => l.Name.ToUpper() == upper && l.Level != except, ct)) check.Add("name", "Another escalation level has this name.");
        }
        if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct)) check.Add("teamId", "No team has this id.");
        Recipients.CheckRole("notifyRole", role, check);
    }

    private void Record(Actor actor, int level, string action, AuditChanges changes) =>
        audit.Record(actor, "escalation_level", level.ToString(CultureInfo.InvariantCulture), action, changes);

    private async Task<Result<EscalationLevelDto>> SaveAsync(int level, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return new EscalationLevelNameTaken();
        }
        return await GetAsync(level, ct);
    }

    private static EscalationLevelDto ToDto(EscalationLevel level, int top) => new(level.Level, level.Name,
        level.Team is { } team ? new TeamRef(team.Id, team.Name) : null, level.NotifyRole, level.Level == top, level.UpdatedAt);
}
