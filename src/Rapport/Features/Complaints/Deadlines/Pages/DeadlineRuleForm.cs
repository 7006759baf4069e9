using System.Globalization;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints.Deadlines.Pages;

/// <summary>The deadline rule form's fields, as posted (text), and their conversion to the use cases' requests.</summary>
public sealed class DeadlineRuleForm
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? Amount { get; set; }
    public string? Unit { get; set; }
    public string? Basis { get; set; }
    public string? CalendarId { get; set; }
    public string? Reference { get; set; }

    public bool WasPosted => Name is not null || Amount is not null;

    public static DeadlineRuleForm From(DeadlineRuleDto rule) => new()
    {
        Key = rule.Key,
        Name = rule.Name,
        Amount = rule.Amount.ToString(CultureInfo.InvariantCulture),
        Unit = EnumNames.ToSnakeCase(rule.Unit),
        Basis = EnumNames.ToSnakeCase(rule.Basis),
        CalendarId = rule.Calendar?.Id.ToString(CultureInfo.InvariantCulture),
        Reference = rule.Reference,
    };

    public CreateDeadlineRuleRequest ToCreate(Validator check) =>
        new(Key?.Trim(), Name, ParseAmount(check), QueryEnums.Parse<DeadlineUnit>("unit", Unit, check),
            QueryEnums.Parse<DeadlineBasis>("basis", Basis, check), Reference, ParseCalendar());

    public UpdateDeadlineRuleRequest ToUpdate(Validator check) =>
        new(Optional<string>.Of(Name ?? ""), Optional<int?>.Of(ParseAmount(check)),
            Optional<DeadlineUnit?>.Of(QueryEnums.Parse<DeadlineUnit>("unit", Unit, check)),
            Optional<DeadlineBasis?>.Of(QueryEnums.Parse<DeadlineBasis>("basis", Basis, check)),
            Optional<string>.Of(Reference), Optional<long?>.Of(ParseCalendar()));

    private int? ParseAmount(Validator check)
    {
        if (string.IsNullOrWhiteSpace(Amount)) return null;
        if (int.TryParse(Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return amount;
        check.Add("amount", "Must be a whole number.");
        return null;
    }

    private long? ParseCalendar() =>
        long.TryParse(CalendarId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
