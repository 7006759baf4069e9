using System.Text;

namespace Rapport.Features.Search.Spelling;

/// <summary>
/// The free words of what was typed in the search box, and the same text with some of them replaced (pure). A free word
/// is a token of its own between spaces, outside quotes, not excluded (<c>-word</c>) and not a field (<c>status:open</c>):
/// phrases, exclusions, fields and their values stay exactly as typed, and so does the spacing.
/// </summary>
public static class QueryWords
{
    /// <summary>The free words, in order, each once.</summary>
    public static IReadOnlyList<string> Free(string query) =>
        Tokens(query).Where(t => t.Free).Select(t => query[t.Start..t.End]).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The query with each free word that is a key of <paramref name="replacements"/> replaced by its value.</summary>
    public static string Replace(string query, IReadOnlyDictionary<string, string> replacements)
    {
        var text = new StringBuilder(query.Length);
        var copied = 0;
        foreach (var token in Tokens(query))
        {
            if (!token.Free || !replacements.TryGetValue(query[token.Start..token.End], out var replacement)) continue;
            text.Append(query, copied, token.Start - copied).Append(replacement);
            copied = token.End;
        }
        return text.Append(query, copied, query.Length - copied).ToString();
    }

    private readonly record struct Token(int Start, int End, bool Free);

    /// <summary>Tokens between spaces; a quote opens a span (spaces included) that runs to the next quote or the end.</summary>
    private static IEnumerable<Token> Tokens(string query)
    {
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i])) { i++; continue; }
            var start = i;
            var quoted = false;
            while (i < query.Length && !char.IsWhiteSpace(query[i]))
            {
                if (query[i] == '"')
                {
                    quoted = true;
                    var close = query.IndexOf('"', i + 1);
                    i = close < 0 ? query.Length : close + 1;
                }
                else i++;
            }
            // Letters only: a field (name:value), an exclusion (-word) or anything with a mark is not a free word.
            yield return new Token(start, i, !quoted && query[start..i].All(char.IsLetter));
        }
    }
}
