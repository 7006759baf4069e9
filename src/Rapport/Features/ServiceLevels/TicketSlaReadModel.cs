using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.ServiceLevels.Policies;

namespace Rapport.Features.ServiceLevels;

/// <summary>One SLA target of a ticket as the API and the ticket page show it, worked out at the moment of reading.</summary>
/// <param name="RemainingMinutes">Service-time minutes left (rounded up), or overrun (negative, rounded down); frozen while paused.</param>
public sealed record SlaTargetDto(
    SlaMetric Metric, int TargetMinutes, bool BusinessHours, SlaState State, DateTimeOffset StartedAt,
    DateTimeOffset? DueAt, DateTimeOffset? WarningAt, DateTimeOffset? StoppedAt, DateTimeOffset? BreachedAt, int RemainingMinutes);

/// <summary>Reads a ticket's SLA clocks and evaluates them now.</summary>
public sealed class TicketSlaReadModel(RapportDbContext db, ActiveSlaPolicies policies, TimeProvider clock)
{
    public async Task<IReadOnlyList<SlaTargetDto>> ForTicketAsync(long number, CancellationToken ct)
    {
        var rows = await db.TicketSlaClocks.AsNoTracking().Where(c => c.TicketNumber == number).OrderBy(c => c.Metric).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var targets = new List<SlaTargetDto>(rows.Count);
        foreach (var row in rows)
        {
            var restored = await TicketClocks.RestoreAsync(row, policies, ct);
            var seen = restored.Evaluate(now);
            var minutes = seen.Remaining.TotalMinutes;
            targets.Add(new SlaTargetDto(row.Metric, row.TargetMinutes, row.BusinessHours, seen.State, restored.StartedAt, seen.DueAt,
                seen.WarningAt, restored.StoppedAt, restored.BreachedAt, (int)(minutes >= 0 ? Math.Ceiling(minutes) : Math.Floor(minutes))));
        }
        return targets;
    }
}
