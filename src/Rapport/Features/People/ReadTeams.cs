using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

/// <summary>Teams for staff: the list with member counts (one query), and one team with its members.</summary>
public sealed class ReadTeams(RapportDbContext db)
{
    public async Task<List<TeamSummaryDto>> ListAsync(CancellationToken ct) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).Select(PeopleProjections.TeamSummary).ToListAsync(ct);

    public async Task<Result<TeamDto>> GetAsync(long id, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == id).Select(PeopleProjections.Team).SingleOrDefaultAsync(ct);
        return team is null ? new TeamNotFound(id) : team;
    }
}
