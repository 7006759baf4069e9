using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Escalation;
using Rapport.Features.Notifications;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Live;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Automation;

/// <summary>
/// Carries out a rule's plan on a ticket through the ordinary use cases, as an actor named after the rule,
/// so the same rules (status transitions, required fields) apply and every change is in the history.
/// Returns what happened, in words, for the ticket's history.
/// </summary>
internal sealed class RuleActions(
    RapportDbContext db, AddMessage addMessage, UpdateTicket updateTicket, EscalateTicket escalate, Notify notify, TicketChanges live)
{
    public async Task<string> ApplyAsync(ActiveRule rule, long number, CancellationToken ct)
    {
        var actor = new Actor(null, $"Automation: {rule.Name}", Role.Admin, null);
        var plan = rule.Plan;
        var refused = new List<string>();
        foreach (var (visibility, body) in plan.Messages)
        {
            var added = await addMessage.ExecuteAsync(number, new AddMessageRequest(body, visibility, Channel.Web, Direction.Outbound, null), actor, ct);
            if (!added.Succeeded) refused.Add(Describe(added.Error!));
        }
        if (plan.ChangesFields)
        {
            var updated = await updateTicket.ExecuteAsync(number, await ChangeAsync(plan, number, ct), null, actor, ct);
            if (!updated.Succeeded) refused.Add(Describe(updated.Error!));
        }
        if (plan.Escalation is { } reason) await EscalateAsync(number, reason, actor, ct);
        if (plan.Notices.Count > 0) await NotifyAsync(plan, number, ct);
        return refused.Count == 0 ? "applied" : "refused: " + string.Join(" ", refused);
    }

    private async Task<UpdateTicketRequest> ChangeAsync(RulePlan plan, long number, CancellationToken ct)
    {
        string[]? tags = null;
        if (plan.AddTags.Count > 0 || plan.RemoveTags.Count > 0)
        {
            var current = await db.TicketTags.Where(t => t.TicketNumber == number).Select(t => t.Name).ToListAsync(ct);
            var removed = plan.RemoveTags.Select(TicketTags.Normalise).ToHashSet();
            tags = [.. current.Where(t => !removed.Contains(t)).Concat(plan.AddTags).Distinct()];
        }
        return new UpdateTicketRequest(
            default,
            plan.Status is { } status ? Optional<TicketStatus?>.Of(status) : default,
            plan.Priority is { } priority ? Optional<Priority?>.Of(priority) : default,
            plan.Type is { } type ? Optional<TicketType?>.Of(type) : default,
            plan.Team,
            plan.Assignee,
            tags is null ? default : Optional<string[]>.Of(tags),
            default);
    }

    private async Task EscalateAsync(long number, string reason, Actor actor, CancellationToken ct)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null) return;
        // It saves the escalation itself; at the top of the ladder it only notes that, which is saved here.
        await escalate.AutomaticallyAsync(ticket, reason, actor, ct);
        await db.SaveChangesAsync(ct);
        live.Publish(number);
    }

    private async Task NotifyAsync(RulePlan plan, long number, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Number == number).Select(t => new { t.AssigneeId, t.TeamId }).FirstOrDefaultAsync(ct);
        if (ticket is null) return;
        foreach (var (to, text) in plan.Notices)
        {
            List<Guid> people = to.Who switch
            {
                NoticeTo.Assignee => ticket.AssigneeId is { } assignee ? [assignee] : [],
                NoticeTo.Team => ticket.TeamId is { } team ? await db.TeamMembers.Where(m => m.TeamId == team).Select(m => m.UserId).ToListAsync(ct) : [],
                _ => [to.UserId!.Value],
            };
            notify.People(people, "automation", $"#{number}: {text}", number, null);
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Describe(Error error) => error is ValidationError invalid
        ? string.Join(" ", invalid.Errors.SelectMany(e => e.Value))
        : error.Detail;
}
