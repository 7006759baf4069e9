using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Rapport.Features.Email.Mailboxes;

/// <summary>
/// Encrypts mailbox passwords with ASP.NET Core Data Protection, whose keys live in the database beside the data
/// (Features/Access) so every instance can read them. The password is never stored, shown or logged in clear; it
/// exists in memory only on its way in and while the sender talks to the SMTP server. The keys themselves are not
/// encrypted at rest yet (no key encryptor is configured), so whoever has a whole database dump has both.
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
