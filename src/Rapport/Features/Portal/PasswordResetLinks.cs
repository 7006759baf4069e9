namespace Rapport.Features.Portal;

/// <summary>
/// Where password reset links go. Rapport cannot send email yet (the email issue will add it),
/// so the link is written to the server log at Information level for an administrator to pass
/// on; the last few are also kept in memory, which lets tests follow a link as a person would.
/// The link is a secret for one account: it is logged, never shown in a page or a response.
/// </summary>
public sealed class PasswordResetLinks(ILogger<PasswordResetLinks> logger)
{
    private const int Kept = 50;
    private readonly LinkedList<(string Email, string Link)> _recent = new();

    public void Deliver(string email, string link)
    {
        logger.LogInformation("Password reset requested for {Email}. No mail is sent yet; give the person this link: {ResetLink}", email, link);
        lock (_recent)
        {
            _recent.AddLast((email, link));
            if (_recent.Count > Kept) _recent.RemoveFirst();
        }
    }

    /// <summary>The newest link made for the address, or null.</summary>
    public string? LastFor(string email)
    {
        lock (_recent)
            return _recent.LastOrDefault(r => string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase)).Link;
    }
}
