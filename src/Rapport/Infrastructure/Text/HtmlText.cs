using System.Buffers;
using System.Text;

namespace Rapport.Infrastructure.Text;

/// <summary>Text made safe to stand between HTML tags or inside a quoted attribute.</summary>
public static class HtmlText
{
    private static readonly SearchValues<char> Special = SearchValues.Create("<>&\"'");

    /// <summary>Appends <paramref name="text"/> with &lt; &gt; &amp; " and ' escaped; everything else (any script or language) as it is.</summary>
    public static void AppendEscaped(StringBuilder output, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var next = text.IndexOfAny(Special);
            if (next < 0)
            {
                output.Append(text);
                return;
            }
            output.Append(text[..next]);
            output.Append(text[next] switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(next + 1)..];
        }
    }

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Special) < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text);
        return builder.ToString();
    }
}
