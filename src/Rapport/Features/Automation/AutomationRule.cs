namespace Rapport.Features.Automation;

/// <summary>When a rule looks at a ticket.</summary>
public enum AutomationTrigger
{
    /// <summary>Right after a ticket is created.</summary>
    TicketCreated,
    /// <summary>Right after any change to a ticket is saved (fields, messages, status).</summary>
    TicketUpdated,
    /// <summary>Every few minutes, over the tickets its conditions select (e.g. pending for 7 days).</summary>
    Scheduled,
}

/// <summary>
/// "When a ticket is created / updated / every few minutes, if it meets these conditions, do these
/// actions." Conditions are the shared condition model (Features/Conditions); actions are a small
/// list of typed steps (see <see cref="AutomationAction"/>). Rules run in <see cref="Position"/> order.
/// </summary>
public sealed class AutomationRule
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public bool IsActive { get; set; } = true;
    public AutomationTrigger Trigger { get; set; }
    /// <summary>A condition set as JSON.</summary>
    public required string Conditions { get; set; }
    /// <summary>The actions as a JSON array of {"type": …, "value": …}.</summary>
    public required string Actions { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One firing of a scheduled rule on one version of a ticket: a rule fires at most once per version.</summary>
public sealed class AutomationRun
{
    public long Id { get; set; }
    public long RuleId { get; set; }
    public long TicketNumber { get; set; }
    public int TicketVersion { get; set; }
    public DateTimeOffset RanAt { get; set; }
}
