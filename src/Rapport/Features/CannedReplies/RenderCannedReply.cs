using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Email.Templates;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.CannedReplies;

/// <summary>
/// Fills canned replies in for a ticket the caller may see, as the caller: the body with its placeholders replaced
/// and the fields the macro would set. Reads the ticket once however many replies are rendered.
/// </summary>
public sealed class RenderCannedReply(RapportDbContext db)
{
    public const int SuggestionLimit = 8;

    public async Task<Result<RenderedCannedReply>> ExecuteAsync(long number, long id, Actor actor, CancellationToken ct)
    {
        var reply = await db.CannedReplies.AsNoTracking().VisibleTo(actor, db).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reply is null) return new CannedReplyNotFound(id);
        var ticket = await MailFacts.LoadAsync(db.Tickets.VisibleTo(actor, db), db, number, ct);
        if (ticket is null) return new TicketNotFound(number);
        return Render(reply, ticket, actor);
    }

    /// <summary>The replies whose title holds the text, in the ticket's customer's language or any, filled in for the composer.</summary>
    public async Task<IReadOnlyList<RenderedCannedReply>> SuggestAsync(long number, string? q, Actor actor, CancellationToken ct)
    {
        var text = q?.Trim().TrimStart('#') ?? "";
        if (text.Length is 0 or > CannedReplyLimits.TitleLength) return [];
        var ticket = await MailFacts.LoadAsync(db.Tickets.VisibleTo(actor, db), db, number, ct);
        if (ticket is null) return [];
        var upper = text.ToUpperInvariant();
        var replies = db.CannedReplies.AsNoTracking().VisibleTo(actor, db).Where(r => r.Title.ToUpper().Contains(upper));
        if (ticket.CustomerLanguage is { } language)
        {
            var primary = language.Split('-')[0];
            replies = replies.Where(r => r.Language == null || r.Language == language || r.Language == primary);
        }
        var found = await replies.OrderBy(r => r.Title).ThenBy(r => r.Id).Take(SuggestionLimit).ToListAsync(ct);
        return [.. found.Select(r => Render(r, ticket, actor))];
    }

    private static RenderedCannedReply Render(CannedReply reply, MailFacts ticket, Actor actor)
    {
        // Saved bodies were checked on the way in; a body that no longer parses is shown as written rather than lost.
        var body = CannedReplyPlaceholders.Parse(reply.Body, out _) is { } template
            ? template.Render(CannedReplyPlaceholders.Values(ticket, actor.Name))
            : reply.Body;
        return new RenderedCannedReply(reply.Id, reply.Title, body, CannedReplyMacro.Of(reply));
    }
}

/// <summary>
/// Uses a canned reply as a macro on a ticket: its field changes go through <see cref="UpdateTicket"/>, so the same
/// status rules, checks and audit apply as to any change (a refused transition is the same error).
/// </summary>
public sealed class ApplyCannedReply(RenderCannedReply render, UpdateTicket update)
{
    public async Task<Result<RenderedCannedReply>> ExecuteAsync(long number, long id, Actor actor, CancellationToken ct)
    {
        var rendered = await render.ExecuteAsync(number, id, actor, ct);
        if (!rendered.Succeeded || rendered.Value!.Changes.IsEmpty) return rendered;
        var changes = rendered.Value.Changes;
        var request = new UpdateTicketRequest(
            default,
            changes.Status is { } status ? Optional<TicketStatus?>.Of(status) : default,
            changes.Priority is { } priority ? Optional<Priority?>.Of(priority) : default,
            default,
            changes.TeamId is { } team ? Optional<long?>.Of(team) : default,
            default, default, default,
            AddTags: changes.AddTags.Count > 0 ? [.. changes.AddTags] : null);
        var updated = await update.ExecuteAsync(number, request, null, actor, ct);
        return updated.Succeeded ? rendered : updated.Error!;
    }
}
