using System.Text.RegularExpressions;

namespace Rapport.Features.Tone;

/// <summary>What the check found in a draft: where, what, and a better way to say it.</summary>
public sealed record ToneFinding(string Kind, string Found, string Suggestion, int Index);

/// <summary>
/// Reads a reply draft for negative or blaming phrasing (pure, no I/O): the language's phrases, "unfortunately" said
/// more than once, shouting in capitals and piled-up exclamation marks. Advice only; it never stops a reply.
/// </summary>
public static partial class ToneCheck
{
    public const string Phrase = "phrase";
    public const string Regret = "regret";
    public const string Shouting = "shouting";
    public const string Exclamations = "exclamations";

    /// <summary>The word whose repetition sounds like a string of refusals, per language.</summary>
    private static readonly Dictionary<string, (string Word, string Advice)> RegretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ("unfortunately", "Say \"unfortunately\" once at most, then what you can do."),
        ["de"] = ("leider", "Höchstens einmal \"leider\", dann das, was möglich ist."),
    };

    public static IReadOnlyList<ToneFinding> Review(string draft, string language, IReadOnlyList<PhraseAdvice> phrases)
    {
        var findings = new List<ToneFinding>();
        foreach (var advice in phrases)
        {
            var match = PhrasePattern(advice.Phrase).Match(draft);
            if (match.Success) findings.Add(new ToneFinding(Phrase, match.Value, advice.Suggestion, match.Index));
        }
        if (RegretWords.TryGetValue(language, out var regret))
        {
            var said = WordPattern(regret.Word).Matches(draft);
            if (said.Count > 1) findings.Add(new ToneFinding(Regret, $"{regret.Word} ×{said.Count}", regret.Advice, said[1].Index));
        }
        foreach (Match shout in ShoutedWords().Matches(draft))
            findings.Add(new ToneFinding(Shouting, shout.Value, language == "de" ? "Großbuchstaben wirken wie Schreien." : "Capitals read as shouting.", shout.Index));
        if (PiledExclamations().Match(draft) is { Success: true } piled)
            findings.Add(new ToneFinding(Exclamations, piled.Value, language == "de" ? "Ein Ausrufezeichen genügt." : "One exclamation mark is enough.", piled.Index));
        return [.. findings.OrderBy(f => f.Index)];
    }

    /// <summary>The phrase as whole words, any case, any run of spaces between them; ’ and ' alike.</summary>
    private static Regex PhrasePattern(string phrase)
    {
        var words = phrase.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Regex.Escape(w).Replace("'", "['’]", StringComparison.Ordinal));
        return new Regex(@"(?<![\w])" + string.Join(@"\s+", words) + @"(?![\w])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    private static Regex WordPattern(string word) =>
        new(@"(?<![\w])" + Regex.Escape(word) + @"(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>Three or more words in capitals in a row; a single acronym (PDF, HTTPS) is fine.</summary>
    [GeneratedRegex(@"(?<![\p{L}])\p{Lu}{2,}(?:[\s,]+\p{Lu}{2,}){2,}(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex ShoutedWords();

    [GeneratedRegex(@"!{2,}|(?:!\s*\?|\?\s*!){2,}")]
    private static partial Regex PiledExclamations();
}
