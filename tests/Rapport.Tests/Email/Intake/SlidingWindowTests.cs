using Rapport.Features.Email.Intake;

namespace Rapport.Tests.Email.Intake;

public class SlidingWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset[] MinutesAgo(params double[] minutes) => minutes.Select(m => Now.AddMinutes(-m)).ToArray();

    [Fact]
    public void IntakeRateLimit_AllowsTheTwentiethMessageInTenMinutes_AndHoldsTheTwentyFirst()
    {
        var nineteen = MinutesAgo(Enumerable.Range(0, 19).Select(i => i * 0.5).ToArray());
        Assert.True(IntakeRateLimit.Decide(nineteen, Now).Allowed);
        var twenty = nineteen.Append(Now.AddMinutes(-9.9)).ToArray();
        var held = IntakeRateLimit.Decide(twenty, Now);
        Assert.False(held.Allowed);
        Assert.Equal(20, held.InWindow);
        // The oldest of the twenty, sent 9.9 minutes ago, leaves the window in 6 seconds.
        Assert.Equal(Now.AddMinutes(0.1), held.AllowedFrom);
    }

    [Fact]
    public void IntakeRateLimit_ForgetsMessagesOlderThanTheWindow()
    {
        var old = MinutesAgo(Enumerable.Range(0, 50).Select(i => 10.0 + i).ToArray());
        var decision = IntakeRateLimit.Decide(old, Now);
        Assert.True(decision.Allowed);
        Assert.Equal(0, decision.InWindow);
    }

    [Fact]
    public void AMessageExactlyOneWindowOld_NoLongerCounts()
    {
        var window = new SlidingWindow(1, TimeSpan.FromMinutes(10));
        Assert.True(window.Decide(MinutesAgo(10), Now).Allowed);
        Assert.False(window.Decide(MinutesAgo(9.99), Now).Allowed);
    }

    [Fact]
    public void TimesAfterNow_CountUntilTheyAreOneWindowOld()
    {
        var window = new SlidingWindow(2, TimeSpan.FromMinutes(10));
        var decision = window.Decide([Now.AddMinutes(5), Now.AddMinutes(1)], Now);
        Assert.False(decision.Allowed);
        Assert.Equal(Now.AddMinutes(11), decision.AllowedFrom);
    }

    [Fact]
    public void ACustomLimit_IsHonoured()
    {
        var limit = new SlidingWindow(3, TimeSpan.FromMinutes(1));
        Assert.True(IntakeRateLimit.Decide(MinutesAgo(0.1, 0.2), Now, limit).Allowed);
        Assert.False(IntakeRateLimit.Decide(MinutesAgo(0.1, 0.2, 0.3), Now, limit).Allowed);
    }

    [Fact]
    public void ALimitOfZero_RefusesEverything_AndNeverFrees()
    {
        var decision = new SlidingWindow(0, TimeSpan.FromHours(1)).Decide([], Now);
        Assert.False(decision.Allowed);
        Assert.Null(decision.AllowedFrom);
    }

    [Theory]
    [InlineData(new double[0], true)]
    [InlineData(new[] { 5.0 }, true)]
    [InlineData(new[] { 5.0, 30.0 }, true)]
    [InlineData(new[] { 5.0, 30.0, 59.0 }, false)]
    [InlineData(new[] { 5.0, 30.0, 60.0 }, true)]
    [InlineData(new[] { 61.0, 90.0, 120.0, 500.0 }, true)]
    public void AutomaticMailBudget_AllowsThreeAnHourToOneAddress(double[] minutesAgo, bool maySend) =>
        Assert.Equal(maySend, AutomaticMailBudget.MaySend(MinutesAgo(minutesAgo), Now));

    [Fact]
    public void AutomaticMailBudget_TakesAnotherLimit()
    {
        Assert.False(AutomaticMailBudget.MaySend(MinutesAgo(50), Now, AutomaticMailBudget.PerHour(1)));
        Assert.True(AutomaticMailBudget.MaySend(MinutesAgo(50, 40, 30, 20), Now, AutomaticMailBudget.PerHour(5)));
    }
}
