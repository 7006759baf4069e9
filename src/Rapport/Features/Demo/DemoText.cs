using System.Text;
using Rapport.Features.Tickets.Content;

namespace Rapport.Features.Demo;

/// <summary>
/// Fills phrase templates and turns a message's paragraphs into its two stored forms. The phrase
/// banks hold plain sentences with no Markdown syntax, so each paragraph renders to one
/// &lt;p&gt; of encoded text: exactly what <see cref="MessageBody.FromMarkdown"/> makes of it,
/// without parsing and sanitising a million times. Small sets use MessageBody itself.
/// </summary>
internal static class DemoText
{
    /// <summary>Replaces each {name} in the template with the value the lookup gives for it.</summary>
    public static string Fill(string template, Func<string, string> value)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0) return template;
        var result = new StringBuilder(template.Length + 32);
        var start = 0;
        while (open >= 0)
        {
            var close = template.IndexOf('}', open);
            if (close < 0) break;
            result.Append(template, start, open - start).Append(value(template[(open + 1)..close]));
            start = close + 1;
            open = template.IndexOf('{', start);
        }
        return result.Append(template, start, template.Length - start).ToString();
    }

    /// <summary>Paragraphs are separated by a blank line; a single newline inside one is a line break.</summary>
    public static (string Text, string Html) Render(IReadOnlyList<string> paragraphs, bool throughMarkdown)
    {
        var text = string.Join("\n\n", paragraphs);
        if (throughMarkdown) return MessageBody.FromMarkdown(text);
        var html = new StringBuilder(text.Length + 16 * paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) html.Append("<br>\n");
                Encode(lines[i], html);
            }
            html.Append("</p>\n");
        }
        return (text, html.ToString());
    }

    private static void Encode(string text, StringBuilder html)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '\u00A0': html.Append("&nbsp;"); break;
                default: html.Append(c); break;
            }
        }
    }

    /// <summary>A name as the local part of an email address: ASCII letters only, lower case.</summary>
    public static string Slug(string name, char separator = '.')
    {
        var plain = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') plain.Append(char.ToLowerInvariant(c));
            else if (c is 'ł' or 'Ł') plain.Append('l');
            else if (c is ' ' or '-' && plain.Length > 0 && plain[^1] != separator) plain.Append(separator);
        }
        return plain.ToString().Trim(separator);
    }
}
