using System.Globalization;
using Rapport.Features.ServiceLevels.Pages;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Mailboxes.Pages;

/// <summary>What the mailbox form posts. The password box is always empty: typing in it sets a new one, ticking "remove" clears it.</summary>
public sealed class MailboxForm
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? DisplayName { get; set; }
    public string? SmtpHost { get; set; }
    public string? SmtpPort { get; set; }
    public string? Security { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool RemovePassword { get; set; }
    public string? TeamId { get; set; }
    // False by default: an unchecked box posts nothing, so only a fresh form starts active.
    public bool IsDefault { get; set; }
    public bool IsActive { get; set; }

    public static MailboxForm New() => new() { SmtpPort = "587", Security = EnumNames.ToSnakeCase(MailSecurity.StartTls), IsActive = true };

    public static MailboxForm From(MailboxDto mailbox) => new()
    {
        Name = mailbox.Name,
        Address = mailbox.Address,
        DisplayName = mailbox.DisplayName,
        SmtpHost = mailbox.SmtpHost,
        SmtpPort = mailbox.SmtpPort.ToString(CultureInfo.InvariantCulture),
        Security = EnumNames.ToSnakeCase(mailbox.Security),
        UserName = mailbox.UserName,
        TeamId = mailbox.Team?.Id.ToString(CultureInfo.InvariantCulture),
        IsDefault = mailbox.IsDefault,
        IsActive = mailbox.IsActive,
    };

    public CreateMailboxRequest ToCreate(Validator check) => new(Name, Address, DisplayName, SmtpHost, Port(check), Chosen(check),
        UserName, Password, FormNumbers.Id("teamId", TeamId, check), IsDefault, IsActive);

    /// <summary>Every field is sent but the password, which changes only when typed or removed; the use case audits what changed.</summary>
    public UpdateMailboxRequest ToUpdate(Validator check) => new(
        Optional<string>.Of(Name), Optional<string>.Of(Address), Optional<string>.Of(DisplayName), Optional<string>.Of(SmtpHost),
        Optional<int?>.Of(Port(check)), Optional<MailSecurity?>.Of(Chosen(check)), Optional<string>.Of(UserName),
        RemovePassword ? Optional<string>.Of(null) : string.IsNullOrEmpty(Password) ? default : Optional<string>.Of(Password),
        Optional<long?>.Of(FormNumbers.Id("teamId", TeamId, check)), Optional<bool?>.Of(IsDefault), Optional<bool?>.Of(IsActive));

    public static string SecurityLabel(MailSecurity security) => security switch
    {
        MailSecurity.None => "no encryption",
        MailSecurity.StartTls => "STARTTLS",
        MailSecurity.ImplicitTls => "TLS",
        _ => security.ToString(),
    };

    private int? Port(Validator check) => FormNumbers.Whole("smtpPort", SmtpPort, check, "Give a port number, such as 587.") ?? (string.IsNullOrWhiteSpace(SmtpPort) ? 0 : null);

    private MailSecurity? Chosen(Validator check)
    {
        foreach (var security in Enum.GetValues<MailSecurity>())
            if (EnumNames.ToSnakeCase(security) == Security) return security;
        check.Add("security", "Choose from the list.");
        return null;
    }
}
