using Rapport.Features.Search.Spelling;

namespace Rapport.Tests.Search.Spelling;

/// <summary>The rule that picks a correction, without a database.</summary>
public class SpellingRuleTests
{
    private static IndexedWord W(string word, long tickets = 10) => new(word, tickets);

    [Theory]
    [InlineData("refund", "refund", 0)]
    [InlineData("refnud", "refund", 1)] // a swap of neighbours counts one
    [InlineData("delivry", "delivery", 1)]
    [InlineData("deliverry", "delivery", 1)]
    [InlineData("delivary", "delivery", 1)]
    [InlineData("recieve", "receive", 1)]
    [InlineData("abcd", "badc", 2)]
    [InlineData("ca", "abc", 3)] // optimal string alignment: no edit of a swapped pair
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_CountsInsertionsDeletionsSubstitutionsAndSwaps(string a, string b, int expected)
    {
        Assert.Equal(expected, SpellingRule.Distance(a, b));
        Assert.Equal(expected, SpellingRule.Distance(b, a));
    }

    [Theory]
    [InlineData("kitten", "sitting", 1, 2)]
    [InlineData("abcdef", "ab", 1, 2)] // lengths too far apart
    [InlineData("refund", "refund", 0, 0)]
    [InlineData("refnud", "refund", 1, 1)]
    public void Distance_StopsPastTheLimit(string a, string b, int limit, int expected) =>
        Assert.Equal(expected, SpellingRule.Distance(a, b, limit));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(20, 2)]
    public void MaxDistance_GrowsWithTheWord(int length, int expected) => Assert.Equal(expected, SpellingRule.MaxDistance(length));

    [Theory]
    [InlineData("refnud", true)]
    [InlineData("Délivry", true)]
    [InlineData("abc", false)] // too short
    [InlineData("1042", false)] // numbers stay
    [InlineData("ab12", false)]
    [InlineData("re-fund", false)]
    [InlineData("ann@example", false)]
    public void IsCorrectable_OnlyWordsOfLettersOfFourOrMore(string word, bool expected) => Assert.Equal(expected, SpellingRule.IsCorrectable(word));

    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("REFUND", "refund")]
    [InlineData("Ärger", "arger")]
    public void Normalise_LowersAndRemovesAccents_AsTheIndexes(string word, string expected) => Assert.Equal(expected, SpellingRule.Normalise(word));

    [Fact]
    public void AWordNotInTheIndex_IsReplacedByTheNearest()
    {
        Assert.Equal(["refund"], SpellingRule.Corrections("refnud", [W("refund"), W("refunds"), W("rotund", 1000)]).Take(1));
        Assert.Equal(["delivery"], SpellingRule.Corrections("delivry", [W("delivery"), W("delivered", 500)]).Take(1));
    }

    [Fact]
    public void AtTheSameDistance_TheMoreCommonWins_ThenTheFirstInOrder()
    {
        Assert.Equal(["parcel", "partel"], SpellingRule.Corrections("parcol", [W("partel", 2), W("parcel", 50)]));
        Assert.Equal(["parcel", "partel"], SpellingRule.Corrections("parcol", [W("partel", 5), W("parcel", 5)]));
    }

    [Fact]
    public void TooFar_NothingIsOffered()
    {
        Assert.Empty(SpellingRule.Corrections("refnud", [W("rotten"), W("fund")]));
        // Four or five letters: one edit only.
        Assert.Empty(SpellingRule.Corrections("pacl", [W("park")]));
        Assert.Equal(["pack"], SpellingRule.Corrections("pacl", [W("pack")]));
    }

    [Fact]
    public void AWordInTheIndex_StaysUnlessAFarMoreCommonWordIsClose()
    {
        Assert.Empty(SpellingRule.Corrections("refunds", [W("refunds", 10), W("refund", 999)]));
        Assert.Equal(["refund"], SpellingRule.Corrections("refunds", [W("refunds", 10), W("refund", 1000)]));
        Assert.Equal(["receive"], SpellingRule.Corrections("recieve", [W("recieve", 3), W("receive", 5000)]));
    }

    [Fact]
    public void ShortWords_Numbers_AndWordsWithMarks_StayAsTyped()
    {
        Assert.Empty(SpellingRule.Corrections("teh", [W("the", 1000)]));
        Assert.Empty(SpellingRule.Corrections("1043", [W("1042", 1000)]));
        Assert.Empty(SpellingRule.Corrections("e-mial", [W("email", 1000)]));
    }

    [Fact]
    public void CandidatesThatAreNotWords_OrInNoTicket_AreNeverOffered()
    {
        Assert.Empty(SpellingRule.Corrections("parcol", [W("parc0l", 100), W("parcel", 0)]));
    }

    [Fact]
    public void AtMostThreeChoices_BestFirst()
    {
        var choices = SpellingRule.Corrections("bart", [W("bark", 1), W("barn", 2), W("bars", 3), W("part", 4), W("dart", 5)]);
        Assert.Equal(["dart", "part", "bars"], choices);
    }

    [Fact]
    public void AccentsAndCase_OfTheTypedWord_DoNotMatter_AndTheCaseIsKept()
    {
        Assert.Empty(SpellingRule.Corrections("Café", [W("cafe")]));
        Assert.Equal(["Refund"], SpellingRule.Corrections("Refnud", [W("refund")]));
        Assert.Equal(["REFUND"], SpellingRule.Corrections("REFNUD", [W("refund")]));
    }

    [Fact]
    public void AWordListedTwice_CountsItsLargestFrequency()
    {
        Assert.Empty(SpellingRule.Corrections("recieve", [W("recieve", 3), W("recieve", 60), W("receive", 5000)]));
    }

    [Theory]
    [InlineData("refnud", "refund", true)]
    [InlineData("refund", "refund", false)]
    [InlineData("pacl", "park", false)]
    public void IsNear_SaysWhetherACandidateIsWorthRanking(string word, string candidate, bool expected) =>
        Assert.Equal(expected, SpellingRule.IsNear(word, candidate));
}
