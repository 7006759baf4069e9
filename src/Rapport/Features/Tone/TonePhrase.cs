namespace Rapport.Features.Tone;

/// <summary>A phrase that reads as negative or blaming in a reply, and a positive way to say it instead.</summary>
public sealed record PhraseAdvice(string Phrase, string Suggestion);

/// <summary>One line of a language's phrase list, as an admin edited it (<see cref="TonePhraseLists"/>).</summary>
public sealed class TonePhrase
{
    public long Id { get; set; }
    /// <summary>A language tag such as "en" or "de".</summary>
    public required string Language { get; set; }
    public int Position { get; set; }
    public required string Phrase { get; set; }
    public required string Suggestion { get; set; }
}

public static class ToneLimits
{
    public const int LanguageLength = 16;
    public const int PhraseLength = 100;
    public const int SuggestionLength = 200;
    public const int MaxPhrases = 200;
    public const int MaxDraftLength = 20_000;
}
