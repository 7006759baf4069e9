using Microsoft.Extensions.Options;

namespace Rapport.Features.Email.Sending;

/// <summary>Section "Rapport:Email:Sending": how the outbox is delivered.</summary>
public sealed class SendingOptions
{
    public const string Section = "Rapport:Email:Sending";

    /// <summary>Attempts before a mail that keeps failing for passing reasons is given up.</summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>How often the sender looks for due mail when nothing wakes it earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a sender holds a mail it took; longer than the slowest SMTP session, so only a crash lets it run out.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long to wait for each SMTP reply.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Mails taken per round.</summary>
    public int BatchSize { get; set; } = 20;
    /// <summary>The background sender; tests turn it off and call <see cref="DeliverDueMail"/> themselves.</summary>
    public bool RunInBackground { get; set; } = true;
    /// <summary>The name Rapport gives in EHLO; the machine's name when empty.</summary>
    public string? HeloName { get; set; }
    /// <summary>
    /// SHA-256 fingerprints (hex) of server certificates to accept although they do not chain to a trusted root,
    /// for a relay with a self-signed certificate (and the tests' SMTP server). Every other certificate is validated.
    /// </summary>
    public List<string> TrustedCertificates { get; set; } = [];
}

internal sealed class SendingOptionsValidator : IValidateOptions<SendingOptions>
{
    public ValidateOptionsResult Validate(string? name, SendingOptions o)
    {
        var errors = new List<string>();
        if (o.MaxAttempts is < 1 or > 100) errors.Add($"{SendingOptions.Section}:MaxAttempts must be from 1 to 100.");
        if (o.BatchSize is < 1 or > 1000) errors.Add($"{SendingOptions.Section}:BatchSize must be from 1 to 1000.");
        if (o.PollInterval < TimeSpan.FromSeconds(1)) errors.Add($"{SendingOptions.Section}:PollInterval must be at least a second.");
        if (o.ConnectTimeout <= TimeSpan.Zero || o.CommandTimeout <= TimeSpan.Zero) errors.Add($"{SendingOptions.Section}: timeouts must be positive.");
        if (o.Lease < o.ConnectTimeout + o.CommandTimeout * 2)
            errors.Add($"{SendingOptions.Section}:Lease must outlast an SMTP session (at least ConnectTimeout + 2 × CommandTimeout).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
