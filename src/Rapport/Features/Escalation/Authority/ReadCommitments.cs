using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Authority;

/// <summary>Which approval requests a list shows: those the caller may decide, or those the caller has decided.</summary>
public enum ApprovalState { Pending, Decided }

/// <summary>
/// Reads commitments through the ticket visibility filter: a ticket's, one by id, and the approval requests a person
/// may decide (pending, not their own, within their role's limit; oldest first) or has decided (newest first).
/// </summary>
public sealed class ReadCommitments(RapportDbContext db, AuthorityLimits limits)
{
    public async Task<Result<Page<CommitmentDto>>> ForTicketAsync(long number, Actor actor, int? limit, string? cursor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff see commitments.");
        if (!await db.Tickets.VisibleTo(actor, db).AnyAsync(t => t.Number == number, ct)) return new TicketNotFound(number);
        return await PageAsync(db.Commitments.Where(c => c.TicketNumber == number), newestFirst: false, limit, cursor, ct);
    }

    public async Task<Result<CommitmentDto>> GetAsync(long id, Actor actor, CancellationToken ct) =>
        actor.IsStaff && (await ListAsync(WithSubjects(Visible(actor).Where(c => c.Id == id)), ct)).FirstOrDefault() is { } found
            ? found
            : new CommitmentNotFound(id);

    public async Task<Result<Page<CommitmentDto>>> ApprovalsAsync(ApprovalState state, Actor actor, int? limit, string? cursor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff decide approval requests.");
        if (state == ApprovalState.Decided)
            return await PageAsync(Visible(actor).Where(c => c.DecidedById == actor.UserId), newestFirst: true, limit, cursor, ct);
        var mayDecide = MayDecide(await limits.BookAsync(ct), actor);
        return await PageAsync(Visible(actor).Where(c => c.State == CommitmentState.Pending && c.RequestedById != actor.UserId).Where(mayDecide),
            newestFirst: false, limit, cursor, ct);
    }

    /// <summary>How many requests wait for the actor: the badge on the approvals link.</summary>
    public async Task<int> PendingCountAsync(Actor actor, int cap, CancellationToken ct) =>
        await Visible(actor).Where(c => c.State == CommitmentState.Pending && c.RequestedById != actor.UserId)
            .Where(MayDecide(await limits.BookAsync(ct), actor)).Select(c => c.Id).Take(cap).CountAsync(ct);

    /// <summary>The requests within the actor's role's limits, as SQL: one bound per kind (-1 where the role has no authority).</summary>
    private static Expression<Func<Commitment, bool>> MayDecide(AuthorityBook book, Actor actor)
    {
        long Bound(CommitmentKind kind) => !book.TryGetLimit(actor.Role, kind, out var limit) ? -1 : limit ?? long.MaxValue;
        var (refund, goodwill, compensation, days) = (Bound(CommitmentKind.Refund), Bound(CommitmentKind.GoodwillCredit),
            Bound(CommitmentKind.Compensation), Bound(CommitmentKind.DeliveryPromise));
        return c => (c.Kind == CommitmentKind.Refund && c.Measure <= refund)
            || (c.Kind == CommitmentKind.GoodwillCredit && c.Measure <= goodwill)
            || (c.Kind == CommitmentKind.Compensation && c.Measure <= compensation)
            || (c.Kind == CommitmentKind.DeliveryPromise && c.Measure <= days);
    }

    private IQueryable<Commitment> Visible(Actor actor)
    {
        var tickets = db.Tickets.VisibleTo(actor, db);
        return db.Commitments.Where(c => tickets.Any(t => t.Number == c.TicketNumber));
    }

    private async Task<Result<Page<CommitmentDto>>> PageAsync(IQueryable<Commitment> query, bool newestFirst, int? limit, string? cursorText, CancellationToken ct)
    {
        var check = new Validator();
        PageLimits.Check(limit, check);
        Cursor after = default;
        if (cursorText is not null && !Cursor.TryDecode(cursorText, out after)) check.Add("cursor", PageLimits.UnknownCursor);
        if (!check.IsValid) return check.ToError();
        if (cursorText is not null) query = newestFirst ? query.Where(c => c.Id < after.Id) : query.Where(c => c.Id > after.Id);
        var take = PageLimits.Clamp(limit);
        var joined = WithSubjects(query);
        var rows = await ListAsync((newestFirst ? joined.OrderByDescending(r => r.Commitment.Id) : joined.OrderBy(r => r.Commitment.Id)).Take(take + 1), ct);
        var next = rows.Count > take ? new Cursor(0, rows[take - 1].Id).Encode() : null;
        return new Page<CommitmentDto>(rows.Take(take).ToList(), next);
    }

    // Member-init rather than a constructor: EF can then order and filter through it.
    private sealed class WithSubject
    {
        public required Commitment Commitment { get; init; }
        public required string Subject { get; init; }
    }

    private IQueryable<WithSubject> WithSubjects(IQueryable<Commitment> query) =>
        query.Join(db.Tickets, c => c.TicketNumber, t => t.Number, (c, t) => new WithSubject { Commitment = c, Subject = t.Subject });

    private async Task<List<CommitmentDto>> ListAsync(IQueryable<WithSubject> query, CancellationToken ct) =>
        [.. (await query.AsNoTracking().ToListAsync(ct)).Select(r => ToDto(r.Commitment, r.Subject, limits.Currency))];

    internal static CommitmentDto ToDto(Commitment c, string subject, string currency) => new(
        c.Id, c.TicketNumber, subject, c.Kind,
        c.Kind.IsMoney() ? Money.FromHundredths(c.Measure) : null,
        c.Kind.IsMoney() ? currency : null,
        c.PromisedDate,
        c.Kind.IsMoney() ? null : (int)c.Measure,
        Summary(c, currency),
        c.Description, c.State, c.WithinAuthority,
        c.RequestedById is { } id ? new PersonRef(id, c.RequestedByName) : null,
        c.RequestedByName, c.RequestedByRole, c.RequestedAt, c.DecidedByName, c.DecidedAt, c.DecisionReason);

    /// <summary>"Refund of 900.00 EUR", "Delivery promised by 2030-01-20 (5 days ahead)".</summary>
    public static string Summary(Commitment c, string currency) => c.Kind.IsMoney()
        ? $"{CommitmentKinds.Label(c.Kind)} of {Money.Format(c.Measure, currency)}"
        : $"Delivery promised by {c.PromisedDate:yyyy-MM-dd} ({c.Measure} days ahead)";
}
