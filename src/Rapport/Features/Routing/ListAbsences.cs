using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Routing;

/// <summary>Which absences: in effect now, still to come, either of those (the default), or over (ended or cancelled).</summary>
public enum AbsenceState { Active, Current, Upcoming, Past }

public sealed record AbsenceFilter(Guid? UserId = null, long? TeamId = null, AbsenceState State = AbsenceState.Active, int? Limit = null, string? Cursor = null);

/// <summary>
/// Absences the actor may see (their own; a team lead's teams; everyone for managers and admins),
/// by start: soonest first, or latest first for past ones. Pages by a (start, id) cursor.
/// </summary>
public sealed class ListAbsences(RapportDbContext db, RoutingAccess access, TimeProvider clock)
{
    public async Task<Result<Page<AbsenceDto>>> ExecuteAsync(AbsenceFilter filter, Actor actor, CancellationToken ct)
    {
        var check = new Validator();
        PageLimits.Check(filter.Limit, check);
        Cursor cursor = default;
        if (filter.Cursor is not null && !Cursor.TryDecode(filter.Cursor, out cursor)) check.Add("cursor", PageLimits.UnknownCursor);
        if (!check.IsValid) return check.ToError();
        if (actor.Role == Role.Agent && (filter.TeamId is not null || (filter.UserId is { } other && other != actor.UserId)))
            return new ForbiddenError("Agents see only their own absences.");

        var now = clock.GetUtcNow();
        var absences = access.VisibleAbsences(actor);
        if (filter.UserId is { } userId) absences = absences.Where(a => a.UserId == userId);
        if (filter.TeamId is { } teamId) absences = absences.Where(a => db.TeamMembers.Any(m => m.TeamId == teamId && m.UserId == a.UserId));
        absences = filter.State switch
        {
            AbsenceState.Current => absences.Where(a => a.CancelledAt == null && a.StartsAt <= now && a.EndsAt > now),
            AbsenceState.Upcoming => absences.Where(a => a.CancelledAt == null && a.StartsAt > now),
            AbsenceState.Past => absences.Where(a => a.CancelledAt != null || a.EndsAt <= now),
            _ => absences.Where(a => a.CancelledAt == null && a.EndsAt > now),
        };
        var latestFirst = filter.State == AbsenceState.Past;
        if (filter.Cursor is not null)
        {
            var at = cursor.SortKeyAsTime;
            absences = latestFirst
                ? absences.Where(a => a.StartsAt < at || (a.StartsAt == at && a.Id < cursor.Id))
                : absences.Where(a => a.StartsAt > at || (a.StartsAt == at && a.Id > cursor.Id));
        }
        var ordered = latestFirst ? absences.OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id) : absences.OrderBy(a => a.StartsAt).ThenBy(a => a.Id);
        var take = PageLimits.Clamp(filter.Limit);
        var rows = await ordered.Take(take + 1).Select(RoutingProjections.Absence).ToListAsync(ct);
        var next = rows.Count > take ? Cursor.From(rows[take - 1].StartsAt, rows[take - 1].Id).Encode() : null;
        return new Page<AbsenceDto>(rows.Take(take).ToList(), next);
    }
}
