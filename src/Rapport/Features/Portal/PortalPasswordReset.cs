using Microsoft.AspNetCore.Identity;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Portal;

/// <summary>
/// "Forgot password": a link carrying Identity's one-time token, and setting the new password
/// with it. Asking says the same whether or not the address has an account.
/// </summary>
public sealed class PortalPasswordReset(UserManager<User> users, PasswordResetLinks links)
{
    public const string InvalidLink = "This link is invalid or has expired. Ask for a new one.";

    /// <param name="siteRoot">The site's absolute root ("https://help.example.org/"), for a link that works outside the browser.</param>
    public async Task RequestAsync(string email, string siteRoot)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is not { IsActive: true }) return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        links.Deliver(user.Email!, $"{siteRoot.TrimEnd('/')}/portal/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}");
    }

    public async Task<Result<User>> ResetAsync(string? email, string? token, string? password)
    {
        var check = new Validator().Required("password", password, 200);
        if (!check.IsValid) return check.ToError();
        var user = string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(token) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is not { IsActive: true }) return ValidationError.For("token", InvalidLink);
        var result = await users.ResetPasswordAsync(user, token!, password!);
        if (result.Succeeded)
        {
            // Whoever was locked out by guessing is let back in by proving they own the account.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return user;
        }
        var failed = new Validator();
        foreach (var error in result.Errors)
            failed.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "token",
                error.Code == "InvalidToken" ? InvalidLink : error.Description);
        return failed.ToError();
    }
}
