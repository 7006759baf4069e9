using System.Globalization;

namespace Rapport.Features.Portal;

/// <summary>
/// The organisation's colour as a tiny stylesheet. The content security policy forbids inline
/// styles, so the colour cannot go into a style attribute; the layout links this file instead.
/// </summary>
public static class PortalTheme
{
    public const string Path = "/portal/theme.css";

    /// <summary>CSS custom properties for the accent, with a text colour that stays readable on it.</summary>
    public static string Css(PortalOptions options)
    {
        if (options.AccentColour is not { Length: 7 } accent) return "/* No accent colour configured: the design system's own applies. */\n";
        var text = RelativeLuminance(accent) > 0.179 ? "#000000" : "#ffffff";
        // Same selector as the design system's, loaded after it, so it wins in light and dark mode alike.
        return $":root {{ --accent: {accent.ToLowerInvariant()}; --accent-text: {text}; }}\n";
    }

    /// <summary>A version for the URL, so browsers may cache the file until the colour changes.</summary>
    public static string Url(PortalOptions options) =>
        $"{Path}?v={(options.AccentColour is { Length: 7 } accent ? accent[1..].ToLowerInvariant() : "default")}";

    /// <summary>WCAG 2 relative luminance; 0.179 is where black and white text have equal contrast.</summary>
    internal static double RelativeLuminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }
}
