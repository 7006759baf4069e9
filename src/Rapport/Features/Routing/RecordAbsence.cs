using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Routing;

/// <summary>
/// Records that a staff member will be (or is, or was) away. Team leads record absences for the
/// members of their teams, managers and admins for anyone. An absence may not overlap another of
/// the same person. One that has already started has the agent's tickets redistributed at once.
/// </summary>
public sealed class RecordAbsence(RapportDbContext db, RoutingAccess access, RedistributeAbsentWork redistribute, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(RecordAbsenceRequest request, Actor actor, CancellationToken ct)
    {
        var check = new Validator();
        if (request.UserId is null) check.Add("userId", "This field is required.");
        if (request.Kind is null) check.Add("kind", "This field is required.");
        if (request.StartsAt is null) check.Add("startsAt", "This field is required.");
        if (request.EndsAt is null) check.Add("endsAt", "This field is required.");
        else if (request.StartsAt is { } start && request.EndsAt <= start) check.Add("endsAt", "Must be after the start.");
        check.Text("note", request.Note, RoutingLimits.AbsenceNoteLength, multiline: true);
        if (!check.IsValid) return check.ToError();

        var userId = request.UserId!.Value;
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.IsActive && u.Role != Role.Customer, ct))
            return ValidationError.For("userId", "No active staff member has this id.");
        if (!await access.SupervisesAsync(actor, userId, ct)) return RoutingAccess.NotYourTeam;
        var (starts, ends) = (request.StartsAt!.Value.ToUniversalTime(), request.EndsAt!.Value.ToUniversalTime());
        var overlapping = await db.Absences.AsNoTracking()
            .Where(a => a.UserId == userId && a.CancelledAt == null && a.StartsAt < ends && a.EndsAt > starts)
            .Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        if (overlapping is { } other) return ValidationError.For("startsAt", $"Overlaps absence {other} of the same person; change or cancel that one.");

        var absence = new Absence
        {
            UserId = userId,
            Kind = request.Kind!.Value,
            StartsAt = starts,
            EndsAt = ends,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            RecordedById = actor.UserId,
            RecordedByName = actor.Name,
            RecordedAt = clock.GetUtcNow(),
        };
        db.Absences.Add(absence);
        // Read the fields while the entry is still Added: after saving, EF no longer reports them as changes.
        var recorded = AuditChanges.FromEntry(db.Entry(absence), nameof(Absence.Id), nameof(Absence.RecordedAt), nameof(Absence.RecordedByName));
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            audit.Record(actor, "absence", absence.Id.ToString(CultureInfo.InvariantCulture), "recorded", recorded);
            await db.SaveChangesAsync(ct);
            return absence.Id;
        }, ct);
        // Its own writes, after the absence is in: a failure there leaves the work to the sweep.
        if (absence.IsCurrent(clock.GetUtcNow())) await redistribute.ForAbsenceAsync(absence.Id, ct);
        return absence.Id;
    }
}
