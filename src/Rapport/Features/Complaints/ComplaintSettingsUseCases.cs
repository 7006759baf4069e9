using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints;

public sealed record ComplaintSettingsDto(NamedRef? Team, DateTimeOffset UpdatedAt);

/// <summary>A null team means overdue complaints stay where they are (their assignee is still notified).</summary>
public sealed record UpdateComplaintSettingsRequest(Optional<long?> TeamId);

/// <summary>Who handles complaints: read by staff, set by managers.</summary>
public sealed class ComplaintSettingsStore(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<ComplaintSettingsDto> ReadAsync(CancellationToken ct)
    {
        var settings = await db.ComplaintSettings.AsNoTracking().Where(s => s.Id == ComplaintSettings.SingletonId)
            .Select(s => new ComplaintSettingsDto(
                s.TeamId == null ? null : db.Teams.Where(t => t.Id == s.TeamId).Select(t => new NamedRef(t.Id, t.Name)).FirstOrDefault(),
                s.UpdatedAt))
            .SingleOrDefaultAsync(ct);
        return settings ?? new ComplaintSettingsDto(null, ComplaintDefaults.Seeded);
    }

    public async Task<Result<ComplaintSettingsDto>> UpdateAsync(UpdateComplaintSettingsRequest request, Actor actor, CancellationToken ct)
    {
        if (request.TeamId is { IsSet: true, Value: { } teamId } && !await db.Teams.AnyAsync(t => t.Id == teamId, ct))
            return ValidationError.For("teamId", "No team has this id.");
        var settings = await db.ComplaintSettings.SingleOrDefaultAsync(s => s.Id == ComplaintSettings.SingletonId, ct);
        if (settings is null)
        {
            // The migration seeds the row; this only repairs a database where it was deleted by hand.
            settings = new ComplaintSettings();
            db.ComplaintSettings.Add(settings);
        }
        if (request.TeamId.IsSet) settings.TeamId = request.TeamId.Value;
        var changes = AuditChanges.FromEntry(db.Entry(settings), nameof(ComplaintSettings.Id), nameof(ComplaintSettings.UpdatedAt));
        if (!changes.IsEmpty)
        {
            settings.UpdatedAt = clock.GetUtcNow();
            audit.Record(actor, "complaint_settings", ComplaintSettings.SingletonId.ToString(System.Globalization.CultureInfo.InvariantCulture), "updated", changes);
            await db.SaveChangesAsync(ct);
        }
        return await ReadAsync(ct);
    }
}
