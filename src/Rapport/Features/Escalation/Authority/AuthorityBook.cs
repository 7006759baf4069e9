using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Authority;

/// <summary>One limit: for money kinds in hundredths, for delivery promises in days ahead; null is no limit.</summary>
public sealed record LimitRow(Role Role, CommitmentKind Kind, long? Limit);

/// <summary>What a commitment asks for, measured as limits are: hundredths, or days ahead.</summary>
public sealed record Ask(CommitmentKind Kind, long Measure);

public enum AuthorityDecision
{
    /// <summary>The requester's role covers it: approved at once.</summary>
    WithinAuthority,
    /// <summary>Above the requester's limit; some role's limit covers it.</summary>
    NeedsApproval,
    /// <summary>No role's limit covers it: nobody could approve it.</summary>
    NobodyMay,
}

/// <summary>
/// The authority limits of every staff role, and the rules over them (pure): whether a commitment is within a role's
/// authority, which roles may approve one above it, and whether a given person may decide a request.
/// </summary>
public sealed class AuthorityBook(IEnumerable<LimitRow> limits)
{
    public static readonly Role[] StaffRoles = [Role.Agent, Role.TeamLead, Role.Manager, Role.Admin];

    private readonly Dictionary<(Role, CommitmentKind), long?> _limits = limits.ToDictionary(l => (l.Role, l.Kind), l => l.Limit);

    /// <summary>Whether the role has a limit for the kind, and what it is (null: no limit).</summary>
    public bool TryGetLimit(Role role, CommitmentKind kind, out long? limit) => _limits.TryGetValue((role, kind), out limit);

    public bool Covers(Role role, Ask ask) => TryGetLimit(role, ask.Kind, out var limit) && (limit is null || ask.Measure <= limit);

    /// <summary>The roles whose limit covers the ask, lowest first.</summary>
    public IReadOnlyList<Role> ApproverRoles(Ask ask) => [.. StaffRoles.Where(r => Covers(r, ask))];

    public AuthorityDecision Decide(Role requester, Ask ask) =>
        Covers(requester, ask) ? AuthorityDecision.WithinAuthority
        : ApproverRoles(ask).Count > 0 ? AuthorityDecision.NeedsApproval
        : AuthorityDecision.NobodyMay;

    /// <summary>Why <paramref name="approver"/> may not decide a pending request made by <paramref name="requesterId"/>; null when they may.</summary>
    public Error? RefusalToDecide(Actor approver, Ask ask, Guid? requesterId)
    {
        if (approver.UserId is { } me && me == requesterId)
            return new ForbiddenError("Someone else must decide: nobody approves their own request.");
        return Covers(approver.Role, ask) ? null
            : new ForbiddenError("Your role's authority does not cover this request; someone whose limit covers it must decide.");
    }
}
