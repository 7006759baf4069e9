namespace Rapport.Features.Demo;

/// <summary>
/// When demo tickets arrive: over the last 90 days, busier on weekday mornings than at night
/// or at weekends, a little busier each week, with one bad day (an outage) 23 days ago.
/// Ticket i of n gets a time from the inverse of that curve, so numbers follow time.
/// </summary>
internal sealed class DemoArrivals
{
    public const int Days = 90;
    private static readonly double[] HourWeights =
        [0.08, 0.05, 0.04, 0.04, 0.05, 0.1, 0.2, 0.45, 0.9, 1.4, 1.5, 1.4, 1.1, 1.2, 1.3, 1.2, 1.0, 0.75, 0.55, 0.5, 0.4, 0.3, 0.2, 0.12];
    private static readonly double[] DayWeights = [0.35, 1.25, 1.1, 1.0, 1.0, 0.9, 0.45]; // Sunday first

    private readonly DateTimeOffset _start;
    private readonly double[] _cumulative;

    public DemoArrivals(DateTimeOffset now)
    {
        Now = now.ToUniversalTime();
        _start = Now.AddDays(-Days);
        OutageStart = new DateTimeOffset(Now.Date.AddDays(-23).AddHours(8), TimeSpan.Zero);
        const int slots = Days * 24;
        _cumulative = new double[slots + 1];
        for (var s = 0; s < slots; s++)
        {
            var at = _start.AddHours(s);
            var weight = HourWeights[at.Hour] * DayWeights[(int)at.DayOfWeek] * (0.85 + 0.3 * s / slots);
            if (IsOutage(at)) weight *= 3;
            _cumulative[s + 1] = _cumulative[s] + weight;
        }
    }

    public DateTimeOffset Now { get; }
    public DateTimeOffset OutageStart { get; }

    /// <summary>The outage: six hours of a website and payments fault that brings in many incidents.</summary>
    public bool IsOutage(DateTimeOffset at) => at >= OutageStart && at < OutageStart.AddHours(6);

    /// <summary>The arrival time of ticket <paramref name="index"/> of <paramref name="count"/>; jitter in [0, 1).</summary>
    public DateTimeOffset TimeOf(long index, long count, double jitter)
    {
        var target = (index + jitter) / count * _cumulative[^1];
        var slot = Array.BinarySearch(_cumulative, target);
        if (slot < 0) slot = ~slot - 1;
        slot = Math.Clamp(slot, 0, _cumulative.Length - 2);
        var width = _cumulative[slot + 1] - _cumulative[slot];
        var within = width > 0 ? (target - _cumulative[slot]) / width : 0;
        var at = _start.AddHours(slot + within);
        return at > Now ? Now : at;
    }

    /// <summary>The index of the first of <paramref name="count"/> tickets that arrives at or after the time.</summary>
    public long IndexAt(DateTimeOffset at, long count)
    {
        var hours = Math.Clamp((at - _start).TotalHours, 0, _cumulative.Length - 1);
        var slot = Math.Min((int)hours, _cumulative.Length - 2);
        var weight = _cumulative[slot] + (hours - slot) * (_cumulative[slot + 1] - _cumulative[slot]);
        return Math.Clamp((long)(weight / _cumulative[^1] * count), 0, count - 1);
    }
}
