using Rapport.Features.Complaints;

namespace Rapport.Tests.Complaints;

public class ComplaintDeadlinesTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Complaint NewComplaint()
    {
        var complaint = new Complaint { ReceivedAt = Received, AcknowledgeBy = Received.AddDays(1), RespondBy = Received.AddDays(56) };
        ComplaintDeadlines.Refresh(complaint);
        return complaint;
    }

    [Fact]
    public void New_WatchesTheAcknowledgementFirst()
    {
        var complaint = NewComplaint();
        Assert.Equal(complaint.AcknowledgeBy, complaint.NextDeadlineAt);
        Assert.Equal(complaint.AcknowledgeBy, complaint.EscalateAt);
    }

    [Fact]
    public void OnTheDueTime_NothingIsOverdue()
    {
        Assert.Empty(ComplaintDeadlines.ToEscalate(NewComplaint(), Received.AddDays(1)));
    }

    [Fact]
    public void PastTheAcknowledgement_ItIsEscalatedOnce()
    {
        var complaint = NewComplaint();
        var now = Received.AddDays(1).AddMinutes(1);
        Assert.Equal([ComplaintDeadline.Acknowledgement], ComplaintDeadlines.ToEscalate(complaint, now));

        ComplaintDeadlines.MarkEscalated(complaint, ComplaintDeadline.Acknowledgement, now);
        ComplaintDeadlines.Refresh(complaint);
        Assert.Empty(ComplaintDeadlines.ToEscalate(complaint, now.AddDays(1)));
        Assert.Equal(complaint.AcknowledgeBy, complaint.NextDeadlineAt); // still the overdue one, for the list
        Assert.Equal(complaint.RespondBy, complaint.EscalateAt);          // the sweep now waits for the next
    }

    [Fact]
    public void PastBothDeadlines_EachIsEscalated()
    {
        Assert.Equal([ComplaintDeadline.Acknowledgement, ComplaintDeadline.FinalResponse],
            ComplaintDeadlines.ToEscalate(NewComplaint(), Received.AddDays(60)));
    }

    [Fact]
    public void MetLate_IsNotOverdue()
    {
        var complaint = NewComplaint();
        complaint.AcknowledgedAt = Received.AddDays(2);
        ComplaintDeadlines.Refresh(complaint);
        var acknowledgement = ComplaintDeadlines.Of(complaint)[0];
        Assert.True(acknowledgement.WasLate);
        Assert.False(acknowledgement.IsOverdue(Received.AddDays(3)));
        Assert.Equal(complaint.RespondBy, complaint.NextDeadlineAt);
    }

    [Fact]
    public void Responded_LeavesNothingToWatch()
    {
        var complaint = NewComplaint();
        complaint.AcknowledgedAt = Received.AddHours(1);
        complaint.RespondedAt = Received.AddDays(10);
        ComplaintDeadlines.Refresh(complaint);
        Assert.Null(complaint.NextDeadlineAt);
        Assert.Null(complaint.EscalateAt);
    }
}
