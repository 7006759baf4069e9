using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Notifications;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Live;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Authority;

/// <summary>
/// Records a commitment on a ticket. Within the actor's role's limit it is approved at once ("within authority");
/// above it, it becomes an approval request and the people whose role's limit covers it (and who see the ticket)
/// are told. Above every role's limit it is refused. Audited on the ticket either way.
/// </summary>
public sealed class RecordCommitment(RapportDbContext db, AuthorityLimits limits, AuditLog audit, Notify notify, TimeProvider clock, TicketChanges live)
{
    public async Task<Result<CommitmentDto>> ExecuteAsync(long number, RecordCommitmentRequest request, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff record commitments.");
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(actor, db).Where(t => t.Number == number)
            .Select(t => new { t.Subject, t.RequesterId, t.TeamId, Restricted = t.Team != null && t.Team.IsRestricted }).SingleOrDefaultAsync(ct);
        if (ticket is null) return new TicketNotFound(number);

        var now = clock.GetUtcNow();
        var check = new Validator().Required("description", request.Description, CommitmentLimits.DescriptionLength, multiline: true);
        var measure = Measure(request, DateOnly.FromDateTime(now.UtcDateTime), check);
        if (!check.IsValid) return check.ToError();

        var commitment = new Commitment
        {
            TicketNumber = number, Kind = request.Kind!.Value, Measure = measure!.Value, Description = request.Description!.Trim(),
            PromisedDate = request.Kind == CommitmentKind.DeliveryPromise ? request.PromisedDate : null,
            RequestedById = actor.UserId, RequestedByName = actor.Name, RequestedByRole = actor.Role, RequestedAt = now,
        };
        var summary = ReadCommitments.Summary(commitment, limits.Currency);
        var book = await limits.BookAsync(ct);
        var decision = book.Decide(actor.Role, commitment.Ask);
        if (decision == AuthorityDecision.NobodyMay) return new NobodyMayApprove(summary.ToLowerInvariant());
        commitment.WithinAuthority = decision == AuthorityDecision.WithinAuthority;
        commitment.State = commitment.WithinAuthority ? CommitmentState.Approved : CommitmentState.Pending;
        if (commitment.WithinAuthority) (commitment.DecidedById, commitment.DecidedByName, commitment.DecidedAt) = (actor.UserId, actor.Name, now);

        await db.InTransactionAsync(async () =>
        {
            db.Commitments.Add(commitment);
            await db.SaveChangesAsync(ct);
            audit.Record(actor, "commitment", commitment.Id.ToString(CultureInfo.InvariantCulture), commitment.WithinAuthority ? "recorded" : "approval_requested",
                new AuditChanges().Set("kind", null, commitment.Kind).Set("what", null, summary).Set("description", null, commitment.Description)
                    .Set("state", null, commitment.State).Set("withinAuthority", null, commitment.WithinAuthority),
                ticketNumber: number, customerId: ticket.RequesterId);
            if (!commitment.WithinAuthority)
            {
                var approvers = await ApproversAsync(book.ApproverRoles(commitment.Ask), ticket.TeamId, ticket.Restricted, actor, ct);
                notify.People(approvers, "approval_requested", $"#{number} {ticket.Subject}: {actor.Name} asks approval for a {summary.ToLowerInvariant()}: {commitment.Description}", number, actor.UserId);
            }
            return await db.SaveChangesAsync(ct);
        }, ct);
        live.Publish(number);
        return ReadCommitments.ToDto(commitment, ticket.Subject, limits.Currency);
    }

    /// <summary>
    /// Who is told of a request: the people of the lowest role that may approve it, those in the ticket's team first,
    /// else all of that role who see the ticket; when there are none, the next role up. Anyone higher may still decide
    /// it from their approvals page.
    /// </summary>
    private async Task<List<Guid>> ApproversAsync(IReadOnlyList<Role> roles, long? teamId, bool restricted, Actor actor, CancellationToken ct)
    {
        foreach (var role in roles)
        {
            var people = await Recipients.RoleAsync(db, role, teamId, ct);
            if (restricted && role is not (Role.Manager or Role.Admin) && teamId is { } team)
                people = await Recipients.TeamAsync(db, team, ct, role); // outside a restricted team they could not see it
            people.Remove(actor.UserId ?? Guid.Empty);
            if (people.Count > 0) return people;
        }
        return [];
    }

    /// <summary>The amount in hundredths, or a delivery promise's days ahead of today; null (with the problem) when not given well.</summary>
    private static long? Measure(RecordCommitmentRequest request, DateOnly today, Validator check)
    {
        if (request.Kind is not { } kind)
        {
            check.Add("kind", $"This field is required: one of {SnakeCaseEnumConverter<CommitmentKind>.Allowed}.");
            return null;
        }
        if (kind.IsMoney())
        {
            if (request.PromisedDate is not null) check.Add("promisedDate", $"A {EnumNames.ToSnakeCase(kind)} has an amount, not a date.");
            return Money.Check("amount", request.Amount, check, allowZero: false);
        }
        if (request.Amount is not null) check.Add("amount", "A delivery promise has a date, not an amount.");
        if (request.PromisedDate is not { } date) check.Add("promisedDate", "Give the date promised.");
        else if (date < today) check.Add("promisedDate", "The promised date has passed.");
        else if (date.DayNumber - today.DayNumber > CommitmentLimits.MaxDaysAhead) check.Add("promisedDate", $"Must be within {CommitmentLimits.MaxDaysAhead} days.");
        else return date.DayNumber - today.DayNumber;
        return null;
    }
}
