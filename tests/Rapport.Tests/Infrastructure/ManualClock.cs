namespace Rapport.Tests.Infrastructure;

/// <summary>
/// A clock a test sets, forwards or backwards: several tests share one app, and each sets the moment its
/// scenario starts at. (FakeTimeProvider refuses to go back.)
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
