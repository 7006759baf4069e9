using Rapport.Features.Escalation.Levels;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Tests.Escalation;

/// <summary>The ladder's rules: the next level, a chosen level, the top, and names.</summary>
public class EscalationLadderTests
{
    private static readonly EscalationLadder Ladder = new([
        new LadderStep(2, "Specialist", 20, null),
        new LadderStep(1, "Second line", null, Role.TeamLead),
        new LadderStep(3, "Manager", null, Role.Manager),
    ]);

    [Theory]
    [InlineData(0, 1, "Second line")]
    [InlineData(1, 2, "Specialist")]
    [InlineData(2, 3, "Manager")]
    public void Next_IsOneLevelUp(int current, int expected, string name)
    {
        var next = Ladder.Next(current);
        Assert.True(next.Succeeded);
        Assert.Equal((expected, name), (next.Value!.Level, next.Value.Name));
    }

    [Fact]
    public void AChosenLevelAboveTheCurrentOne_IsWhereItGoes()
    {
        var next = Ladder.Next(0, wanted: 3);
        Assert.Equal(3, next.Value!.Level);
        Assert.Equal(Role.Manager, next.Value.NotifyRole);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(0, 4)]
    [InlineData(0, 0)]
    public void AChosenLevelNotAboveTheCurrentOne_OrBeyondTheTop_IsInvalid(int current, int wanted)
    {
        var next = Ladder.Next(current, wanted);
        var invalid = Assert.IsType<ValidationError>(next.Error);
        Assert.True(invalid.Errors.ContainsKey("toLevel"));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void AtOrAboveTheTop_EscalationIsRefused(int current)
    {
        var refused = Assert.IsType<EscalationAtTop>(Ladder.Next(current).Error);
        Assert.Equal(409, refused.Status);
        Assert.Equal(current, refused.Level);
        Assert.Contains("top of the escalation ladder", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutLevels_TheFirstLineIsTheTop()
    {
        var empty = new EscalationLadder([]);
        Assert.Equal(0, empty.Top);
        Assert.Equal("First line", Assert.IsType<EscalationAtTop>(empty.Next(0).Error).Name);
    }

    [Fact]
    public void Names_CoverTheFirstLine_AndLevelsTakenOffTheLadder()
    {
        Assert.Equal(3, Ladder.Top);
        Assert.Equal("First line", Ladder.NameOf(0));
        Assert.Equal("Specialist", Ladder.NameOf(2));
        Assert.Equal("Level 7", Ladder.NameOf(7));
        Assert.Equal("Specialist (level 2)", Ladder.Describe(2));
    }
}
