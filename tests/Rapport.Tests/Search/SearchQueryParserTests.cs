using Rapport.Features.Search;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Tests.Search;

public class SearchQueryParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static SearchQuery Parse(string text)
    {
        var result = SearchQueryParser.Parse(text, Now);
        Assert.True(result.Succeeded, result.Error?.Describe());
        return result.Value!;
    }

    private static string Problem(string text)
    {
        var result = SearchQueryParser.Parse(text, Now);
        Assert.False(result.Succeeded);
        return result.Error!.Describe();
    }

    [Fact]
    public void WordsPhrasesAndExclusions_AreTheTextToFind()
    {
        var query = Parse("refund \"not arrived\" -spam -\"gift card\" refund");
        Assert.Equal([new SearchTerm("refund", false), new SearchTerm("not arrived", true)], query.Terms);
        Assert.Equal([new SearchTerm("spam", false), new SearchTerm("gift card", true)], query.ExcludedTerms);
        Assert.True(query.Status.IsAny);
    }

    [Fact]
    public void AnUnclosedQuote_RunsToTheEnd_AndAOneWordQuoteIsAWord()
    {
        var query = Parse("\"boiler\" \"makes a noise");
        Assert.Equal([new SearchTerm("boiler", false), new SearchTerm("makes a noise", true)], query.Terms);
    }

    [Fact]
    public void ChoiceFields_TakeSeveralValues_AndExclusions()
    {
        var query = Parse("status:open,pending status:on_hold -status:closed priority:HIGH type:complaint channel:phone");
        Assert.Equal([TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold], query.Status.AnyOf);
        Assert.Equal([TicketStatus.Closed], query.Status.NoneOf);
        Assert.Equal([Priority.High], query.Priority.AnyOf);
        Assert.Equal([TicketType.Complaint], query.Type.AnyOf);
        Assert.Equal([Channel.Phone], query.Channel.AnyOf);
        Assert.Empty(query.Terms);
    }

    [Fact]
    public void PeopleTeamsAndTags_AreKeptAsTyped_QuotedValuesMayHaveSpaces()
    {
        var query = Parse("assignee:Me team:\"First line\" requester:ann@example.com tag:Refund -tag:spam");
        Assert.Equal(["me"], query.Assignee.AnyOf);
        Assert.Equal(["First line"], query.Team.AnyOf);
        Assert.Equal(["ann@example.com"], query.Requester.AnyOf);
        Assert.Equal(["refund"], query.Tag.AnyOf);
        Assert.Equal(["spam"], query.Tag.NoneOf);
    }

    [Theory]
    [InlineData("created>2026-01-01", "2026-01-02T00:00:00Z", null)]
    [InlineData("created>=2026-01-01", "2026-01-01T00:00:00Z", null)]
    [InlineData("created<2026-01-01", null, "2026-01-01T00:00:00Z")]
    [InlineData("created<=2026-01-01", null, "2026-01-02T00:00:00Z")]
    [InlineData("created:2026-01-01", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z")]
    [InlineData("created>4h", "2026-11-30T08:00:00Z", null)]
    [InlineData("created<7d", null, "2026-11-23T12:00:00Z")]
    [InlineData("created>2w", "2026-11-16T12:00:00Z", null)]
    [InlineData("created>3mo", "2026-08-30T12:00:00Z", null)]
    [InlineData("created>90min", "2026-11-30T10:30:00Z", null)]
    [InlineData("created>2026-01-01 created<2026-02-01", "2026-01-02T00:00:00Z", "2026-02-01T00:00:00Z")]
    public void Dates_AreDaysOrAges_AndSeveralNarrowTheWindow(string text, string? from, string? before)
    {
        var window = Parse(text).Created;
        Assert.Equal(from is null ? null : DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), window.From);
        Assert.Equal(before is null ? null : DateTimeOffset.Parse(before, System.Globalization.CultureInfo.InvariantCulture), window.Before);
    }

    [Fact]
    public void UpdatedIsItsOwnWindow()
    {
        var query = Parse("updated<7d printer");
        Assert.True(query.Created.IsAny);
        Assert.Equal(Now.AddDays(-7), query.Updated.Before);
        Assert.Equal([new SearchTerm("printer", false)], query.Terms);
    }

    [Theory]
    [InlineData("meeting at 10:30", new[] { "meeting", "at", "10:30" })]
    [InlineData("see https://example.com/x", new[] { "see", "https://example.com/x" })]
    [InlineData("stauts:open", new[] { "stauts:open" })]
    [InlineData("a - & b", new[] { "a", "b" })]
    public void UnknownFieldsAndPunctuation_AreText(string text, string[] words) =>
        Assert.Equal(words, Parse(text).Terms.Select(t => t.Text));

    [Theory]
    [InlineData("status:opne", "'opne' is not one of: new, open, pending, on_hold, solved, closed")]
    [InlineData("priority>high", "priority takes ':'")]
    [InlineData("tag:", "give a value")]
    [InlineData("created>yesterday", "neither a day")]
    [InlineData("-updated<7d", "-updated is not possible")]
    public void WrongValues_AreRefused_SayingWhatWouldDo(string text, string expected) =>
        Assert.Contains(expected, Problem(text));

    [Fact]
    public void LongOrManyPartedSearches_AreRefused()
    {
        Assert.Contains("at most", Problem(new string('a', SearchQueryParser.MaxLength + 1)));
        Assert.Contains("at most", Problem(string.Join(' ', Enumerable.Range(0, SearchQueryParser.MaxParts + 1).Select(i => "w" + i))));
    }

    [Fact]
    public void AnEmptySearch_IsEmpty()
    {
        Assert.True(Parse("   ").IsEmpty);
        Assert.False(Parse("tag:x").IsEmpty);
    }
}
