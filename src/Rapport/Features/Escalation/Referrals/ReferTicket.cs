using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Conditions;
using Rapport.Features.Notifications;
using Rapport.Features.People;
using Rapport.Features.ServiceLevels;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Referrals;

/// <summary>Where to refer the ticket; without a team, the referral matrix's suggestion. The reason is required.</summary>
public sealed record ReferTicketRequest(long? TeamId, string? Reason);

/// <summary>A referral as made: where the ticket went, who has it now, why, and the matrix rule it followed, if any.</summary>
public sealed record ReferralDto(long TicketNumber, TeamRef? FromTeam, TeamRef Team, PersonRef? Assignee, string Reason, ReferralSuggestion? Rule);

/// <summary>
/// Refers a ticket to another team (C9): the move goes through <see cref="UpdateTicket"/>, so auto-assignment,
/// SLA re-matching and the "updated" audit happen as for any team change; the assignee stays only when they belong
/// to the new team. A <c>referred</c> event records the reason, and the receivers are told: the new assignee, or
/// else the team's members, plus the people of the role the matrix rule names.
/// </summary>
public sealed class ReferTicket(RapportDbContext db, UpdateTicket update, ReferralRules rules, AuditLog audit, Notify notify, TimeProvider clock)
{
    public const int ReasonLength = 500;

    /// <summary>The matrix's suggestion for a ticket the actor sees; null when no rule matches.</summary>
    public async Task<Result<ReferralSuggestion?>> SuggestAsync(long number, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff refer tickets.");
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(actor, db).Include(t => t.Tags).SingleOrDefaultAsync(t => t.Number == number, ct);
        return ticket is null ? new TicketNotFound(number) : await SuggestAsync(ticket, ct);
    }

    public async Task<Result<ReferralDto>> ExecuteAsync(long number, ReferTicketRequest request, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff refer tickets.");
        var ticket = await db.Tickets.VisibleTo(actor, db).Include(t => t.Tags).SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null) return new TicketNotFound(number);

        var check = new Validator().Required("reason", request.Reason, ReasonLength, multiline: true);
        var suggestion = await SuggestAsync(ticket, ct);
        var teamId = request.TeamId ?? suggestion?.TeamId;
        var team = teamId is { } id ? await db.Teams.AsNoTracking().Where(t => t.Id == id).Select(t => new TeamRef(t.Id, t.Name)).SingleOrDefaultAsync(ct) : null;
        if (teamId is null) check.Add("teamId", "Choose a team: no referral rule suggests one for this ticket.");
        else if (team is null) check.Add("teamId", "No team has this id.");
        else if (team.Id == ticket.TeamId) check.Add("teamId", $"The ticket is already with {team.Name}; choose another team.");
        if (!check.IsValid) return check.ToError();

        var reason = request.Reason!.Trim();
        var rule = suggestion?.TeamId == team!.Id ? suggestion : null;
        var from = ticket.TeamId is { } fromId ? await db.Teams.AsNoTracking().Where(t => t.Id == fromId).Select(t => new TeamRef(t.Id, t.Name)).SingleAsync(ct) : null;
        var keepsAssignee = ticket.AssigneeId is { } assignee && await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id && m.UserId == assignee, ct);
        var move = new UpdateTicketRequest(default, default, default, default, Optional<long?>.Of(team.Id),
            keepsAssignee ? default : Optional<Guid?>.Of(null), default, default);

        return await db.InTransactionAsync<Result<ReferralDto>>(async () =>
        {
            // The ticket is tracked: UpdateTicket works on this same instance, so it carries the move and any auto-assignment.
            var moved = await update.ExecuteAsync(number, move, null, actor, ct);
            if (!moved.Succeeded) return moved.Error!;
            audit.Record(actor, "ticket", number.ToString(CultureInfo.InvariantCulture), "referred",
                new AuditChanges().Set("teamId", from?.Id, team.Id).Set("reason", null, reason).Set("rule", null, rule?.RuleName),
                ticketNumber: number, customerId: ticket.RequesterId);
            List<Guid> receivers = ticket.AssigneeId is { } owner ? [owner] : await Recipients.TeamAsync(db, team.Id, ct);
            receivers.AddRange(await Recipients.RoleAsync(db, rule?.NotifyRole, team.Id, ct));
            notify.People(receivers, "referred", $"#{number} {ticket.Subject} was referred to {team.Name} by {actor.Name}: {reason}", number, actor.UserId);
            await db.SaveChangesAsync(ct);
            var assigned = ticket.AssigneeId is { } now
                ? await db.Users.AsNoTracking().Where(u => u.Id == now).Select(u => new PersonRef(u.Id, u.DisplayName)).SingleAsync(ct)
                : null;
            return new ReferralDto(number, from, team, assigned, reason, rule);
        }, ct);
    }

    private async Task<ReferralSuggestion?> SuggestAsync(Ticket ticket, CancellationToken ct) =>
        (await rules.MatrixAsync(ct)).Suggest(TicketFacts.From(ticket, await db.RequesterFactsAsync(ticket, ct)), clock.GetUtcNow());
}
