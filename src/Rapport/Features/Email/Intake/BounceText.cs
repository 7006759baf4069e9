using System.Text.RegularExpressions;

namespace Rapport.Features.Email.Intake;

/// <summary>The human-readable text of a bounce, for when there is no delivery-status part to read.</summary>
internal static partial class BounceText
{
    /// <summary>An address alone on an indented line, as Exim lists the failed ones: "  alice@example.org".</summary>
    [GeneratedRegex(@"^\s{2,}<?([^\s<>@]+@[^\s<>@]+?)>?\s*$")]
    private static partial Regex IndentedAddress();

    /// <summary>Postfix's human text: "&lt;alice@example.org&gt;: host mx… said: 550 5.1.1 …".</summary>
    [GeneratedRegex(@"^<([^\s<>@]+@[^\s<>@]+)>:\s*(.*)$")]
    private static partial Regex PostfixAddress();

    /// <summary>An address anywhere in a line; its parts are bounded (RFC 5321's limits) so a long run of text cannot make it slow.</summary>
    [GeneratedRegex(@"[^\s<>()'"":;,\[\]@]{1,64}@[^\s<>()'"":;,\[\]@]{1,253}\.[a-z0-9-]{1,63}", RegexOptions.IgnoreCase)]
    private static partial Regex AnyAddress();

    [GeneratedRegex(@"Remote Server returned '([^']*)'", RegexOptions.IgnoreCase)]
    private static partial Regex ExchangeDiagnostic();

    /// <summary>Office 365's newer report: "Your message to alice@contoso.com couldn't be delivered."</summary>
    [GeneratedRegex(@"Your message to <?([^\s<>@]+@[^\s<>@]+?)>? couldn[’']t be delivered", RegexOptions.IgnoreCase)]
    private static partial Regex ModernHeading();

    /// <summary>Its details for administrators: "Reported error: 550 5.1.10 …", or at least "Status code: 550 5.1.10".</summary>
    [GeneratedRegex(@"^[ \t]*(?:Reported error|Status code):[ \t]*(.+?)[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex ModernDiagnostic();

    /// <summary>Where bounces start the copy of the original: Exim, qmail, Postfix and Sendmail wordings.</summary>
    [GeneratedRegex(@"^[ \t]*-+[ \t]*(?:this is a copy of the message|below this line is a copy of the message|original message headers|undelivered message headers|the original message was|returned message)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex CopyMarker();

    private const string ExchangeFailed = "Delivery has failed to these recipients or groups";
    private const string ExchangeDelayed = "Delivery is delayed to these recipients or groups";
    private const string ExchangeDiagnostics = "Diagnostic information for administrators";

    public static IReadOnlyList<FailedRecipient> Recipients(string text)
    {
        text = text.Replace("\r\n", "\n");
        var copy = CopyMarker().Match(text);
        var report = copy.Success ? text[..copy.Index] : text;
        if (report.Contains(ExchangeFailed, StringComparison.OrdinalIgnoreCase) || report.Contains(ExchangeDelayed, StringComparison.OrdinalIgnoreCase))
            return Exchange(report);
        var listed = Listed(report);
        return listed.Count > 0 ? listed : Modern(report);
    }

    /// <summary>Office 365's newer report names one recipient in its first line; "Reported error" is the fuller diagnostic.</summary>
    private static IReadOnlyList<FailedRecipient> Modern(string report)
    {
        var heading = ModernHeading().Match(report);
        if (!heading.Success) return [];
        var diagnostics = ModernDiagnostic().Matches(report).Select(m => m.Groups[1].Value).ToList();
        var diagnostic = diagnostics.OrderByDescending(d => d.Length).FirstOrDefault();
        var status = BounceReport.StatusIn(diagnostic) ?? "5.0.0";
        return [new FailedRecipient(heading.Groups[1].Value, status, BounceReport.SeverityOf(status), diagnostic)];
    }

    /// <summary>The original's headers when the bounce inlines a copy after a marker line, else null.</summary>
    public static IReadOnlyList<MailHeader>? InlinedHeaders(string text)
    {
        var copy = CopyMarker().Match(text);
        if (!copy.Success) return null;
        var after = text[(copy.Index + copy.Length)..];
        var lineEnd = after.IndexOf('\n');
        return MailHeaders.Parse(lineEnd >= 0 ? after[(lineEnd + 1)..] : "");
    }

    /// <summary>Exchange and Office 365: the addresses under the heading, the codes under "Diagnostic information for administrators".</summary>
    private static IReadOnlyList<FailedRecipient> Exchange(string report)
    {
        var delayed = report.Contains(ExchangeDelayed, StringComparison.OrdinalIgnoreCase);
        var heading = report.IndexOf(delayed ? ExchangeDelayed : ExchangeFailed, StringComparison.OrdinalIgnoreCase);
        var diagnosticsAt = report.IndexOf(ExchangeDiagnostics, StringComparison.OrdinalIgnoreCase);
        var listed = diagnosticsAt > heading ? report[heading..diagnosticsAt] : report[heading..];
        var diagnostics = diagnosticsAt > heading ? report[diagnosticsAt..] : "";
        var failed = new List<FailedRecipient>();
        foreach (var address in AnyAddress().Matches(listed).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var at = diagnostics.IndexOf(address, StringComparison.OrdinalIgnoreCase);
            var returned = ExchangeDiagnostic().Match(at >= 0 ? diagnostics[at..] : diagnostics);
            var diagnostic = returned.Success ? returned.Groups[1].Value.Trim() : null;
            var status = BounceReport.StatusIn(diagnostic) ?? (delayed ? "4.0.0" : "5.0.0");
            failed.Add(new FailedRecipient(address, status, BounceReport.SeverityOf(status), diagnostic));
        }
        return failed;
    }

    /// <summary>
    /// Exim's "The following address(es) failed:" list (an indented address, its diagnostic indented
    /// below it) and Postfix's "&lt;address&gt;: diagnostic" paragraphs.
    /// </summary>
    private static IReadOnlyList<FailedRecipient> Listed(string report)
    {
        var delayed = report.Contains("not yet been delivered", StringComparison.OrdinalIgnoreCase)
            || report.Contains("delayed", StringComparison.OrdinalIgnoreCase) && !report.Contains("permanent", StringComparison.OrdinalIgnoreCase);
        var lines = report.Split('\n');
        var failed = new List<FailedRecipient>();
        for (var i = 0; i < lines.Length; i++)
        {
            var indented = IndentedAddress().Match(lines[i]);
            var postfix = PostfixAddress().Match(lines[i]);
            if (!indented.Success && !postfix.Success) continue;
            var diagnostic = new List<string>();
            if (postfix.Success && postfix.Groups[2].Value.Trim() is { Length: > 0 } first) diagnostic.Add(first);
            var indent = Indent(lines[i]);
            while (i + 1 < lines.Length && lines[i + 1].Trim().Length > 0 && Indent(lines[i + 1]) > indent
                   && !IndentedAddress().IsMatch(lines[i + 1]))
                diagnostic.Add(lines[++i].Trim());
            var text = diagnostic.Count == 0 ? null : string.Join(' ', diagnostic);
            var status = BounceReport.StatusIn(text) ?? (delayed ? "4.0.0" : "5.0.0");
            var address = indented.Success ? indented.Groups[1].Value : postfix.Groups[1].Value;
            failed.Add(new FailedRecipient(address, status, BounceReport.SeverityOf(status), text));
        }
        return failed;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;
}
