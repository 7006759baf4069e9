using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Automation;
using Rapport.Features.ServiceLevels;
using Rapport.Features.Complaints;
using Rapport.Features.Routing;
using Rapport.Features.Tickets.Live;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets;

/// <summary>A partial update: only the fields present are changed; null clears team, assignee or tags.</summary>
public sealed record UpdateTicketRequest(
    Optional<string> Subject,
    Optional<TicketStatus?> Status,
    Optional<Priority?> Priority,
    Optional<TicketType?> Type,
    Optional<long?> TeamId,
    Optional<Guid?> AssigneeId,
    Optional<string[]> Tags,
    Optional<Guid[]> Followers,
    string[]? AddTags = null)
{
    /// <summary>The service the ticket is about; null takes it off any service.</summary>
    public Optional<long?> ServiceId { get; init; }
}

/// <summary>
/// Changes a ticket's properties through the status rules, refusing a stale version, and
/// records every changed field in the audit log in the same transaction.
/// </summary>
public sealed class UpdateTicket(
    RapportDbContext db, TicketServiceLevels serviceLevels, AutoAssign autoAssign, RunAutomation automation, AuditLog audit, TimeProvider clock,
    TicketChanges live, ITicketMailer mailer)
{
    public async Task<Result<long>> ExecuteAsync(long number, UpdateTicketRequest request, int? expectedVersion, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff can change a ticket's properties.");
        var ticket = await db.Tickets.VisibleTo(actor, db).Include(t => t.Tags).Include(t => t.Followers).Include(t => t.SlaClocks)
            .AsSplitQuery().SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null) return new TicketNotFound(number);
        if (expectedVersion is { } version && version != ticket.Version) return new StaleTicketVersion(number);

        var check = new Validator();
        if (request.Subject.IsSet) check.Required("subject", request.Subject.Value, TicketLimits.SubjectLength);
        if (request.Status is { IsSet: true, Value: null }) check.Add("status", "Status cannot be empty.");
        if (request.Priority is { IsSet: true, Value: null }) check.Add("priority", "Priority cannot be empty.");
        if (request.Type is { IsSet: true, Value: null }) check.Add("type", "Type cannot be empty.");
        var tags = request.Tags.IsSet ? TicketTags.Validate("tags", request.Tags.Value ?? [], check) : null;
        // addTags keeps what the ticket has and adds to it, as a bulk "add tag" needs.
        if (tags is null && request.AddTags is { Length: > 0 })
            tags = TicketTags.Validate("addTags", ticket.Tags.Select(t => t.Name).Concat(request.AddTags), check);
        var references = new TicketReferences(db);
        await references.CheckAsync(
            request.TeamId.IsSet ? request.TeamId.Value : null, request.AssigneeId.IsSet ? request.AssigneeId.Value : null, check, ct);
        // A ticket may keep a service that has since been retired; choosing one needs it on offer.
        var service = request.ServiceId is { IsSet: true, Value: { } serviceId } && serviceId != ticket.ServiceId
            ? await references.CheckServiceAsync(serviceId, actor, check, ct)
            : null;
        var followers = request.Followers.IsSet ? (request.Followers.Value ?? []).Distinct().ToArray() : null;
        if (followers is { Length: > 0 } && await db.Users.CountAsync(u => followers.Contains(u.Id) && u.Role != People.Role.Customer, ct) != followers.Length)
            check.Add("followers", "Every follower must be a staff member.");
        if (!check.IsValid) return check.ToError();

        var wasClosed = ticket.Status == TicketStatus.Closed;
        var changes = new AuditChanges();
        var oldTags = ticket.Tags.Select(t => t.Name).ToList();
        var oldFollowers = ticket.Followers.Select(f => f.UserId.ToString()).ToList();
        if (request.Subject.IsSet) ticket.Subject = request.Subject.Value!.Trim();
        if (request.Priority.IsSet) ticket.Priority = request.Priority.Value!.Value;
        if (request.Type.IsSet) ticket.Type = request.Type.Value!.Value;
        if (request.ServiceId.IsSet) ticket.ServiceId = request.ServiceId.Value;
        if (request.TeamId.IsSet) ticket.TeamId = request.TeamId.Value;
        else if (service?.TeamId is { } serviceTeam && ticket.TeamId is null) ticket.TeamId = serviceTeam;
        if (request.AssigneeId.IsSet) ticket.AssigneeId = request.AssigneeId.Value;
        var now = clock.GetUtcNow();
        var statusBefore = ticket.Status;
        if (request.Status.IsSet && request.Status.Value != ticket.Status)
        {
            var to = request.Status.Value!.Value;
            var refusal = TicketStatusRules.RefusalFor(ticket.Status, to, ticket.AssigneeId is not null);
            refusal ??= await ComplaintSolving.RefusalAsync(db, ticket, ticket.Status, to, ct); // complaints (C10)
            if (refusal is not null) return new TransitionRefused(refusal);
            TicketStatusRules.Apply(ticket, to, now);
        }
        else if (ticket.Status == TicketStatus.Solved && ticket.AssigneeId is null)
        {
            return new TransitionRefused("A solved ticket must keep an assignee.");
        }
        if (tags is not null)
        {
            ticket.Tags.RemoveAll(t => !tags.Contains(t.Name));
            ticket.Tags.AddRange(tags.Where(t => !oldTags.Contains(t)).Select(t => new TicketTag { Name = t }));
            changes.Set("tags", oldTags, tags);
        }
        if (followers is not null)
        {
            ticket.Followers.RemoveAll(f => !followers.Contains(f.UserId));
            ticket.Followers.AddRange(followers.Where(f => ticket.Followers.All(x => x.UserId != f)).Select(f => new TicketFollower { UserId = f }));
            changes.Set("followers", oldFollowers, followers.Select(f => f.ToString()));
        }

        foreach (var (field, value) in AuditChanges.FromEntry(db.Entry(ticket)).Fields) changes.Set(field, value.Before, value.After);
        if (changes.IsEmpty) return ticket.Number;
        if (wasClosed) return new TransitionRefused(TicketStatusRules.RefusalFor(TicketStatus.Closed, TicketStatus.Open, true)!);
        await ComplaintIntake.OpenIfComplaintAsync(db, audit, ticket, actor, now, ct); // complaints (C10): a ticket that becomes a complaint
        // Routing (C6): a ticket moved to a team with nobody on it gets an agent by the team's method.
        var routed = changes.Fields.ContainsKey("teamId") ? await autoAssign.ChooseAsync(ticket, ticket.RequesterId, ct) : null;

        var policyBefore = ticket.SlaPolicyId;
        await serviceLevels.ApplyAsync(ticket, new SlaChange(StatusBefore: statusBefore), await db.RequesterFactsAsync(ticket, ct), ct);
        if (ticket.SlaPolicyId != policyBefore) changes.Set("slaPolicyId", policyBefore, ticket.SlaPolicyId);
        ticket.UpdatedAt = now;
        ticket.Version++;
        audit.Record(actor, "ticket", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "updated", changes,
            ticketNumber: number, customerId: ticket.RequesterId);
        // The new assignee hears of it, unless they took the ticket themselves; the notice is saved with the change.
        if (changes.Fields.ContainsKey("assigneeId") && ticket.AssigneeId is { } assignee && assignee != actor.UserId)
            await mailer.NotifyAssignedAsync(ticket, assignee, ct);
        try
        {
            if (routed is null) await db.SaveChangesAsync(ct);
            else await db.InTransactionAsync(async () =>
            {
                await autoAssign.ApplyAsync(routed, ticket, ct);
                return await db.SaveChangesAsync(ct);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new StaleTicketVersion(number);
        }
        live.Publish(number);
        await automation.AfterChangeAsync(number, AutomationTrigger.TicketUpdated, ct);
        return ticket.Number;
    }
}
