using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Rapport.Features.Portal;

/// <summary>Section "Rapport:Portal": how the customer portal presents itself, so it looks like the organisation's own site.</summary>
public sealed partial class PortalOptions
{
    public const string Section = "Rapport:Portal";

    /// <summary>Shown in the portal's header and page titles.</summary>
    public string Name { get; set; } = "Help centre";

    /// <summary>An image for the header: a path on this site ("/…") or an https URL.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>The brand colour as #rrggbb; buttons and the header stripe take it.</summary>
    public string? AccentColour { get; set; }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    internal static partial Regex HexColour();
}

/// <summary>Checked when the server starts, so a bad setting stops it with a message naming the setting.</summary>
internal sealed class PortalOptionsValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name) || options.Name.Length > 100 || options.Name.Any(char.IsControl))
            failures.Add($"{PortalOptions.Section}:Name (Rapport__Portal__Name) must be 1 to 100 characters of text.");
        if (options.LogoUrl is { Length: > 0 } logo && !IsSafeLogoUrl(logo))
            failures.Add($"{PortalOptions.Section}:LogoUrl (Rapport__Portal__LogoUrl) is '{logo}'; use a path on this site such as /logo.svg or an https:// URL.");
        if (options.AccentColour is { Length: > 0 } colour && !PortalOptions.HexColour().IsMatch(colour))
            failures.Add($"{PortalOptions.Section}:AccentColour (Rapport__Portal__AccentColour) is '{colour}'; use a colour as #rrggbb, e.g. #0b6e4f.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsSafeLogoUrl(string url)
    {
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '"' or '\'' or '<' or '>' or '\\')) return false;
        // "//host/…" is protocol-relative, i.e. another site: only a single leading slash means "this site".
        if (url.StartsWith('/')) return !url.StartsWith("//", StringComparison.Ordinal);
        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme == Uri.UriSchemeHttps && absolute.Host.Length > 0;
    }
}
