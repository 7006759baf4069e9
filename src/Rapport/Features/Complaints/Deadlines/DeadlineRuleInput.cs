using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Problems;

using Rapport.Features.ServiceLevels.Calendars;

namespace Rapport.Features.Complaints.Deadlines;

public sealed record DeadlineRuleNotFound(string Key) : Error(404, "Not found", $"No deadline rule has the key '{Key}'.");

public sealed record DeadlineRuleKeyTaken(string Key) : ConflictError($"A deadline rule with the key '{Key}' exists already.");

/// <summary>The checks a rule's fields pass on create and on update, by the field names of the API body.</summary>
internal static class DeadlineRuleInput
{
    public static void CheckName(Validator check, string? name) => check.Required("name", name, DeadlineLimits.NameLength);

    public static void CheckAmount(Validator check, int? amount)
    {
        if (amount is null) check.Add("amount", "This field is required.");
        else if (amount is < 1 or > DeadlineLimits.MaxAmount) check.Add("amount", $"Must be between 1 and {DeadlineLimits.MaxAmount}.");
    }

    public static void CheckReference(Validator check, string? reference) =>
        check.Text("reference", reference, DeadlineLimits.ReferenceLength, multiline: true);

    /// <summary>The calendar must exist and be readable, and business days must be countable in it.</summary>
    public static async Task CheckCalendarAsync(RapportDbContext db, Validator check, long? calendarId, DeadlineRule rule, DateTimeOffset now, CancellationToken ct)
    {
        if (calendarId is null || !check.IsValid) return;
        var stored = await db.Calendars.AsNoTracking().Include(c => c.Holidays).SingleOrDefaultAsync(c => c.Id == calendarId, ct);
        if (stored is null)
        {
            check.Add("calendarId", "No calendar has this id.");
            return;
        }
        if (stored.TryToBusinessCalendar() is not { } calendar)
        {
            check.Add("calendarId", "This calendar's hours cannot be read; fix the calendar first.");
            return;
        }
        try
        {
            DeadlineCalculator.DueAt(now, rule.Amount, rule.Unit, calendar);
        }
        catch (InvalidOperationException)
        {
            check.Add("calendarId", $"This calendar is not open on {rule.Amount} days within 20 years.");
        }
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
