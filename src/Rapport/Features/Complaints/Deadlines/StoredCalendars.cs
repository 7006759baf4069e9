using System.Globalization;
using System.Text.Json;
using Rapport.Features.ServiceLevels.Calendars;

namespace Rapport.Features.Complaints.Deadlines;

/// <summary>
/// Turns a stored <see cref="ServiceCalendar"/> into a <see cref="BusinessCalendar"/> for counting.
/// A minimal reading of its weekly hours JSON (<c>{"monday":["09:00-17:00"], …}</c>) kept private to
/// deadlines until the service-levels area offers the conversion; then this file goes.
/// </summary>
internal static class StoredCalendars
{
    /// <summary>The calendar, or null when its stored hours cannot be read or it is not valid.</summary>
    public static BusinessCalendar? ToBusinessCalendar(ServiceCalendar stored)
    {
        var hours = ReadWeeklyHours(stored.WeeklyHours);
        if (hours is null) return null;
        var calendar = new BusinessCalendar(stored.TimeZone, hours,
            stored.Holidays.Select(h => new Holiday(h.Date, h.Name, h.RepeatsYearly)));
        return calendar.Validate(new Infrastructure.Problems.Validator()).IsValid ? calendar : null;
    }

    private static WeeklyHours? ReadWeeklyHours(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            var hours = WeeklyHours.Closed;
            foreach (var day in document.RootElement.EnumerateObject())
            {
                if (!Enum.TryParse<DayOfWeek>(day.Name, ignoreCase: true, out var dayOfWeek) || day.Value.ValueKind != JsonValueKind.Array) return null;
                var ranges = new List<OpeningRange>();
                foreach (var text in day.Value.EnumerateArray())
                {
                    if (ParseRange(text.GetString()) is not { } range) return null;
                    ranges.Add(range);
                }
                hours = hours.With(dayOfWeek, ranges);
            }
            return hours;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>"09:00-17:30" (or with an en dash) to minutes of the day; 24:00 is allowed as an end.</summary>
    private static OpeningRange? ParseRange(string? text)
    {
        var parts = text?.Split('-', '–');
        if (parts is not { Length: 2 } || Minutes(parts[0]) is not { } start || Minutes(parts[1]) is not { } end) return null;
        return new OpeningRange(start, end);
    }

    private static int? Minutes(string hhmm)
    {
        var parts = hhmm.Trim().Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && minutes < 60
            ? hours * 60 + minutes
            : null;
    }
}
