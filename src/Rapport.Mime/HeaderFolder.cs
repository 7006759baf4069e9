using System.Text;

namespace Rapport.Mime;

/// <summary>Writes one header field, folding between tokens so lines stay within 78 characters
/// where the tokens allow (and always within 998).</summary>
internal sealed class HeaderFolder
{
    public const int LineLimit = 78;
    private readonly StringBuilder text = new();
    private int column;
    private bool atStart = true;

    public HeaderFolder(string name)
    {
        text.Append(name).Append(':');
        column = name.Length + 1;
    }

    /// <summary>Columns left on the current line after a separating space.</summary>
    public int Room => LineLimit - column - 1;

    /// <summary>Adds a token, preceded by a space (or a fold) unless <paramref name="glued"/> (e.g. the comma after an address).</summary>
    public void Add(string token, bool glued = false)
    {
        if (glued && !atStart)
        {
            text.Append(token);
            column += token.Length;
            return;
        }
        if (!atStart && column + 1 + token.Length > LineLimit)
        {
            text.Append("\r\n");
            column = 0;
        }
        text.Append(' ').Append(token);
        column += 1 + token.Length;
        atStart = false;
    }

    /// <summary>Adds plain text word by word, folding at spaces.</summary>
    public void AddWords(string value)
    {
        foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) Add(word);
    }

    public override string ToString() => text.Append("\r\n").ToString();
}
