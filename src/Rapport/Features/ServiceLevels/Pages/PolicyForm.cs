using System.Globalization;
using System.Text.RegularExpressions;
using Rapport.Features.Conditions;
using Rapport.Features.Conditions.Pages;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.ServiceLevels.Policies;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Pages;

/// <summary>
/// What the SLA policy form posts: rows of conditions for "all" and "any" (added and removed with submit buttons,
/// so it works without JavaScript), the three targets, and the switches. A target left empty is not promised.
/// </summary>
public sealed partial class PolicyForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? CalendarId { get; set; }
    public List<ConditionRow> All { get; set; } = [];
    public List<ConditionRow> Any { get; set; } = [];
    /// <summary>One row per metric, in <see cref="SlaMetric"/> order.</summary>
    public List<TargetRow> Targets { get; set; } = [];
    public string? WarnAtPercent { get; set; }
    // False by default: an unchecked box posts nothing, so only a fresh form starts them ticked.
    public bool PauseOnHold { get; set; }
    public bool EscalateOnWarning { get; set; }
    public bool EscalateOnBreach { get; set; }
    public bool IsActive { get; set; }
    /// <summary>save (or none, for Enter), refresh, add-all, add-any, remove-all:2, remove-any:0.</summary>
    public string? Command { get; set; }

    // The target rows sent in the last request, by their position in it, so its problems land on the right row.
    private readonly List<int> _sentTargetRows = [];

    public static PolicyForm New() => new()
    {
        All = [new ConditionRow { Field = "priority", Operator = ConditionOperators.AtLeast, Value = "high" }],
        Targets = [.. Enum.GetValues<SlaMetric>().Select(m => new TargetRow { Metric = EnumNames.ToSnakeCase(m), BusinessHours = true })],
        WarnAtPercent = "80",
        IsActive = true,
    };

    public static PolicyForm From(SlaPolicyDto policy) => new()
    {
        Name = policy.Name,
        Description = policy.Description,
        CalendarId = policy.Calendar?.Id.ToString(CultureInfo.InvariantCulture),
        All = [.. policy.Conditions.All.Select(ConditionRow.From)],
        Any = [.. policy.Conditions.Any.Select(ConditionRow.From)],
        Targets = [.. Enum.GetValues<SlaMetric>().Select(m => policy.Targets.FirstOrDefault(t => t.Metric == m) is { } target
            ? new TargetRow { Metric = EnumNames.ToSnakeCase(m), Minutes = target.Minutes.ToString(CultureInfo.InvariantCulture), BusinessHours = target.BusinessHours }
            : new TargetRow { Metric = EnumNames.ToSnakeCase(m), BusinessHours = true })],
        WarnAtPercent = policy.WarnAtPercent.ToString(CultureInfo.InvariantCulture),
        PauseOnHold = policy.PauseOnHold,
        EscalateOnWarning = policy.EscalateOnWarning,
        EscalateOnBreach = policy.EscalateOnBreach,
        IsActive = policy.IsActive,
    };

    /// <summary>Adds or removes the row the command names, or only shows the form again (refresh); false for a save.</summary>
    public bool ApplyCommand()
    {
        return ConditionRows.Apply((Command ?? "").Split(':'), All, Any) || Command is not (null or "save");
    }

    public CreateSlaPolicyRequest ToCreate(Validator check) => new(Name, Description, Conditions(), FormNumbers.Id("calendarId", CalendarId, check),
        TargetInputs(check), PauseOnHold, FormNumbers.Whole("warnAtPercent", WarnAtPercent, check, "Give a whole percentage from 1 to 99."), EscalateOnWarning, EscalateOnBreach, Position: null);

    /// <summary>Every field is sent: the use case audits only what changed.</summary>
    public UpdateSlaPolicyRequest ToUpdate(Validator check) => new(
        Optional<string>.Of(Name), Optional<string>.Of(Description), Optional<ConditionSet>.Of(Conditions()),
        Optional<long?>.Of(FormNumbers.Id("calendarId", CalendarId, check)), Optional<SlaTargetInput?[]>.Of(TargetInputs(check)),
        Optional<bool?>.Of(PauseOnHold), Optional<int?>.Of(FormNumbers.Whole("warnAtPercent", WarnAtPercent, check, "Give a whole percentage from 1 to 99.")), Optional<bool?>.Of(EscalateOnWarning),
        Optional<bool?>.Of(EscalateOnBreach), Optional<bool?>.Of(IsActive));

    /// <summary>A problem's path in the form: the request's targets[1] is the form's row for its metric.</summary>
    public string FormPath(string path)
    {
        var match = TargetPath().Match(path);
        if (!match.Success) return path;
        var sent = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        return sent < _sentTargetRows.Count ? $"targets[{_sentTargetRows[sent]}]{match.Groups[2].Value}" : path;
    }

    private ConditionSet Conditions() => ConditionRows.ToSet(All, Any);

    private SlaTargetInput?[] TargetInputs(Validator check)
    {
        _sentTargetRows.Clear();
        var inputs = new List<SlaTargetInput?>();
        for (var row = 0; row < Targets.Count; row++)
        {
            var target = Targets[row];
            if (FormNumbers.Whole($"targets[{row}].minutes", target.Minutes, check, "Give a whole number of minutes, or leave it empty.") is not { } minutes) continue;
            _sentTargetRows.Add(row);
            SnakeCaseEnumConverter<SlaMetric>.TryParse(target.Metric, out var metric);
            inputs.Add(new SlaTargetInput(metric, minutes, target.BusinessHours));
        }
        return [.. inputs];
    }

    /// <summary>Puts a posted form in shape to show: the three target rows, and lists where the form binder left none.</summary>
    public void Complete()
    {
        (All, Any, Targets) = (All ?? [], Any ?? [], Targets ?? []);
        Targets.RemoveAll(t => t is null);
        var metrics = Enum.GetValues<SlaMetric>();
        while (Targets.Count < metrics.Length) Targets.Add(new TargetRow());
        if (Targets.Count > metrics.Length) Targets.RemoveRange(metrics.Length, Targets.Count - metrics.Length);
        for (var i = 0; i < metrics.Length; i++) Targets[i].Metric = EnumNames.ToSnakeCase(metrics[i]);
    }

    [GeneratedRegex(@"^targets\[([0-9]+)\](.*)$")]
    private static partial Regex TargetPath();
}

public sealed class TargetRow
{
    /// <summary>Posted from a hidden input; the row's place says the metric in any case.</summary>
    public string? Metric { get; set; }
    public string? Minutes { get; set; }
    public bool BusinessHours { get; set; }
}
