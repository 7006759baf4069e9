using System.Text;
using Rapport.Features.Email.Sending;

namespace Rapport.Tests.Email;

public class DeliveryRetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(8, 60)]
    [InlineData(50, 60)]
    [InlineData(int.MaxValue, 60)]
    public void TheDelay_DoublesFromAMinute_UpToAnHour(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), DeliveryRetry.Delay(attempts));

    [Fact]
    public void TheDelay_NeverShrinks_AsAttemptsGrow()
    {
        for (var attempts = 1; attempts < 200; attempts++)
            Assert.True(DeliveryRetry.Delay(attempts + 1) >= DeliveryRetry.Delay(attempts));
    }

    [Fact]
    public void ATransientFailure_IsRetriedAfterTheDelay()
    {
        var decision = Assert.IsType<RetryDecision.RetryAt>(DeliveryRetry.After(FailureKind.Transient, 3, 10, Now));
        Assert.Equal(Now.AddMinutes(4), decision.At);
    }

    [Fact]
    public void APermanentFailure_GivesUpAtOnce() =>
        Assert.IsType<RetryDecision.GiveUp>(DeliveryRetry.After(FailureKind.Permanent, 1, 10, Now));

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void TheLastAllowedAttempt_GivesUp(int attempts, bool givesUp) =>
        Assert.Equal(givesUp, DeliveryRetry.After(FailureKind.Transient, attempts, 10, Now) is RetryDecision.GiveUp);
}

public class SmtpDataTests
{
    private static string Data(string message) => Encoding.ASCII.GetString(SmtpWire.DataBytes(Encoding.ASCII.GetBytes(message)));

    [Theory]
    [InlineData("a\r\nb\r\n", "a\r\nb\r\n.\r\n")]
    [InlineData("a\nb", "a\r\nb\r\n.\r\n")]
    [InlineData("a\rb\r\n", "a\r\nb\r\n.\r\n")]
    [InlineData(".a\r\n..b\r\nc.d\r\n", "..a\r\n...b\r\nc.d\r\n.\r\n")]
    [InlineData("a\r\n.\r\nb", "a\r\n..\r\nb\r\n.\r\n")]
    [InlineData("a\n\n.b", "a\r\n\r\n..b\r\n.\r\n")]
    [InlineData("", ".\r\n")]
    public void DataLines_EndInCrLf_AndLeadingDotsAreDoubled(string message, string wire) => Assert.Equal(wire, Data(message));
}
