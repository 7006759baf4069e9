using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Mailboxes;

/// <summary>A new mailbox. Port defaults to 587 with STARTTLS; a password needs a user name.</summary>
public sealed record CreateMailboxRequest(
    string? Name,
    string? Address,
    string? DisplayName,
    string? SmtpHost,
    int? SmtpPort,
    MailSecurity? Security,
    string? UserName,
    string? Password,
    long? TeamId,
    bool? IsDefault,
    bool? IsActive);

/// <summary>A partial update: only the fields present change. password null or empty removes it; leave it out to keep it.</summary>
public sealed record UpdateMailboxRequest(
    Optional<string> Name,
    Optional<string> Address,
    Optional<string> DisplayName,
    Optional<string> SmtpHost,
    Optional<int?> SmtpPort,
    Optional<MailSecurity?> Security,
    Optional<string> UserName,
    Optional<string> Password,
    Optional<long?> TeamId,
    Optional<bool?> IsDefault,
    Optional<bool?> IsActive);

/// <summary>A mailbox as it would be after a create or an update (the password aside); both check it whole.</summary>
internal sealed record MailboxValues(
    string? Name, string? Address, string? DisplayName, string? SmtpHost, int? SmtpPort, MailSecurity? Security,
    string? UserName, long? TeamId, bool? IsDefault, bool? IsActive)
{
    public static MailboxValues Of(CreateMailboxRequest request) => new(request.Name, request.Address, request.DisplayName,
        request.SmtpHost, request.SmtpPort ?? 587, request.Security ?? MailSecurity.StartTls, request.UserName, request.TeamId,
        request.IsDefault ?? false, request.IsActive ?? true);

    public static MailboxValues Of(UpdateMailboxRequest request, Mailbox stored) => new(
        request.Name.IsSet ? request.Name.Value : stored.Name,
        request.Address.IsSet ? request.Address.Value : stored.Address,
        request.DisplayName.IsSet ? request.DisplayName.Value : stored.DisplayName,
        request.SmtpHost.IsSet ? request.SmtpHost.Value : stored.SmtpHost,
        request.SmtpPort.IsSet ? request.SmtpPort.Value : stored.SmtpPort,
        request.Security.IsSet ? request.Security.Value : stored.Security,
        request.UserName.IsSet ? request.UserName.Value : stored.UserName,
        request.TeamId.IsSet ? request.TeamId.Value : stored.TeamId,
        request.IsDefault.IsSet ? request.IsDefault.Value : stored.IsDefault,
        request.IsActive.IsSet ? request.IsActive.Value : stored.IsActive);

    public void ApplyTo(Mailbox mailbox)
    {
        mailbox.Name = Name!.Trim();
        mailbox.Address = EmailAddress.Normalise(Address!);
        mailbox.DisplayName = Blank(DisplayName);
        mailbox.SmtpHost = SmtpHost!.Trim().ToLowerInvariant();
        (mailbox.SmtpPort, mailbox.Security) = (SmtpPort!.Value, Security!.Value);
        mailbox.UserName = Blank(UserName);
        mailbox.TeamId = TeamId;
        (mailbox.IsDefault, mailbox.IsActive) = (IsDefault!.Value, IsActive!.Value);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal static class MailboxInput
{
    public static readonly ValidationError NameTaken = ValidationError.For("name", "A mailbox with this name already exists.");

    public static async Task<Validator> CheckAsync(RapportDbContext db, MailboxValues values, string? password, bool hasPassword,
        long? exceptId, Validator check, CancellationToken ct)
    {
        check.Required("name", values.Name, MailboxLimits.NameLength)
            .Required("address", values.Address, MailboxLimits.AddressLength).Email("address", values.Address)
            .Text("displayName", values.DisplayName, MailboxLimits.NameLength)
            .Required("smtpHost", values.SmtpHost, MailboxLimits.HostLength)
            .Text("userName", values.UserName, MailboxLimits.UserNameLength)
            .Text("password", password, MailboxLimits.PasswordLength);
        if (!string.IsNullOrWhiteSpace(values.SmtpHost) && !IsHost(values.SmtpHost.Trim()))
            check.Add("smtpHost", "Must be a host name (smtp.example.com) or an IP address.");
        if (values.SmtpPort is not (>= 1 and <= 65535)) check.Add("smtpPort", "Must be a port number from 1 to 65535.");
        if (values.Security is null) check.Add("security", "Must be none, start_tls or implicit_tls.");
        if (values.IsDefault is null) check.Add("isDefault", "Must be true or false.");
        if (values.IsActive is null) check.Add("isActive", "Must be true or false.");
        if (hasPassword && string.IsNullOrWhiteSpace(values.UserName)) check.Add("userName", "A password needs a user name to sign in with.");
        if (values.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct)) check.Add("teamId", $"No team has id {teamId}.");
        if (check.IsValid)
        {
            var upper = values.Name!.Trim().ToUpperInvariant();
            if (await db.Mailboxes.AnyAsync(m => m.Name.ToUpper() == upper && m.Id != exceptId, ct)) check.Add("name", NameTaken.Errors["name"][0]);
        }
        return check;
    }

    /// <summary>A DNS name of letters, digits and hyphens in dotted labels, or an IPv4/IPv6 address.</summary>
    internal static bool IsHost(string host)
    {
        if (System.Net.IPAddress.TryParse(host, out _)) return !host.Contains('%', StringComparison.Ordinal);
        var labels = host.TrimEnd('.').Split('.');
        return labels.All(label => label.Length is >= 1 and <= 63 && !label.StartsWith('-') && !label.EndsWith('-')
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}
