namespace Rapport.Features.Email.Intake;

/// <summary>One header of a parsed mail, its value already unfolded and decoded (RFC 2047) by the parser.</summary>
public sealed record MailHeader(string Name, string Value);

public static class MailHeaders
{
    /// <summary>The first header with this name (names compare case-insensitively, as RFC 5322 says), or null.</summary>
    public static string? Find(this IReadOnlyList<MailHeader> headers, string name) =>
        headers.FirstOrDefault(h => h.Name.Trim().Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    public static bool Has(this IReadOnlyList<MailHeader> headers, string name) => headers.Find(name) is not null;

    /// <summary>
    /// Reads a block of header lines ("Name: value", continuation lines starting with white space)
    /// up to the first blank line, as found in text/rfc822-headers parts and in copies inlined in bounces.
    /// Lines that are not headers are skipped.
    /// </summary>
    public static IReadOnlyList<MailHeader> Parse(string text)
    {
        var headers = new List<MailHeader>();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                if (headers.Count > 0) break;
                continue;
            }
            if (char.IsWhiteSpace(line[0]) && headers.Count > 0)
            {
                headers[^1] = headers[^1] with { Value = headers[^1].Value + " " + line.Trim() };
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon > 0 && !line[..colon].Any(char.IsWhiteSpace))
                headers.Add(new MailHeader(line[..colon], line[(colon + 1)..].Trim()));
        }
        return headers;
    }

    /// <summary>The bare address of "Name &lt;user@host&gt;", "&lt;user@host&gt;" or "user@host", trimmed.</summary>
    public static string BareAddress(string address)
    {
        var open = address.LastIndexOf('<');
        var close = address.LastIndexOf('>');
        return (open >= 0 && close > open ? address[(open + 1)..close] : address).Trim();
    }
}
