using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Calendars;

public sealed record CalendarNotFound(long Id) : Error(404, "Not found", $"Calendar {Id} does not exist.");

/// <summary>Services, policies and running clocks count time in the calendar, so it stays while any does.</summary>
public sealed record CalendarInUse(string Name, string Users)
    : ConflictError($"The calendar {Name} cannot be deleted: {Users} use it. Choose another calendar for them first.");
