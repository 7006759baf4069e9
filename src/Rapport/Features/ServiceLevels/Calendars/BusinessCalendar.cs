using NodaTime;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>
/// When a team is open for business: weekly hours in one IANA time zone, minus holidays. It counts business
/// time (see <see cref="OpenTimeline"/> for how boundaries, daylight saving and holidays are treated).
/// Built from anything, so input can be checked with <see cref="Validate"/>; the arithmetic needs a valid one.
/// All instants returned are UTC.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far ahead <see cref="Add"/> looks for open time before deciding the calendar is never open.</summary>
    public static readonly TimeSpan SearchLimit = TimeSpan.FromDays(20 * 365.25);

    // Decades of bank holidays fit; the check that no two fall on one day compares every pair.
    private const int MaxHolidays = 1000;

    /// <summary>Always open, in UTC: business time is plain elapsed time.</summary>
    public static readonly BusinessCalendar TwentyFourSeven =
        new("UTC", WeeklyHours.Closed.With(WeeklyHours.EveryDay, new OpeningRange(0, OpeningRange.MinutesPerDay)));

    private readonly Lazy<OpenTimeline> _timeline;

    public BusinessCalendar(string timeZone, WeeklyHours weeklyHours, IEnumerable<Holiday>? holidays = null)
    {
        TimeZone = timeZone;
        WeeklyHours = weeklyHours;
        Holidays = [.. holidays ?? []];
        _timeline = new Lazy<OpenTimeline>(Compile);
    }

    /// <summary>An IANA zone id such as <c>Europe/London</c>.</summary>
    public string TimeZone { get; }
    public WeeklyHours WeeklyHours { get; }
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>Reports every problem under the field paths an API body would use (<c>weeklyHours.monday[1].end</c>).</summary>
    public Validator Validate(Validator validator)
    {
        if (string.IsNullOrWhiteSpace(TimeZone)) validator.Add("timeZone", "This field is required.");
        else if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) is null)
            validator.Add("timeZone", "Must be an IANA time zone such as Europe/London.");
        WeeklyHours.Validate(validator, "weeklyHours");
        if (Holidays.Count > MaxHolidays) return validator.Add("holidays", $"Must list at most {MaxHolidays} holidays.");
        for (var i = 0; i < Holidays.Count; i++)
        {
            validator.Required($"holidays[{i}].name", Holidays[i].Name, 100);
            for (var earlier = 0; earlier < i; earlier++)
            {
                if (!Holidays[i].Clashes(Holidays[earlier])) continue;
                validator.Add($"holidays[{i}].date", $"Falls on the same day as holidays[{earlier}].");
                break;
            }
        }
        return validator;
    }

    public bool IsOpen(DateTimeOffset instant)
    {
        var at = Instant.FromDateTimeOffset(instant);
        return Timeline.Between(at, at + Duration.Epsilon).Any();
    }

    /// <summary>
    /// The instant at which <paramref name="businessTime"/> of open time has passed since <paramref name="start"/>.
    /// Counting begins at the next opening when start is closed; a result that uses up an open range exactly is
    /// that range's end, not the next opening. Adding zero gives start when open, else the next opening.
    /// </summary>
    /// <exception cref="InvalidOperationException">The calendar is invalid, or not open enough within <see cref="SearchLimit"/>.</exception>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero);
        var from = Instant.FromDateTimeOffset(start);
        var left = Duration.FromTimeSpan(businessTime);
        foreach (var open in Timeline.Between(from, from + Duration.FromTimeSpan(SearchLimit)))
        {
            if (open.Duration >= left) return (open.Start + left).ToDateTimeOffset();
            left -= open.Duration;
        }
        throw new InvalidOperationException(
            $"The calendar is not open for {businessTime} within {SearchLimit.TotalDays / 365.25:0} years after {start:O}: " +
            "check its weekly hours and holidays.");
    }

    /// <summary>The open time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var total = Duration.Zero;
        foreach (var open in Timeline.Between(Instant.FromDateTimeOffset(from), Instant.FromDateTimeOffset(to)))
            total += open.Duration;
        return total.ToTimeSpan();
    }

    private OpenTimeline Timeline => _timeline.Value;

    private OpenTimeline Compile()
    {
        var validator = Validate(new Validator());
        if (!validator.IsValid)
        {
            var problems = validator.ToError().Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}");
            throw new InvalidOperationException($"The calendar is invalid ({string.Join("; ", problems)}).");
        }
        return new OpenTimeline(DateTimeZoneProviders.Tzdb[TimeZone], WeeklyHours, Holidays);
    }
}
