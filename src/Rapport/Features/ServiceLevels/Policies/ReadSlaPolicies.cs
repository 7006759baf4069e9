using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Policies;

/// <summary>Policies in the order they are tried (the catalogue is small and bounded), and one policy.</summary>
public sealed class ReadSlaPolicies(RapportDbContext db)
{
    public async Task<List<SlaPolicyDto>> ListAsync(CancellationToken ct)
    {
        var policies = await Loaded().OrderBy(p => p.Position).ThenBy(p => p.Id).Take(SlaPolicyInput.MaxPolicies).ToListAsync(ct);
        return [.. policies.Select(SlaPolicyDto.From)];
    }

    public async Task<Result<SlaPolicyDto>> GetAsync(long id, CancellationToken ct)
    {
        var policy = await Loaded().SingleOrDefaultAsync(p => p.Id == id, ct);
        return policy is null ? new SlaPolicyNotFound(id) : SlaPolicyDto.From(policy);
    }

    /// <summary>
    /// The active policies in order, each with its targets and its calendar's holidays, untracked: what
    /// <see cref="SlaPolicyMatcher"/> and <see cref="SlaPolicyTargets"/> need to put a ticket under a policy.
    /// </summary>
    public async Task<List<SlaPolicy>> ActiveAsync(CancellationToken ct) =>
        await db.SlaPolicies.AsNoTracking().AsSplitQuery().Include(p => p.Targets).Include(p => p.Calendar).ThenInclude(c => c!.Holidays)
            .Where(p => p.IsActive).OrderBy(p => p.Position).ThenBy(p => p.Id).Take(SlaPolicyInput.MaxPolicies).ToListAsync(ct);

    private IQueryable<SlaPolicy> Loaded() => db.SlaPolicies.AsNoTracking().AsSplitQuery().Include(p => p.Targets).Include(p => p.Calendar);
}
