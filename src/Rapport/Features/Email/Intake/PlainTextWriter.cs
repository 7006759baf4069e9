using System.Text;

namespace Rapport.Features.Email.Intake;

/// <summary>
/// Collects plain text line by line for <see cref="HtmlText"/>: white space collapsed as a browser
/// would, each line prefixed with "&gt;" once per quote level it was written at, at most one blank
/// line in a row.
/// </summary>
internal sealed class PlainTextWriter
{
    private readonly List<string> lines = [];
    private int lastDepth;
    private readonly StringBuilder line = new();
    private bool pendingSpace;

    /// <summary>The quote level of the lines written from now on.</summary>
    public int Depth { get; set; }

    public bool LineIsEmpty => line.Length == 0;

    public int LineCount => lines.Count;

    /// <summary>The last finished line without its quote prefix, or null at the start.</summary>
    public string? LastLine => lines.Count == 0 ? null : lines[^1].TrimStart('>').Trim();

    /// <summary>Text as HTML means it: every run of white space is one space, none at the start of a line.</summary>
    public void WriteCollapsed(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && line.Length > 0) line.Append(' ');
            pendingSpace = false;
            line.Append(c);
        }
    }

    /// <summary>Preformatted text: kept as it is, its line breaks included.</summary>
    public void WritePreformatted(string text)
    {
        var parts = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) LineBreak();
            line.Append(parts[i].Replace('\t', ' '));
        }
    }

    /// <summary>Text written as it is, leading spaces included (a nested list item's indent).</summary>
    public void WriteVerbatim(string text)
    {
        line.Append(text);
        pendingSpace = false;
    }

    /// <summary>Text that belongs right after what was written (a link's address), with one space before it.</summary>
    public void Append(string text, bool spaceAfter = false)
    {
        if (line.Length > 0) line.Append(' ');
        line.Append(text);
        pendingSpace = spaceAfter;
    }

    public void LineBreak()
    {
        var prefix = Depth > 0 ? new string('>', Depth) + " " : "";
        lines.Add((prefix + line).TrimEnd());
        lastDepth = Depth;
        line.Clear();
        pendingSpace = false;
    }

    public void EnsureLineStart()
    {
        if (line.Length > 0) LineBreak();
        pendingSpace = false;
    }

    /// <summary>A blank line before what follows, except at the start of the text or of a quote.</summary>
    public void EnsureBlankLine()
    {
        EnsureLineStart();
        if (lines.Count > 0 && lastDepth == Depth && LastLine!.Length > 0) LineBreak();
    }

    public override string ToString()
    {
        EnsureLineStart();
        var kept = new List<string>();
        foreach (var text in lines)
        {
            var blank = text.TrimStart('>').Length == 0;
            if (blank && (kept.Count == 0 || kept[^1] == text)) continue;
            kept.Add(text);
        }
        while (kept.Count > 0 && kept[^1].TrimStart('>').Length == 0) kept.RemoveAt(kept.Count - 1);
        return string.Join('\n', kept);
    }
}
