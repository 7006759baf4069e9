using Rapport.Features.Complaints;

namespace Rapport.Tests.Complaints;

public class ComplaintRulesTests
{
    private static readonly ComplaintStage[] Stages = Enum.GetValues<ComplaintStage>();

    private static ComplaintFacts Facts(ComplaintStage stage, bool rootCause = true, bool remedy = true, bool decision = true,
        bool customerResponse = false, bool publicReply = false) =>
        new(stage, rootCause, remedy, decision, customerResponse, publicReply);

    public static TheoryData<ComplaintStage, ComplaintStage> EveryPair()
    {
        var data = new TheoryData<ComplaintStage, ComplaintStage>();
        foreach (var from in Stages)
        foreach (var to in Stages) data.Add(from, to);
        return data;
    }

    [Theory, MemberData(nameof(EveryPair))]
    public void Move_WithEverythingRecorded_IsAllowedOnlyOneStepForwardOrInPlace(ComplaintStage from, ComplaintStage to)
    {
        var refusal = ComplaintRules.RefusalToMove(Facts(from), to);
        var allowed = to == from || to == from + 1;
        Assert.True(allowed == (refusal is null), $"{from} → {to}: {refusal ?? "allowed"}");
    }

    [Theory, MemberData(nameof(EveryPair))]
    public void Move_SkippingAcknowledgement_IsAllowedOnlyWhenAPublicReplyAcknowledgedIt(ComplaintStage from, ComplaintStage to)
    {
        var withReply = ComplaintRules.RefusalToMove(Facts(from, publicReply: true), to);
        var allowed = to == from || to == from + 1 || (from == ComplaintStage.Received && to == ComplaintStage.Investigating);
        Assert.True(allowed == (withReply is null), $"{from} → {to} after a reply: {withReply ?? "allowed"}");
    }

    [Fact]
    public void Move_Backwards_SaysStagesOnlyMoveForward()
    {
        var refusal = ComplaintRules.RefusalToMove(Facts(ComplaintStage.Decided), ComplaintStage.Investigating);
        Assert.Equal("A complaint's stage only moves forward: it is decided already.", refusal);
    }

    [Fact]
    public void Move_TwoStepsAhead_NamesTheStageToRecordFirst()
    {
        var refusal = ComplaintRules.RefusalToMove(Facts(ComplaintStage.Acknowledged), ComplaintStage.Decided);
        Assert.Equal("Stages move one at a time: record investigating before decided.", refusal);
    }

    [Fact]
    public void Move_ToInvestigatingWithoutAReply_AsksForTheAcknowledgement()
    {
        var refusal = ComplaintRules.RefusalToMove(Facts(ComplaintStage.Received), ComplaintStage.Investigating);
        Assert.Contains("Acknowledge the complaint first", refusal);
    }

    [Theory]
    [InlineData(false, true, true, "root cause")]
    [InlineData(true, false, true, "remedy")]
    [InlineData(true, true, false, "decision")]
    [InlineData(false, false, false, "root cause, remedy, decision")]
    public void Decide_WithoutRootCauseRemedyOrDecision_IsRefusedNamingWhatIsMissing(bool rootCause, bool remedy, bool decision, string missing)
    {
        var refusal = ComplaintRules.RefusalToMove(Facts(ComplaintStage.Investigating, rootCause, remedy, decision), ComplaintStage.Decided);
        Assert.Equal($"A complaint needs a root cause, a remedy and a decision before it is decided (missing: {missing}).", refusal);
    }

    [Fact]
    public void Respond_AfterDecided_IsAllowedWithoutTheCustomersAnswer()
    {
        Assert.Null(ComplaintRules.RefusalToMove(Facts(ComplaintStage.Decided), ComplaintStage.Responded));
    }

    [Theory]
    [InlineData(ComplaintStage.Received)]
    [InlineData(ComplaintStage.Acknowledged)]
    [InlineData(ComplaintStage.Investigating)]
    [InlineData(ComplaintStage.Decided)]
    public void CustomersResponse_BeforeTheFinalResponse_IsRefused(ComplaintStage stage)
    {
        Assert.NotNull(ComplaintRules.RefusalToRecordResponse(stage));
    }

    [Fact]
    public void CustomersResponse_AfterTheFinalResponse_IsAllowed()
    {
        Assert.Null(ComplaintRules.RefusalToRecordResponse(ComplaintStage.Responded));
    }

    [Theory]
    [InlineData(ComplaintStage.Received, false)]
    [InlineData(ComplaintStage.Acknowledged, false)]
    [InlineData(ComplaintStage.Investigating, false)]
    [InlineData(ComplaintStage.Decided, true)]
    [InlineData(ComplaintStage.Responded, true)]
    public void Clearing_IsRefusedOnceDecided(ComplaintStage stage, bool refused)
    {
        Assert.Equal(refused, ComplaintRules.RefusalToClear(stage, "remedy") is not null);
    }

    [Fact]
    public void Solve_WithoutAComplaintRecord_IsRefused()
    {
        Assert.Contains("has not started", ComplaintRules.RefusalToSolve(null));
    }

    [Theory]
    [InlineData(false, true, true, "root cause")]
    [InlineData(true, false, true, "remedy")]
    [InlineData(true, true, false, "the customer's response")]
    [InlineData(false, false, false, "root cause, remedy, the customer's response")]
    public void Solve_WithoutRootCauseRemedyOrCustomersResponse_IsRefusedSayingWhy(bool rootCause, bool remedy, bool answer, string missing)
    {
        var refusal = ComplaintRules.RefusalToSolve(Facts(ComplaintStage.Responded, rootCause, remedy, customerResponse: answer));
        Assert.Equal("A complaint cannot be solved until its root cause, remedy and the customer's response to the remedy are recorded "
            + $"(missing: {missing}).", refusal);
    }

    [Fact]
    public void Solve_WithRootCauseRemedyAndCustomersResponse_IsAllowed()
    {
        Assert.Null(ComplaintRules.RefusalToSolve(Facts(ComplaintStage.Responded, customerResponse: true)));
    }

    [Fact]
    public void Move_StampsEachStageOnce()
    {
        var complaint = new Complaint { Stage = ComplaintStage.Received };
        var t = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        foreach (var (stage, hours) in new[] { (ComplaintStage.Acknowledged, 1), (ComplaintStage.Investigating, 2), (ComplaintStage.Decided, 3), (ComplaintStage.Responded, 4) })
            ComplaintRules.Move(complaint, stage, t.AddHours(hours), firstReplyAt: null);
        ComplaintRules.Move(complaint, ComplaintStage.Decided, t.AddHours(9), firstReplyAt: null);

        Assert.Equal(ComplaintStage.Responded, complaint.Stage);
        Assert.Equal([t.AddHours(1), t.AddHours(2), t.AddHours(3), t.AddHours(4)],
            new[] { complaint.AcknowledgedAt, complaint.InvestigatingAt, complaint.DecidedAt, complaint.RespondedAt });
    }

    [Fact]
    public void Move_SkippingAcknowledgement_RecordsTheFirstReplyAsTheAcknowledgement()
    {
        var complaint = new Complaint { Stage = ComplaintStage.Received };
        var reply = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        ComplaintRules.Move(complaint, ComplaintStage.Investigating, reply.AddHours(5), reply);
        Assert.Equal(reply, complaint.AcknowledgedAt);
        Assert.Equal(reply.AddHours(5), complaint.InvestigatingAt);
    }
}
