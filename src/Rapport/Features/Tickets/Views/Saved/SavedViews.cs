using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Conditions;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets.Views.Saved;

public sealed record ViewSortDto(ViewSortField Field, SortDirection Direction);

public sealed record SavedViewDto(
    long Id, string Name, ViewScope Scope, Guid? OwnerId, NamedRef? Team, ConditionSet Conditions, IReadOnlyList<TicketColumn> Columns,
    ViewSortDto Sort, int Position, bool MayEdit, Guid CreatedById, Guid UpdatedById, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// Saved views: list those the actor sees, read, create (last in its group), replace, move within its group and
/// delete, each checked (<see cref="SavedViewAccess"/>) and audited. A view the actor may not see is "not found".
/// </summary>
public sealed class SavedViews(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<List<SavedViewDto>> ListAsync(Actor actor, CancellationToken ct)
    {
        var views = await db.SavedViews.AsNoTracking().Include(v => v.Team).VisibleTo(actor, db)
            .OrderBy(v => v.Position).ThenBy(v => v.Id).ToListAsync(ct);
        var myTeams = await MyTeamsAsync(actor, ct);
        // Scopes are stored by name: mine, then my teams', then the shared ones, in the rail's order.
        return [.. views.OrderBy(v => v.Scope).ThenBy(v => v.Team?.Name).Select(v => ToDto(v, actor, myTeams))];
    }

    public async Task<Result<SavedViewDto>> GetAsync(long id, Actor actor, CancellationToken ct) =>
        await FindAsync(id, actor, tracked: false, ct) is { } view ? ToDto(view, actor, await MyTeamsAsync(actor, ct)) : new SavedViewNotFound(id);

    public async Task<Result<SavedViewDto>> CreateAsync(SavedViewRequest request, Actor actor, CancellationToken ct)
    {
        var check = new Validator();
        if (SavedViewInput.Check(request, check) is not { } input) return check.ToError();
        if (await RefuseAsync(input, actor, ct) is { } refused) return refused;
        var (now, userId) = (clock.GetUtcNow(), actor.UserId!.Value);
        var view = new SavedView
        {
            Name = input.Name, Conditions = input.Conditions.ToJson(), Columns = TicketColumns.ToText(input.Columns),
            CreatedById = userId, CreatedAt = now,
        };
        Apply(view, input, userId, now);
        view.Position = (await Group(view).MaxAsync(v => (int?)v.Position, ct) ?? 0) + 1;
        db.SavedViews.Add(view);
        return await SaveAsync(view, "created", AuditChanges.FromEntry(db.Entry(view), nameof(SavedView.Id), nameof(SavedView.CreatedAt), nameof(SavedView.UpdatedAt)), actor, ct);
    }

    /// <summary>Replaces the whole view with the request; moving it to another scope needs the right to both.</summary>
    public async Task<Result<SavedViewDto>> ReplaceAsync(long id, SavedViewRequest request, Actor actor, CancellationToken ct)
    {
        if (await FindAsync(id, actor, tracked: true, ct) is not { } view) return new SavedViewNotFound(id);
        if (await RefuseAsync(view, actor, ct) is { } forbidden) return forbidden;
        var check = new Validator();
        if (SavedViewInput.Check(request, check) is not { } input) return check.ToError();
        if (await RefuseAsync(input, actor, ct) is { } refused) return refused;
        var moved = (view.Scope, view.OwnerId, view.TeamId) != (input.Scope, input.Scope == ViewScope.Personal ? actor.UserId : null, input.TeamId);
        (view.Name, view.Conditions, view.Columns) = (input.Name, input.Conditions.ToJson(), TicketColumns.ToText(input.Columns));
        Apply(view, input, actor.UserId!.Value, view.UpdatedAt);
        if (moved) view.Position = (await Group(view).Where(v => v.Id != id).MaxAsync(v => (int?)v.Position, ct) ?? 0) + 1;
        var changes = AuditChanges.FromEntry(db.Entry(view), nameof(SavedView.UpdatedById));
        if (changes.IsEmpty) return ToDto(view, actor, await MyTeamsAsync(actor, ct));
        view.UpdatedAt = clock.GetUtcNow();
        return await SaveAsync(view, "updated", changes, actor, ct);
    }

    /// <summary>Moves a view to a place in its group of the rail (1 = first); the group is then numbered 1, 2, 3… in that order.</summary>
    public async Task<Result<SavedViewDto>> MoveAsync(long id, MoveSavedViewRequest request, Actor actor, CancellationToken ct)
    {
        if (await FindAsync(id, actor, tracked: true, ct) is not { } view) return new SavedViewNotFound(id);
        if (await RefuseAsync(view, actor, ct) is { } forbidden) return forbidden;
        var order = await Group(view).OrderBy(v => v.Position).ThenBy(v => v.Id).ToListAsync(ct);
        if (request.Position is not { } position || position < 1 || position > order.Count)
            return ValidationError.For("position", $"Must be from 1 to {order.Count}.");
        var before = order.FindIndex(v => v.Id == id) + 1;
        if (position == before) return ToDto(view, actor, await MyTeamsAsync(actor, ct));
        order.RemoveAt(before - 1);
        order.Insert(position - 1, view);
        for (var i = 0; i < order.Count; i++) order[i].Position = i + 1;
        (view.UpdatedAt, view.UpdatedById) = (clock.GetUtcNow(), actor.UserId!.Value);
        return await SaveAsync(view, "moved", new AuditChanges().Set("position", before, position), actor, ct);
    }

    public async Task<Result<bool>> DeleteAsync(long id, Actor actor, CancellationToken ct)
    {
        if (await FindAsync(id, actor, tracked: true, ct) is not { } view) return new SavedViewNotFound(id);
        if (await RefuseAsync(view, actor, ct) is { } forbidden) return forbidden;
        db.SavedViews.Remove(view);
        audit.Record(actor, "saved_view", Key(id), "deleted", new AuditChanges().Set("name", view.Name, null).Set("scope", view.Scope, null));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The teams the actor may make views for: every team for managers and admins, a lead's own teams.</summary>
    public async Task<List<NamedRef>> TeamsForAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.SeesAllTeams && actor.Role != People.Role.TeamLead) return [];
        var userId = actor.UserId;
        var teams = actor.SeesAllTeams ? db.Teams : db.Teams.Where(t => db.TeamMembers.Any(m => m.TeamId == t.Id && m.UserId == userId));
        return await teams.OrderBy(t => t.Name).Select(t => new NamedRef(t.Id, t.Name)).ToListAsync(ct);
    }

    private Task<SavedView?> FindAsync(long id, Actor actor, bool tracked, CancellationToken ct) =>
        (tracked ? db.SavedViews : db.SavedViews.AsNoTracking()).Include(v => v.Team).VisibleTo(actor, db).FirstOrDefaultAsync(v => v.Id == id, ct);

    private static void Apply(SavedView view, SavedViewInput input, Guid userId, DateTimeOffset now)
    {
        if (view.TeamId != input.TeamId) view.Team = null;
        (view.Scope, view.TeamId, view.SortField, view.SortDirection) = (input.Scope, input.TeamId, input.SortField, input.Direction);
        view.OwnerId = input.Scope == ViewScope.Personal ? userId : null;
        (view.UpdatedById, view.UpdatedAt) = (userId, now);
    }

    /// <summary>The views the one being placed shares a rail group with.</summary>
    private IQueryable<SavedView> Group(SavedView view) => view.Scope switch
    {
        ViewScope.Personal => db.SavedViews.Where(v => v.Scope == ViewScope.Personal && v.OwnerId == view.OwnerId),
        ViewScope.Team => db.SavedViews.Where(v => v.Scope == ViewScope.Team && v.TeamId == view.TeamId),
        _ => db.SavedViews.Where(v => v.Scope == ViewScope.Shared),
    };

    private async Task<Error?> RefuseAsync(SavedViewInput input, Actor actor, CancellationToken ct)
    {
        if (input.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct))
            return ValidationError.For("teamId", $"There is no team {teamId}.");
        var inTeam = input.TeamId is { } team && await db.TeamMembers.AnyAsync(m => m.TeamId == team && m.UserId == actor.UserId, ct);
        return SavedViewAccess.MayManage(actor, input.Scope, null, inTeam) ? null : new ForbiddenError(SavedViewAccess.WhoMay(input.Scope));
    }

    private async Task<Error?> RefuseAsync(SavedView view, Actor actor, CancellationToken ct)
    {
        var inTeam = view.TeamId is { } team && await db.TeamMembers.AnyAsync(m => m.TeamId == team && m.UserId == actor.UserId, ct);
        return SavedViewAccess.MayManage(actor, view.Scope, view.OwnerId, inTeam) ? null : new ForbiddenError(SavedViewAccess.WhoMay(view.Scope));
    }

    private async Task<HashSet<long>> MyTeamsAsync(Actor actor, CancellationToken ct) =>
        [.. await db.TeamMembers.Where(m => m.UserId == actor.UserId).Select(m => m.TeamId).ToListAsync(ct)];

    private async Task<Result<SavedViewDto>> SaveAsync(SavedView view, string action, AuditChanges changes, Actor actor, CancellationToken ct)
    {
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            audit.Record(actor, "saved_view", Key(view.Id), action, changes);
            return await db.SaveChangesAsync(ct);
        }, ct);
        if (view.TeamId is { } teamId && view.Team is null) view.Team = await db.Teams.FindAsync([teamId], ct);
        return ToDto(view, actor, await MyTeamsAsync(actor, ct));
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static SavedViewDto ToDto(SavedView view, Actor actor, IReadOnlySet<long> myTeams) => new(
        view.Id, view.Name, view.Scope, view.OwnerId, view.Team is { } team ? new NamedRef(team.Id, team.Name) : null,
        ConditionSet.FromJson(view.Conditions), TicketColumns.FromText(view.Columns), new ViewSortDto(view.SortField, view.SortDirection), view.Position,
        SavedViewAccess.MayManage(actor, view.Scope, view.OwnerId, view.TeamId is { } t && myTeams.Contains(t)),
        view.CreatedById, view.UpdatedById, view.CreatedAt, view.UpdatedAt);

    private sealed record SavedViewNotFound(long Id) : Error(StatusCodes.Status404NotFound, "Not found", $"There is no saved view {Id}.");
}
