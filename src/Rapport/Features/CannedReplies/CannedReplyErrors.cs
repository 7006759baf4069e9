using Rapport.Infrastructure.Problems;

namespace Rapport.Features.CannedReplies;

/// <summary>Also the answer for a reply the caller may not use, so another agent's personal replies never show.</summary>
public sealed record CannedReplyNotFound(long Id) : Error(404, "Not found", $"Canned reply {Id} does not exist or is not yours to use.");

public sealed record CannedReplyNotYours(string Detail) : Error(403, "Forbidden", Detail);

/// <summary>How canned replies appear in the audit trail: entity "canned_reply", id the reply's id.</summary>
public static class CannedReplyAudit
{
    public const string EntityType = "canned_reply";

    public static string EntityId(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Refusal(CannedReplyScope scope) => scope switch
    {
        CannedReplyScope.Personal => "Only its owner may change a personal reply.",
        CannedReplyScope.Team => "Only the team's leads, managers and admins may change a team's replies.",
        _ => "Only team leads, managers and admins may change shared replies.",
    };
}
