namespace Rapport.Features.Notifications;

/// <summary>The notices about tickets that Rapport can also send a member of staff by email.</summary>
public enum Notice { Assigned, CustomerReplied, Mentioned }

/// <summary>
/// Which notices a member of staff wants by email. Without a row they get every one, which is what a new agent
/// expects; turning one off stops only the email, never the ticket's own record.
/// </summary>
public sealed class NoticePreferences
{
    public Guid UserId { get; set; }
    public bool EmailWhenAssigned { get; set; } = true;
    public bool EmailWhenCustomerReplies { get; set; } = true;
    public bool EmailWhenMentioned { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }

    public bool WantsEmail(Notice notice) => notice switch
    {
        Notice.Assigned => EmailWhenAssigned,
        Notice.CustomerReplied => EmailWhenCustomerReplies,
        Notice.Mentioned => EmailWhenMentioned,
        _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, null),
    };
}
