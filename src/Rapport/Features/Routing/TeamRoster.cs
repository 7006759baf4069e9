using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.People;

namespace Rapport.Features.Routing;

/// <summary>A team's assignment method and its members as candidates, read in a few indexed queries.</summary>
public sealed record Roster(long TeamId, AssignmentMethod Method, List<Candidate> Candidates)
{
    /// <summary>Records an assignment made from this roster, so the next choice in the same run sees it.</summary>
    public void Assigned(Guid userId, int load, DateTimeOffset stamp)
    {
        var index = Candidates.FindIndex(c => c.UserId == userId);
        if (index >= 0) Candidates[index] = Candidates[index] with { Load = Candidates[index].Load + load, LastAssignedAt = stamp };
    }
}

public sealed class TeamRoster(RapportDbContext db)
{
    /// <summary>The team's roster; a manual team's members are not read (nobody is chosen). Null when the team does not exist.</summary>
    public async Task<Roster?> ReadAsync(long teamId, DateTimeOffset now, CancellationToken ct)
    {
        var method = await db.Teams.Where(t => t.Id == teamId).Select(t => (AssignmentMethod?)t.AssignmentMethod).FirstOrDefaultAsync(ct);
        if (method is null) return null;
        if (method == AssignmentMethod.Manual) return new Roster(teamId, method.Value, []);

        var members = await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == teamId && m.User.IsActive && m.User.Role != Role.Customer)
            .Select(m => new { m.UserId, m.User.Availability, m.LastAssignedAt })
            .ToListAsync(ct);
        var ids = members.Select(m => m.UserId).ToList();
        var absent = await AbsentAsync(ids, now, ct);
        var loads = await LoadsAsync(ids, ct);
        var skills = method == AssignmentMethod.SkillsBased ? await SkillsAsync(ids, ct) : [];
        var candidates = members.Select(m => new Candidate(
            m.UserId, m.Availability, absent.Contains(m.UserId), loads.GetValueOrDefault(m.UserId),
            skills.TryGetValue(m.UserId, out var own) ? own : [], m.LastAssignedAt)).ToList();
        return new Roster(teamId, method.Value, candidates);
    }

    public async Task<HashSet<Guid>> AbsentAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken ct) =>
        (await db.Absences.AsNoTracking()
            .Where(a => ids.Contains(a.UserId) && a.CancelledAt == null && a.StartsAt <= now && a.EndsAt > now)
            .Select(a => a.UserId).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>Each agent's priority-weighted new and open tickets (<see cref="Workload"/>), counted by the assignee index.</summary>
    public async Task<Dictionary<Guid, int>> LoadsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var loading = Workload.Loading;
        var counts = await db.Tickets.AsNoTracking()
            .Where(t => t.AssigneeId != null && ids.Contains(t.AssigneeId.Value) && loading.Contains(t.Status))
            .GroupBy(t => new { t.AssigneeId, t.Priority })
            .Select(g => new { g.Key.AssigneeId, g.Key.Priority, Count = g.Count() })
            .ToListAsync(ct);
        return counts.GroupBy(c => c.AssigneeId!.Value).ToDictionary(g => g.Key, g => g.Sum(c => c.Count * Workload.Weight(c.Priority)));
    }

    private async Task<Dictionary<Guid, List<Skill>>> SkillsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await db.AgentSkills.AsNoTracking().Where(s => ids.Contains(s.UserId)).Select(s => new { s.UserId, s.Kind, s.Value }).ToListAsync(ct))
            .GroupBy(s => s.UserId).ToDictionary(g => g.Key, g => g.Select(s => new Skill(s.Kind, s.Value)).ToList());
}
