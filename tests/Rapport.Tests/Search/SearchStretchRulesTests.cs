using Rapport.Features.Search;

namespace Rapport.Tests.Search;

/// <summary>Which stretches of ticket numbers a search reads, newest first, on an engine that cannot walk GIN in that order (pure).</summary>
public class SearchStretchRulesTests
{
    private const int Bits = 14;
    private const long Stretch = 1L << Bits;

    [Fact]
    public void AnEngineThatWalksNewestFirst_ReadsEverythingInOnePass() => Assert.Null(NewestFirst.First(1_000_000, null));

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(Stretch - 1)]
    [InlineData(Stretch)]
    [InlineData(1_000_000L)]
    public void TheFirstPass_IsTheNewestTicketsStretch_AndTheOneBefore(long newest)
    {
        var first = NewestFirst.First(newest, Bits)!;

        Assert.True(first.From <= newest && newest < first.Before);
        Assert.Equal(0, first.From % Stretch);
        Assert.Equal(0, first.Before % Stretch);
        Assert.True(first.Before - first.From <= 2 * Stretch);
    }

    [Fact]
    public void ACommonWord_IsReadAFewStretchesAtATime_RightBelowWhatWasRead()
    {
        // 300 of the 1,000 wanted in the newest 16,960 tickets: the rest lies a little further back.
        var next = NewestFirst.Next(983_040, 1_000_000, 300, 1_000, Bits)!;

        Assert.Equal(983_040, next.Before);
        Assert.InRange(next.Before - next.From, Stretch, NewestFirst.MaxStretchesPerPass * Stretch);
        Assert.Equal(0, next.From % Stretch);
    }

    [Fact]
    public void ARareWord_ReadsEverythingLeftInOnePass()
    {
        Assert.Equal(new NumberStretch(0, 983_040), NewestFirst.Next(983_040, 1_000_000, 3, 1_000, Bits));
        Assert.Equal(new NumberStretch(0, 983_040), NewestFirst.Next(983_040, 1_000_000, 0, 1_000, Bits));
    }

    [Fact]
    public void NothingIsReadAgain_OnceTheWindowIsFull_OrTheFirstTicketReached()
    {
        Assert.Null(NewestFirst.Next(983_040, 1_000_000, 1_000, 1_000, Bits));
        Assert.Null(NewestFirst.Next(0, 1_000_000, 10, 1_000, Bits));
    }

    [Theory]
    [InlineData(0.12)]
    [InlineData(0.02)]
    [InlineData(0.002)]
    [InlineData(0.0001)]
    public void PassesFollowOneAnother_WithoutGapsOrOverlaps_UntilFullOrDone(double density)
    {
        const long newest = 1_000_000;
        var stretch = NewestFirst.First(newest, Bits)!;
        var (found, passes) = (0, 0);
        while (true)
        {
            found = (int)Math.Min(1_000, found + (stretch.Before - Math.Max(1, stretch.From)) * density);
            passes++;
            var next = NewestFirst.Next(stretch.From, newest, found, 1_000, Bits);
            if (next is null) break;
            Assert.Equal(stretch.From, next.Before);
            Assert.True(next.From < next.Before);
            stretch = next;
        }
        Assert.True(found >= 1_000 || stretch.From == 0);
        Assert.InRange(passes, 1, 12);
    }
}
