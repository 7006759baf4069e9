using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Routing;

/// <summary>A staff member's skills, by kind and value: they read their own, supervisors read anyone's.</summary>
public sealed class ReadSkills(RapportDbContext db)
{
    public async Task<Result<List<SkillDto>>> ExecuteAsync(Guid userId, Actor actor, CancellationToken ct)
    {
        if (actor.UserId != userId && actor.Role is not (Role.TeamLead or Role.Manager or Role.Admin))
            return new ForbiddenError("Only supervisors read other people's skills.");
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.Role != Role.Customer, ct)) return new UserNotFound(userId);
        return await ForAsync(userId, ct);
    }

    public async Task<List<SkillDto>> ForAsync(Guid userId, CancellationToken ct)
    {
        var skills = await db.AgentSkills.AsNoTracking().Where(s => s.UserId == userId).Select(s => new SkillDto(s.Kind, s.Value)).ToListAsync(ct);
        return [.. skills.OrderBy(s => s.Kind).ThenBy(s => s.Value, StringComparer.Ordinal)];
    }
}
