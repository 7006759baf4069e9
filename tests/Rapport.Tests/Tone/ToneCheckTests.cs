using Rapport.Features.Tone;

namespace Rapport.Tests.Tone;

public class ToneCheckTests
{
    private static IReadOnlyList<ToneFinding> Review(string draft, string language = "en") =>
        ToneCheck.Review(draft, language, DefaultTonePhrases.For(language) ?? []);

    [Fact]
    public void BlamingAndRefusingPhrases_AreFound_WithASuggestion_InTheOrderWritten()
    {
        var findings = Review("Hello, you failed to  attach the invoice. We can’t refund it, it's our policy.");
        Assert.Equal(["you failed to", "We can’t", "it's our policy"], findings.Select(f => f.Found));
        Assert.All(findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Suggestion)));
    }

    [Fact]
    public void Phrases_AreWholeWords_AnyCase()
    {
        Assert.Empty(Review("Your impossibleness is not a word; we cannotice nothing."));
        Assert.Single(Review("That is IMPOSSIBLE to fix today."), f => f.Kind == ToneCheck.Phrase);
    }

    [Fact]
    public void UnfortunatelyOnce_IsFine_Twice_IsAdvice()
    {
        Assert.Empty(Review("Unfortunately the part is late. Here is what we will do."));
        var twice = Assert.Single(Review("Unfortunately the part is late. Unfortunately the courier is too."));
        Assert.Equal(ToneCheck.Regret, twice.Kind);
        Assert.Equal("unfortunately ×2", twice.Found);
    }

    [Fact]
    public void Shouting_IsThreeWordsInCapitals_AnAcronymIsFine()
    {
        Assert.Empty(Review("Please send the PDF over HTTPS."));
        Assert.Equal(ToneCheck.Shouting, Assert.Single(Review("PLEASE READ THIS before writing again.")).Kind);
    }

    [Fact]
    public void PiledExclamationMarks_AreAdvice_OneIsFine()
    {
        Assert.Empty(Review("Thank you for your patience!"));
        Assert.Equal(ToneCheck.Exclamations, Assert.Single(Review("Thank you for your patience!!!")).Kind);
    }

    [Fact]
    public void German_HasItsOwnPhrases_AndItsOwnRegretWord()
    {
        var findings = ToneCheck.Review("Leider dauert es. Leider warten wir noch, wie bereits gesagt. Sie müssen nichts tun.", "de", DefaultTonePhrases.For("de")!);
        Assert.Equal(["leider ×2", "wie bereits gesagt", "Sie müssen"], findings.Select(f => f.Found));
        Assert.Empty(ToneCheck.Review("Leider geht das nicht.", "fr", []));
    }

    [Fact]
    public void AKindReply_HasNothingToSay() =>
        Assert.Empty(Review("Thanks for letting us know. I have sent a new invoice, and I will check in tomorrow."));
}

public class TonePhraseListsTests
{
    [Theory]
    [InlineData("de-AT", "de")]
    [InlineData("EN", "en")]
    [InlineData("sr-Latn-RS", "sr")]
    [InlineData("x-klingon", null)]
    [InlineData("not a tag", null)]
    [InlineData(null, null)]
    public void ALanguagesList_IsPerLanguage_NotPerRegion(string? tag, string? list) =>
        Assert.Equal(list, TonePhraseLists.ListLanguage(tag));
}
