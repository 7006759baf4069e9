namespace Rapport.Features.Complaints;

public enum ComplaintDeadline { Acknowledgement, FinalResponse }

/// <summary>One deadline of a complaint: when it is due, when it was met, when its miss was escalated.</summary>
public sealed record DeadlineStatus(ComplaintDeadline Deadline, DateTimeOffset DueAt, DateTimeOffset? MetAt, DateTimeOffset? EscalatedAt)
{
    public bool IsMet => MetAt is not null;
    public bool IsOverdue(DateTimeOffset now) => MetAt is null && now > DueAt;
    public bool WasLate => MetAt > DueAt;
}

/// <summary>
/// A complaint's two deadlines as pure rules: the acknowledgement is met when the complaint is acknowledged,
/// the final response when it reaches responded. A deadline passed and not met is overdue; each overdue
/// deadline is escalated once.
/// </summary>
public static class ComplaintDeadlines
{
    public static IReadOnlyList<DeadlineStatus> Of(Complaint complaint) =>
    [
        new(ComplaintDeadline.Acknowledgement, complaint.AcknowledgeBy, complaint.AcknowledgedAt, complaint.AcknowledgementEscalatedAt),
        new(ComplaintDeadline.FinalResponse, complaint.RespondBy, complaint.RespondedAt, complaint.ResponseEscalatedAt),
    ];

    /// <summary>The deadlines overdue at <paramref name="now"/> and not escalated yet, earliest first.</summary>
    public static IReadOnlyList<ComplaintDeadline> ToEscalate(Complaint complaint, DateTimeOffset now) =>
        [.. Of(complaint).Where(d => d.IsOverdue(now) && d.EscalatedAt is null).OrderBy(d => d.DueAt).Select(d => d.Deadline)];

    public static void MarkEscalated(Complaint complaint, ComplaintDeadline deadline, DateTimeOffset now)
    {
        if (deadline == ComplaintDeadline.Acknowledgement) complaint.AcknowledgementEscalatedAt ??= now;
        else complaint.ResponseEscalatedAt ??= now;
    }

    /// <summary>Stores what the list and the sweep query: the next deadline not met, and the next one still to watch.</summary>
    public static void Refresh(Complaint complaint)
    {
        var open = Of(complaint).Where(d => !d.IsMet).ToList();
        complaint.NextDeadlineAt = open.Count == 0 ? null : open.Min(d => d.DueAt);
        var watched = open.Where(d => d.EscalatedAt is null).ToList();
        complaint.EscalateAt = watched.Count == 0 ? null : watched.Min(d => d.DueAt);
    }

    public static string Label(ComplaintDeadline deadline) => deadline switch
    {
        ComplaintDeadline.Acknowledgement => "acknowledgement",
        ComplaintDeadline.FinalResponse => "final response",
        _ => deadline.ToString(),
    };
}
