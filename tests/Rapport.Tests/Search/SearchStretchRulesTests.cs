using Rapport.Features.Search.Index;

namespace Rapport.Tests.Search;

/// <summary>The stretches of ticket numbers PostgreSQL's search reads, newest first (pure: no database is opened).</summary>
public class SearchStretchRulesTests
{
    private const long Stretch = 1L << PostgresSearchSchema.StretchBits;

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(Stretch - 1)]
    [InlineData(Stretch)]
    [InlineData(5 * Stretch + 7)]
    [InlineData(1_000_000L)]
    [InlineData(50_000_000L)]
    public void TheStretches_GoNewestFirst_WithoutGaps_AndCoverEveryTicket(long newest)
    {
        var stretches = PostgresSearchEngine.Stretches(newest);

        Assert.NotEmpty(stretches);
        Assert.True(stretches[0].Before > newest);
        Assert.Equal(0, stretches[^1].From);
        for (var i = 1; i < stretches.Count; i++) Assert.Equal(stretches[i - 1].From, stretches[i].Before);
        Assert.All(stretches, s => Assert.True(s.From < s.Before));
        Assert.True(stretches.Count <= 4);
    }

    [Fact]
    public void TheFirstStretches_AreShort_SoACommonWordStopsEarly()
    {
        var stretches = PostgresSearchEngine.Stretches(1_000_000);

        Assert.Equal(2 * Stretch, stretches[0].Before - stretches[0].From);
        Assert.Equal(6 * Stretch, stretches[1].Before - stretches[1].From);
        Assert.Equal(24 * Stretch, stretches[2].Before - stretches[2].From);
    }
}
