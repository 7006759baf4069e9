using System.Globalization;
using System.Text;

namespace Rapport.Features.Search.Spelling;

/// <summary>A word of the index and how many tickets hold it in the text the searcher reads (a lower bound, at most a cap).</summary>
public sealed record IndexedWord(string Word, long Tickets);

/// <summary>
/// Which indexed word replaces a misspelt one (pure, no I/O). Only words of letters, at least <see cref="MinLength"/>
/// long, are corrected: numbers, codes and short words stay as typed. A word is replaced when it is not in the index, or
/// when a close word is at least <see cref="RareRatio"/> times as common ("recieve" in a few tickets, "receive" in
/// thousands). "Close" is the Damerau–Levenshtein distance (a swap of two neighbours counts one), at most
/// <see cref="MaxDistance"/> for the word's length; the nearest wins, then the most common, then the first in order.
/// </summary>
public static class SpellingRule
{
    public const int MinLength = 4;

    /// <summary>How much more common a close word must be for a word that is in the index to be replaced by it.</summary>
    public const int RareRatio = 100;

    /// <summary>
    /// A word in at least this many tickets is taken as meant and not looked up: staff's searches that find nothing are
    /// mostly right words in a combination no ticket has, and looking each one up in the vocabulary costs tens of
    /// milliseconds at a million tickets. (A close word a hundred times as common is then rare enough to ignore.)
    /// </summary>
    public const int TakenAsMeant = 10;

    /// <summary>At most this many replacements per word are offered, best first.</summary>
    public const int MaxChoices = 3;

    /// <summary>Edits allowed: one for words of up to five letters, two from six.</summary>
    public static int MaxDistance(int length) => length < MinLength ? 0 : length <= 5 ? 1 : 2;

    /// <summary>A free word worth correcting: letters only (no digits, no marks), long enough to have a likely intent.</summary>
    public static bool IsCorrectable(string word) => word.Length >= MinLength && word.All(char.IsLetter);

    /// <summary>The word as both indexes hold it: lower case, accents removed.</summary>
    public static string Normalise(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) kept.Append(c);
        return kept.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    /// <summary>
    /// The replacements for <paramref name="typed"/> (as typed; compared normalised) among <paramref name="candidates"/>,
    /// best first, at most <see cref="MaxChoices"/>; empty when the word should stay.
    /// </summary>
    public static IReadOnlyList<string> Corrections(string typed, IEnumerable<IndexedWord> candidates)
    {
        if (!IsCorrectable(typed)) return [];
        var word = Normalise(typed);
        var all = candidates.GroupBy(c => c.Word, StringComparer.Ordinal)
            .Select(g => new IndexedWord(g.Key, g.Max(c => c.Tickets))).ToList();
        var own = all.FirstOrDefault(c => c.Word == word)?.Tickets ?? 0;
        var limit = MaxDistance(word.Length);
        return all
            .Where(c => c.Word != word && c.Tickets > 0 && c.Word.All(char.IsLetter) && (own == 0 || c.Tickets >= own * RareRatio))
            .Select(c => (c.Word, c.Tickets, Distance: Distance(word, c.Word, limit)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance).ThenByDescending(c => c.Tickets).ThenBy(c => c.Word, StringComparer.Ordinal)
            .Take(MaxChoices)
            .Select(c => MatchCase(typed, c.Word))
            .ToList();
    }

    /// <summary>Whether <paramref name="candidate"/> is near enough to <paramref name="word"/> (normalised) to be a correction.</summary>
    public static bool IsNear(string word, string candidate) =>
        candidate != word && Distance(word, candidate, MaxDistance(word.Length)) <= MaxDistance(word.Length);

    /// <summary>
    /// The Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and swaps of two
    /// neighbours, each counting one). Stops early and returns <paramref name="limit"/> + 1 once it must exceed the limit.
    /// </summary>
    public static int Distance(string a, string b, int limit = int.MaxValue - 1)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, before[j - 2] + 1);
                current[j] = d;
                best = Math.Min(best, d);
            }
            if (best > limit) return limit + 1;
            (before, previous, current) = (previous, current, before);
        }
        return Math.Min(previous[b.Length], limit + 1);
    }

    /// <summary>The replacement written as the word was: "Refnud" → "Refund", "REFNUD" → "REFUND".</summary>
    public static string MatchCase(string typed, string replacement)
    {
        if (typed.All(c => !char.IsLetter(c) || char.IsUpper(c)) && typed.Length > 1) return replacement.ToUpperInvariant();
        return char.IsUpper(typed[0]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;
    }
}
