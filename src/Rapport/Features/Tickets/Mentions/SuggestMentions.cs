using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;

namespace Rapport.Features.Tickets.Mentions;

/// <summary>A colleague the composer offers after "@", with the handle that names them and nobody else.</summary>
public sealed record MentionSuggestion(Guid Id, string Name, string Email, string Handle);

/// <summary>
/// The colleagues whose name or address starts with what follows the "@" and who may see the ticket (so a
/// mention of them tells them), the writer left out.
/// </summary>
public sealed class SuggestMentions(RapportDbContext db)
{
    public const int Limit = 8;

    public async Task<IReadOnlyList<MentionSuggestion>> ExecuteAsync(long ticketNumber, string? query, Actor actor, CancellationToken ct)
    {
        var text = query?.Trim().TrimStart('@') ?? "";
        if (text.Length == 0) return [];
        var ticket = await db.Tickets.VisibleTo(actor, db).Where(t => t.Number == ticketNumber)
            .Select(t => new { t.TeamId }).FirstOrDefaultAsync(ct);
        if (ticket is null) return [];

        var staff = db.Users.Where(u => u.Role != Role.Customer && u.IsActive);
        var upper = text.ToUpperInvariant();
        var found = await staff.Where(u => u.Id != actor.UserId).WhoMaySeeTicketOf(db, ticket.TeamId)
            .Where(u => u.NormalizedEmail!.StartsWith(upper) || u.DisplayName.ToUpper().StartsWith(upper) || u.DisplayName.ToUpper().Contains(" " + upper))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.DisplayName, u.Email, Normalized = u.NormalizedEmail! })
            .Take(Limit).ToListAsync(ct);

        var suggestions = new List<MentionSuggestion>(found.Count);
        foreach (var user in found)
        {
            // The short handle when no other colleague's address starts the same way; else the whole address.
            var local = user.Normalized[..(user.Normalized.IndexOf('@') + 1)];
            var shared = await staff.Where(u => u.NormalizedEmail!.StartsWith(local)).Take(2).CountAsync(ct) > 1;
            var email = user.Email ?? user.Normalized.ToLowerInvariant();
            suggestions.Add(new MentionSuggestion(user.Id, user.DisplayName, email, shared ? email.ToLowerInvariant() : email[..email.IndexOf('@')].ToLowerInvariant()));
        }
        return suggestions;
    }
}
