namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>
/// A day the calendar is closed from local midnight to midnight, whatever its weekly hours say.
/// A yearly holiday falls on its month and day in every year, before and after the year of <see cref="Date"/>;
/// one on 29 February therefore only closes leap years.
/// </summary>
public sealed record Holiday(DateOnly Date, string Name, bool RepeatsYearly = false)
{
    public bool FallsOn(DateOnly day) => RepeatsYearly
        ? day.Month == Date.Month && day.Day == Date.Day
        : day == Date;

    internal bool Clashes(Holiday other) =>
        Date.Month == other.Date.Month && Date.Day == other.Date.Day
        && (RepeatsYearly || other.RepeatsYearly || Date.Year == other.Date.Year);
}
