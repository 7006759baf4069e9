using Rapport.Features.Search;

namespace Rapport.Tests.Search;

/// <summary>The pure parts of search: the FTS5 query built from what was typed, and snippets turned into safe HTML.</summary>
public class SearchTextRulesTests
{
    private static TextQuery Query(string typed, bool asYouType = false) =>
        TextQuery.From(SearchQueryParser.Parse(typed, DateTimeOffset.UnixEpoch).Value!, asYouType);

    [Theory]
    [InlineData("refund", "\"refund\"")]
    [InlineData("late payment", "\"late\" \"payment\"")]
    [InlineData("\"late payment\" fee", "\"late payment\" \"fee\"")]
    [InlineData("refund -paypal -\"bank transfer\"", "(\"refund\") NOT (\"paypal\" OR \"bank transfer\")")]
    [InlineData("NEAR AND OR NOT", "\"NEAR\" \"AND\" \"OR\" \"NOT\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("*x ^y {z}", "\"*x\" \"^y\" \"{z}\"")]
    public void Fts5_QuotesEveryTerm_SoNothingTypedIsAnOperator(string typed, string expected) =>
        Assert.Equal(expected, Query(typed).ToFts5());

    [Fact]
    public void Fts5_AsYouType_MakesTheLastWordAPrefix_ButNotAPhrase()
    {
        Assert.Equal("\"late\" \"pay\"*", Query("late pay", asYouType: true).ToFts5());
        Assert.Equal("\"late pay\"", Query("\"late pay\"", asYouType: true).ToFts5());
    }

    [Fact]
    public void Fts5_LimitsMatchesToColumns_ForCustomers() =>
        Assert.Equal("{subject public_text} : ((\"boiler\") NOT (\"note\"))", Query("boiler -note").ToFts5(["subject", "public_text"]));

    [Fact]
    public void TermsWithoutALetterOrDigit_AreDropped()
    {
        var query = Query("!!! boiler -???");
        Assert.Equal(["boiler"], query.Terms.Select(t => t.Text));
        Assert.Empty(query.Excluded);
    }

    [Theory]
    [InlineData("my \uE000boiler\uE001 broke", "my <mark>boiler</mark> broke")]
    [InlineData("<b>\uE000x\uE001</b> & co", "&lt;b&gt;<mark>x</mark>&lt;/b&gt; &amp; co")]
    [InlineData("\uE001stray end and \uE000open", "stray end and <mark>open</mark>")]
    [InlineData("\uE000a\uE000b\uE001\uE001", "<mark>ab</mark>")]
    [InlineData("  plain  ", "plain")]
    public void Highlight_EncodesTheText_AndPairsTheMarks(string marked, string html) =>
        Assert.Equal(html, Highlight.ToHtml(marked));
}
