using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.Conditions;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.ServiceLevels.Policies;

namespace Rapport.Tests.Infrastructure;

/// <summary>Service-level set-up written straight to an app's database: a London office calendar and policies.</summary>
public static class SlaSetup
{
    /// <summary>Mon–Fri 09:00–17:00 in Europe/London (in January London is on UTC).</summary>
    public static async Task<long> AddOfficeCalendarAsync(RapportApp app) => await app.WithDbAsync(async db =>
    {
        var calendar = new ServiceCalendar
        {
            Name = "London office " + Guid.NewGuid().ToString("N")[..8],
            TimeZone = "Europe/London",
            WeeklyHours = """{"monday":["09:00-17:00"],"tuesday":["09:00-17:00"],"wednesday":["09:00-17:00"],"thursday":["09:00-17:00"],"friday":["09:00-17:00"]}""",
        };
        db.Calendars.Add(calendar);
        await db.SaveChangesAsync();
        return calendar.Id;
    });

    /// <summary>Adds an active policy (business-hours targets in minutes; null = none) and makes the app see it at once.</summary>
    public static async Task<long> AddPolicyAsync(RapportApp app, ConditionSet conditions, long? calendarId,
        int? firstResponse, int? nextResponse, int? resolution, int position = 0, bool escalateOnBreach = false, bool pauseOnHold = false)
    {
        var id = await app.WithDbAsync(async db =>
        {
            var policy = new SlaPolicy
            {
                Name = "Policy " + Guid.NewGuid().ToString("N")[..8],
                Conditions = conditions.ToJson(),
                CalendarId = calendarId,
                Position = position,
                EscalateOnBreach = escalateOnBreach,
                PauseOnHold = pauseOnHold,
                Targets = [.. new[] { (SlaMetric.FirstResponse, firstResponse), (SlaMetric.NextResponse, nextResponse), (SlaMetric.Resolution, resolution) }
                    .Where(t => t.Item2 is not null)
                    .Select(t => new SlaPolicyTarget { Metric = t.Item1, Minutes = t.Item2!.Value, BusinessHours = calendarId is not null })],
            };
            db.SlaPolicies.Add(policy);
            await db.SaveChangesAsync();
            return policy.Id;
        });
        app.Services.GetRequiredService<ActiveSlaPolicies>().Forget();
        return id;
    }
}
