using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Rapport.Features.Escalation.Authority;

/// <summary>Section "Rapport:Authority": the currency authority limits and commitments are in.</summary>
public sealed partial class AuthorityOptions
{
    public const string Section = "Rapport:Authority";

    /// <summary>An ISO 4217 code, shown beside every amount.</summary>
    public string Currency { get; set; } = "EUR";

    [GeneratedRegex("^[A-Z]{3}$")]
    internal static partial Regex CurrencyCode();
}

/// <summary>Checked when the server starts, so a bad setting stops it with a message naming the setting.</summary>
internal sealed class AuthorityOptionsValidator : IValidateOptions<AuthorityOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthorityOptions options) =>
        AuthorityOptions.CurrencyCode().IsMatch(options.Currency ?? "")
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{AuthorityOptions.Section}:Currency (Rapport__Authority__Currency) is '{options.Currency}'; use a three-letter ISO 4217 code such as EUR, GBP or USD.");
}
