using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.ServiceLevels.Calendars;

namespace Rapport.Features.Complaints.Deadlines;

/// <summary>
/// The stored rules, ready to count with: each rule with its calendar read once. A rule that is missing
/// counts as its default; a calendar that cannot be read or is not open often enough falls back to
/// Monday to Friday in UTC, so a bad calendar never stops a ticket from being created.
/// </summary>
public sealed class DeadlineBook
{
    private readonly Dictionary<string, (DeadlineRule Rule, BusinessCalendar? Calendar)> _rules;

    private DeadlineBook(Dictionary<string, (DeadlineRule, BusinessCalendar?)> rules) => _rules = rules;

    public static async Task<DeadlineBook> LoadAsync(RapportDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var stored = await db.DeadlineRules.AsNoTracking().Include(r => r.Calendar).ThenInclude(c => c!.Holidays)
            .Where(r => keys.Contains(r.Key)).ToListAsync(ct);
        var rules = DeadlineDefaults.Rules().Where(r => keys.Contains(r.Key)).ToDictionary(r => r.Key, r => (r, (BusinessCalendar?)null));
        foreach (var rule in stored)
            rules[rule.Key] = (rule, rule.Calendar is null ? null : rule.Calendar.TryToBusinessCalendar());
        return new DeadlineBook(rules);
    }

    public DateTimeOffset DueAt(string key, DateTimeOffset receivedAt)
    {
        var (rule, calendar) = _rules[key];
        try
        {
            return DeadlineCalculator.DueAt(receivedAt, rule.Amount, rule.Unit, calendar);
        }
        catch (InvalidOperationException)
        {
            return DeadlineCalculator.DueAt(receivedAt, rule.Amount, rule.Unit, null);
        }
    }
}
