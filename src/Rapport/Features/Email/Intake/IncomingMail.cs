using Rapport.Mime;

namespace Rapport.Features.Email.Intake;

/// <summary>
/// A received message on its way through the intake filters: parsed once, then annotated by each filter in turn
/// (who sent it, whether a machine did, which ticket it follows up). A filter that decides the mail goes no further
/// sets the <see cref="Outcome"/>; otherwise it is delivered to a ticket.
/// </summary>
public sealed class IncomingMail(InboundMail row, MimeMessage message)
{
    private IReadOnlyList<MailHeader>? headers;

    public InboundMail Row { get; } = row;
    public MimeMessage Message { get; } = message;
    public IReadOnlyList<MailHeader> Headers => headers ??= [.. Message.Headers.Select(h => new MailHeader(h.Name, h.Value))];

    /// <summary>Who wrote it (From, else Sender), with a valid address; set by the sender filter.</summary>
    public MailboxAddress? From { get; set; }
    public AutomaticMailVerdict Automatic { get; set; } = new([]);
    /// <summary>What a delivery failure report says, when the mail is one.</summary>
    public BounceResult? Bounce { get; set; }
    /// <summary>The ticket this mail continues, and how that was found ("thread", "ticket token", "subject").</summary>
    public long? FollowUpOf { get; set; }
    public string? FollowUpBy { get; set; }
    /// <summary>What the filters noticed that the ticket's history should tell (a ticket token pointing elsewhere…).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Set when the mail stops here: set aside for a person, or ignored, and why.</summary>
    public (InboundMailStatus Status, string Reason)? Outcome { get; private set; }

    public void SetAside(string reason) => Outcome = (InboundMailStatus.Unprocessable, reason);

    public void Ignore(string reason) => Outcome = (InboundMailStatus.Ignored, reason);
}

/// <summary>One step of the intake: reads the mail, annotates it, and may end its way (see <see cref="IncomingMail.Outcome"/>).</summary>
public interface IIntakeFilter
{
    Task ApplyAsync(IncomingMail mail, CancellationToken ct);
}
