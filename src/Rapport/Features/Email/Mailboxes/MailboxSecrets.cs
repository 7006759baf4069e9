using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Rapport.Features.Email.Mailboxes;

/// <summary>
/// Encrypts mailbox passwords with ASP.NET Core Data Protection, whose keys live in the database beside the data
/// (Features/Access), so every instance can read them and a database dump alone does not reveal them in clear.
/// The plain password exists only on its way in and while the sender talks to the SMTP server.
/// </summary>
public sealed class MailboxSecrets(IDataProtectionProvider provider)
{
    private const string Purpose = "Rapport.Email.Mailboxes.SmtpPassword.v1";
    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(string password) => protector.Protect(password);

    /// <summary>The password, or null when none is set or it cannot be read (its key was lost): the admin sets it again.</summary>
    public string? Unprotect(string? protectedPassword)
    {
        if (protectedPassword is null) return null;
        try
        {
            return protector.Unprotect(protectedPassword);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
