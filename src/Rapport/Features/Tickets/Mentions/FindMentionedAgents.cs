using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.People;

namespace Rapport.Features.Tickets.Mentions;

/// <summary>A colleague a note names, and whether they may see the ticket (a restricted team's ticket is for its members).</summary>
public sealed record MentionedAgent(Guid Id, string Name, bool SeesTicket);

/// <summary>
/// Turns a note's handles into colleagues: active staff only, and a handle that fits two addresses
/// (ann@one.example and ann@two.example) names nobody until it is written in full.
/// </summary>
public sealed class FindMentionedAgents(RapportDbContext db)
{
    public async Task<IReadOnlyList<MentionedAgent>> ExecuteAsync(string markdown, Ticket ticket, CancellationToken ct)
    {
        var handles = MentionHandles.Find(markdown);
        if (handles.Count == 0) return [];
        // Staff are found through the unique index on the normalised address: by the whole of it, or by its start
        // (a few prefix ranges; a note names one or two colleagues).
        var staff = db.Users.Where(u => u.Role != Role.Customer && u.IsActive);
        var addresses = handles.Where(h => h.Contains('@')).Select(h => h.ToUpperInvariant()).ToList();
        var candidates = addresses.Count == 0 ? [] : await staff.Where(u => addresses.Contains(u.NormalizedEmail!))
            .Select(u => new Candidate(u.Id, u.DisplayName, u.NormalizedEmail!)).ToListAsync(ct);
        foreach (var prefix in handles.Where(h => !h.Contains('@')).Select(h => h.ToUpperInvariant() + "@"))
            candidates.AddRange(await staff.Where(u => u.NormalizedEmail!.StartsWith(prefix))
                .Select(u => new Candidate(u.Id, u.DisplayName, u.NormalizedEmail!)).Take(2).ToListAsync(ct));

        var named = handles
            .Select(handle => candidates.Where(c => MentionHandles.Names(handle, c.Email)).ToList())
            .Where(matches => matches.Count == 1)
            .Select(matches => matches[0])
            .DistinctBy(c => c.Id)
            .ToList();
        if (named.Count == 0) return [];

        var ids = named.Select(n => n.Id).ToList();
        var seeing = await db.Users.Where(u => ids.Contains(u.Id)).WhoMaySeeTicketOf(db, ticket.TeamId).Select(u => u.Id).ToListAsync(ct);
        return [.. named.Select(n => new MentionedAgent(n.Id, n.DisplayName, seeing.Contains(n.Id)))];
    }

    private sealed record Candidate(Guid Id, string DisplayName, string Email);
}
