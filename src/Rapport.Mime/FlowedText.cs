using System.Text;

namespace Rapport.Mime;

/// <summary>Unwraps RFC 3676 format=flowed text: a line ending in a space continues on the next
/// line of the same quote depth; space-stuffing is removed; "-- " stays a signature separator.</summary>
internal static class FlowedText
{
    public static bool Applies(ContentType type) =>
        type.Is("text", "plain") && string.Equals(type.Parameters.GetValueOrDefault("format"), "flowed", StringComparison.OrdinalIgnoreCase);

    public static string Unwrap(string text, bool deleteSpace)
    {
        var result = new StringBuilder(text.Length);
        var previousFlowed = false;
        var previousDepth = 0;
        var lineBreak = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var depth = 0;
            while (depth < line.Length && line[depth] == '>') depth++;
            var content = line[depth..];
            if (content.StartsWith(' ')) content = content[1..];
            var flowed = content.EndsWith(' ') && content != "-- ";
            if (flowed && deleteSpace) content = content[..^1];
            if (!(previousFlowed && depth == previousDepth))
            {
                if (i > 0) result.Append(lineBreak);
                if (depth > 0) result.Append('>', depth).Append(' ');
            }
            result.Append(content);
            previousFlowed = flowed;
            previousDepth = depth;
        }
        return result.ToString();
    }
}
