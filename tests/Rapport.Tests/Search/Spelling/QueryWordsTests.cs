using Rapport.Features.Search.Spelling;

namespace Rapport.Tests.Search.Spelling;

/// <summary>Which words of a typed search may be corrected, and the search with them replaced, without a database.</summary>
public class QueryWordsTests
{
    [Theory]
    [InlineData("refnud", new[] { "refnud" })]
    [InlineData("  delivry   parcel ", new[] { "delivry", "parcel" })]
    [InlineData("refnud refnud", new[] { "refnud" })]
    [InlineData("refnud status:open tag:vip -paypal", new[] { "refnud" })]
    [InlineData("\"late paymnet\" refnud", new[] { "refnud" })]
    [InlineData("team:\"first refnud line\" parcel", new[] { "parcel" })]
    [InlineData("\"unclosed refnud", new string[0])]
    [InlineData("1042 ann@example.com café", new[] { "café" })]
    [InlineData("", new string[0])]
    public void Free_IsEveryWordOfLettersOutsideQuotesFieldsAndExclusions(string query, string[] expected) =>
        Assert.Equal(expected, QueryWords.Free(query));

    [Theory]
    [InlineData("refnud", "refund")]
    [InlineData("delivry parcel", "delivery parcel")]
    [InlineData("refnud  status:open -refnud \"refnud now\" tag:refnud", "refund  status:open -refnud \"refnud now\" tag:refnud")]
    [InlineData("refnud refnud", "refund refund")]
    [InlineData("team:\"a refnud\" refnud", "team:\"a refnud\" refund")]
    [InlineData("refnuds", "refnuds")]
    public void Replace_ChangesOnlyFreeWords_AndKeepsTheRestAsTyped(string query, string expected) =>
        Assert.Equal(expected, QueryWords.Replace(query, new Dictionary<string, string> { ["refnud"] = "refund", ["delivry"] = "delivery" }));
}
