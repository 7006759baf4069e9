using System.Net;
using System.Net.Http.Json;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Policies;
using Rapport.Features.Services;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.ServiceLevels;

/// <summary>The calls the offer tests make again and again: calendars, services and SLA policies.</summary>
internal static class OfferRequests
{
    public static string Unique(string what) => $"{what} {Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>Weekdays 09:00–12:30 and 13:30–17:00 in London, closed on Christmas Day every year.</summary>
    public static object OfficeCalendar(string? name = null) => new
    {
        name = name ?? Unique("Office"),
        timeZone = "Europe/London",
        weeklyHours = new Dictionary<string, string[]>
        {
            ["monday"] = ["09:00-12:30", "13:30-17:00"], ["tuesday"] = ["09:00-12:30", "13:30-17:00"],
            ["wednesday"] = ["09:00-12:30", "13:30-17:00"], ["thursday"] = ["09:00-12:30", "13:30-17:00"],
            ["friday"] = ["09:00-12:30", "13:30-17:00"],
        },
        holidays = new[] { new { date = "2025-12-25", name = "Christmas Day", repeatsYearly = true } },
    };

    public static async Task<CalendarDto> CreateCalendarAsync(this HttpClient manager, object? body = null) =>
        await (await manager.PostAsJsonAsync("/api/v1/calendars", body ?? OfficeCalendar())).ReadAsync<CalendarDto>(HttpStatusCode.Created);

    public static object NewService(string? name = null, long? calendarId = null, long? teamId = null, bool isPublic = true, int? position = null) => new
    {
        name = name ?? Unique("Repairs"),
        description = "We fix **anything** that leaks.",
        included = "- Call-out\n- Parts up to £50",
        limits = "Not gas appliances.",
        channels = new[] { "phone", "email" },
        calendarId,
        firstResponseMinutes = 240,
        resolutionMinutes = 2400,
        teamId,
        isPublic,
        position,
    };

    public static async Task<ServiceDto> CreateServiceAsync(this HttpClient manager, object? body = null) =>
        await (await manager.PostAsJsonAsync("/api/v1/services", body ?? NewService())).ReadAsync<ServiceDto>(HttpStatusCode.Created);

    public static object NewPolicy(string? name = null, long? calendarId = null, int? position = null, object? conditions = null) => new
    {
        name = name ?? Unique("Urgent"),
        description = "Urgent matters first.",
        conditions = conditions ?? new { all = new[] { new { field = "priority", @operator = "at_least", value = (object)"high" } } },
        calendarId,
        targets = new object[]
        {
            new { metric = "first_response", minutes = 60, businessHours = true },
            new { metric = "resolution", minutes = 1440, businessHours = false },
        },
        pauseOnHold = true,
        warnAtPercent = 75,
        escalateOnWarning = false,
        escalateOnBreach = true,
        position,
    };

    public static async Task<SlaPolicyDto> CreatePolicyAsync(this HttpClient manager, object? body = null) =>
        await (await manager.PostAsJsonAsync("/api/v1/sla-policies", body ?? NewPolicy())).ReadAsync<SlaPolicyDto>(HttpStatusCode.Created);
}
