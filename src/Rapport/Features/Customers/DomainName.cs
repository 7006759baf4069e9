using System.Text.RegularExpressions;

namespace Rapport.Features.Customers;

/// <summary>A mail domain as it appears after the @ of an address: a lower-case host name of two or more labels.</summary>
public static partial class DomainName
{
    // Labels of letters, digits and inner hyphens; the last label is not all digits, so an IP address is not a domain.
    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    public static string Normalise(string text) => text.Trim().ToLowerInvariant();

    public static bool IsValid(string normalised) => normalised.Length <= CustomerLimits.DomainLength && Shape().IsMatch(normalised);
}
