namespace Rapport.Features.Complaints;

/// <summary>What the stage rules look at, so they stay pure.</summary>
public sealed record ComplaintFacts(
    ComplaintStage Stage, bool HasRootCause, bool HasRemedy, bool HasDecision, bool HasCustomerResponse, bool HasPublicReply)
{
    /// <param name="firstReplyAt">The ticket's first public reply by staff, if any.</param>
    public static ComplaintFacts Of(Complaint complaint, DateTimeOffset? firstReplyAt) => new(
        complaint.Stage,
        complaint.RootCauseKey is not null,
        !string.IsNullOrWhiteSpace(complaint.Remedy),
        complaint.Decision is not null,
        complaint.CustomerResponse is not null,
        firstReplyAt is not null);
}

/// <summary>
/// The complaint procedure as pure rules. Stages move forward one at a time:
/// received → acknowledged → investigating → decided → responded. One skip is allowed: from received
/// straight to investigating when the ticket already has a public reply from staff, because that reply
/// was the acknowledgement (its time is recorded as the acknowledgement). Deciding needs a root cause,
/// a remedy and a decision; the customer's answer to the remedy can only follow the final response.
/// A complaint ticket cannot be solved until the root cause, the remedy and the customer's answer are recorded.
/// </summary>
public static class ComplaintRules
{
    /// <summary>Why the complaint cannot move to <paramref name="to"/>, or null when it can (staying put is allowed).</summary>
    public static string? RefusalToMove(ComplaintFacts facts, ComplaintStage to)
    {
        var from = facts.Stage;
        if (to == from) return null;
        if (to < from) return $"A complaint's stage only moves forward: it is {Label(from)} already.";
        if (from == ComplaintStage.Received && to == ComplaintStage.Investigating && facts.HasPublicReply) return null;
        if (to != from + 1)
            return from == ComplaintStage.Received && to == ComplaintStage.Investigating
                ? "Acknowledge the complaint first: without a public reply yet, nothing has acknowledged it."
                : $"Stages move one at a time: record {Label(from + 1)} before {Label(to)}.";
        if (to == ComplaintStage.Decided && Missing(facts, customerResponse: false) is { } missing)
            return $"A complaint needs a root cause, a remedy and a decision before it is decided (missing: {missing}).";
        return null;
    }

    /// <summary>Why the customer's answer to the remedy cannot be recorded yet, or null.</summary>
    public static string? RefusalToRecordResponse(ComplaintStage stage) => stage == ComplaintStage.Responded
        ? null
        : "Record the customer's answer to the remedy after the final response has been sent (stage responded).";

    /// <summary>Why a decided complaint cannot lose its root cause, remedy or decision, or null.</summary>
    public static string? RefusalToClear(ComplaintStage stage, string what) => stage >= ComplaintStage.Decided
        ? $"A decided complaint keeps its {what}: change it instead of clearing it."
        : null;

    /// <summary>
    /// Why a complaint ticket cannot be solved, or null when it can. <paramref name="facts"/> is null when the
    /// ticket has no complaint record yet.
    /// </summary>
    public static string? RefusalToSolve(ComplaintFacts? facts)
    {
        const string rule = "A complaint cannot be solved until its root cause, remedy and the customer's response to the remedy are recorded";
        if (facts is null) return $"{rule}; its complaint procedure has not started yet.";
        return Missing(facts, customerResponse: true) is { } missing ? $"{rule} (missing: {missing})." : null;
    }

    /// <summary>Moves the complaint to an allowed stage and stamps the time of each stage it reaches.</summary>
    public static void Move(Complaint complaint, ComplaintStage to, DateTimeOffset now, DateTimeOffset? firstReplyAt)
    {
        if (to <= complaint.Stage) return;
        if (to >= ComplaintStage.Acknowledged && complaint.AcknowledgedAt is null)
            complaint.AcknowledgedAt = to > ComplaintStage.Acknowledged && firstReplyAt is { } reply ? reply : now;
        if (to >= ComplaintStage.Investigating) complaint.InvestigatingAt ??= now;
        if (to >= ComplaintStage.Decided) complaint.DecidedAt ??= now;
        if (to >= ComplaintStage.Responded) complaint.RespondedAt ??= now;
        complaint.Stage = to;
    }

    public static string Label(ComplaintStage stage) => stage switch
    {
        ComplaintStage.Received => "received",
        ComplaintStage.Acknowledged => "acknowledged",
        ComplaintStage.Investigating => "investigating",
        ComplaintStage.Decided => "decided",
        ComplaintStage.Responded => "responded",
        _ => stage.ToString(),
    };

    private static string? Missing(ComplaintFacts facts, bool customerResponse)
    {
        var missing = new List<string>();
        if (!facts.HasRootCause) missing.Add("root cause");
        if (!facts.HasRemedy) missing.Add("remedy");
        if (!customerResponse && !facts.HasDecision) missing.Add("decision");
        if (customerResponse && !facts.HasCustomerResponse) missing.Add("the customer's response");
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }
}
