using Rapport.Features.Conditions;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.ServiceLevels.Policies;
using Rapport.Features.Tickets;

namespace Rapport.Features.ServiceLevels;

/// <summary>
/// Keeps a ticket's SLA clocks in step with what happens to it. The use cases that change a ticket call it
/// before they save, so the clocks and the due times stored on the ticket are written in the same
/// transaction as the change. It matches the ticket to a policy (the first active one whose conditions it
/// meets), starts, pauses, resumes and stops the clocks as the README in this folder describes, and stores
/// the earliest due time (<see cref="Ticket.SlaDueAt"/>) and the next warning or breach
/// (<see cref="Ticket.EscalationAt"/>) for views and the sweep.
/// </summary>
public sealed class TicketServiceLevels(ActiveSlaPolicies policies, TimeProvider clock)
{
    /// <param name="ticket">Tracked, with <see cref="Ticket.SlaClocks"/> and <see cref="Ticket.Tags"/> loaded, after the change.</param>
    public async Task ApplyAsync(Ticket ticket, SlaChange change, RequesterFacts requester, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var policy = await policies.MatchAsync(TicketFacts.From(ticket, requester), ct);
        var clocks = new TicketClocks(ticket, policies);
        await clocks.LoadAsync(ct);

        // Every change re-applies the policy: the ticket may now match another, or its policy's targets may have been edited.
        Adopt(ticket, policy, change.Created, clocks, now);
        if (policy is not null) Follow(ticket, policy, change, clocks, now);
        clocks.Store(now);
    }

    /// <summary>The matching policy (or none): unfinished clocks take its targets, and targets without a clock start as if from the ticket's arrival.</summary>
    private static void Adopt(Ticket ticket, ActiveSlaPolicy? policy, bool created, TicketClocks clocks, DateTimeOffset now)
    {
        ticket.SlaPolicyId = policy?.Id;
        foreach (var metric in Enum.GetValues<SlaMetric>())
        {
            var target = policy?.TargetFor(metric);
            if (clocks.Find(metric) is { } existing)
            {
                // A finished clock was judged by the target it had; it stays as the record of how it went.
                if (existing.StoppedAt is not null) continue;
                if (target is null) clocks.Drop(metric);
                else clocks.Set(metric, existing.Retarget(target), policy!);
                continue;
            }
            if (target is null) continue;
            var startsNow = metric switch
            {
                // The customer is waiting for a first answer until staff give one; an outbound first contact is that answer.
                SlaMetric.FirstResponse => ticket.FirstRespondedAt is null,
                SlaMetric.Resolution => ticket.Status is not (TicketStatus.Solved or TicketStatus.Closed),
                _ => false,
            };
            if (!startsNow) continue;
            var start = created ? now : ticket.CreatedAt;
            var started = SlaClock.Start(target, start);
            clocks.Set(metric, ticket.Status == TicketStatus.Pending ? started.Pause(now) : started, policy!);
        }
    }

    private static void Follow(Ticket ticket, ActiveSlaPolicy policy, SlaChange change, TicketClocks clocks, DateTimeOffset now)
    {
        if (change.StaffReplied)
        {
            clocks.Update(SlaMetric.FirstResponse, c => c.Stop(now));
            clocks.Update(SlaMetric.NextResponse, c => c.Stop(now));
        }
        if (change.CustomerWrote && !change.Created && ticket.FirstRespondedAt is not null
            && policy.TargetFor(SlaMetric.NextResponse) is { } next && clocks.Find(SlaMetric.NextResponse) is not { StoppedAt: null })
        {
            // Each customer message after an answer waits for the next one; the previous wait's outcome is in the audit trail.
            clocks.Set(SlaMetric.NextResponse, SlaClock.Start(next, now), policy);
        }
        if (change.StatusBefore is { } before && before != ticket.Status) FollowStatus(before, ticket.Status, policy, clocks, now);
    }

    private static void FollowStatus(TicketStatus before, TicketStatus after, ActiveSlaPolicy policy, TicketClocks clocks, DateTimeOffset now)
    {
        if (before is TicketStatus.Solved && after is not TicketStatus.Closed) clocks.Update(SlaMetric.Resolution, c => c.Reopen(now));
        var waiting = after == TicketStatus.Pending || (after == TicketStatus.OnHold && policy.PauseOnHold);
        if (after is TicketStatus.Solved or TicketStatus.Closed) clocks.UpdateAll(c => c.Stop(now));
        else if (waiting) clocks.UpdateAll(c => c.Pause(now));
        else clocks.UpdateAll(c => c.Resume(now));
    }
}
