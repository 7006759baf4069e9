using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.ServiceLevels.Policies;
using Rapport.Features.Conditions;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.ServiceLevels;

/// <summary>
/// One app per provider on a clock the tests set, with a London office calendar (Mon–Fri 09:00–17:00, in
/// January, when London is on UTC). Each test adds policies that only its own tickets match.
/// </summary>
public sealed class SlaFixture : IAsyncLifetime
{
    private readonly Dictionary<Db, Task<RapportApp>> _apps = [];
    private readonly Lock _lock = new();

    public ManualClock Clock { get; } = new(new DateTimeOffset(2030, 1, 7, 8, 0, 0, TimeSpan.Zero));

    public Task<RapportApp> For(Db db)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(db, out var app)) _apps[db] = app = RapportApp.StartAsync(db, clock: Clock);
            return app;
        }
    }

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

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await (await app).DisposeAsync();
    }
}
