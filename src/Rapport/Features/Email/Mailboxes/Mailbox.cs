using Rapport.Features.People;

namespace Rapport.Features.Email.Mailboxes;

/// <summary>
/// An address Rapport sends mail from (one per brand or team), with the SMTP server that takes its mail.
/// The SMTP password is kept encrypted (<see cref="MailboxSecrets"/>) and never leaves the server.
/// </summary>
public sealed class Mailbox
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    /// <summary>The name recipients see beside the address ("Acme Support").</summary>
    public string? DisplayName { get; set; }
    public required string SmtpHost { get; set; }
    public int SmtpPort { get; set; }
    public MailSecurity Security { get; set; }
    public string? UserName { get; set; }
    /// <summary>The SMTP password as the Data Protection protector wrote it; null when none is set.</summary>
    public string? ProtectedPassword { get; set; }
    /// <summary>The team whose mail goes out from here; none for a brand-wide mailbox.</summary>
    public long? TeamId { get; set; }
    public Team? Team { get; set; }
    /// <summary>The mailbox used when no team mailbox applies; at most one is the default.</summary>
    public bool IsDefault { get; set; }
    /// <summary>An inactive mailbox is not chosen for new mail; mail already queued still goes out.</summary>
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum MailSecurity
{
    /// <summary>Plain text, for a relay on the same host or network only.</summary>
    None,
    /// <summary>Plain connect, then STARTTLS before anything else (usually port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (usually port 465).</summary>
    ImplicitTls,
}
