using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Conditions;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Policies;

/// <summary>One promised time: <c>{"metric": "first_response", "minutes": 240, "businessHours": true}</c>.</summary>
public sealed record SlaTargetInput(SlaMetric? Metric, int? Minutes, bool? BusinessHours);

/// <summary>
/// A new policy. No conditions match every ticket; no calendar counts business-hours targets around the clock.
/// Without a position (1 = tried first) it goes last.
/// </summary>
public sealed record CreateSlaPolicyRequest(
    string? Name,
    string? Description,
    ConditionSet? Conditions,
    long? CalendarId,
    SlaTargetInput?[]? Targets,
    bool? PauseOnHold,
    int? WarnAtPercent,
    bool? EscalateOnWarning,
    bool? EscalateOnBreach,
    int? Position);

/// <summary>A partial update: only the fields present change; targets, when sent, replace them all. isActive false deactivates it.</summary>
public sealed record UpdateSlaPolicyRequest(
    Optional<string> Name,
    Optional<string> Description,
    Optional<ConditionSet> Conditions,
    Optional<long?> CalendarId,
    Optional<SlaTargetInput?[]> Targets,
    Optional<bool?> PauseOnHold,
    Optional<int?> WarnAtPercent,
    Optional<bool?> EscalateOnWarning,
    Optional<bool?> EscalateOnBreach,
    Optional<bool?> IsActive);

/// <summary>Where the policy moves to in the order policies are tried: 1 is first.</summary>
public sealed record MoveSlaPolicyRequest(int? Position);

/// <summary>A policy as it would be after a create or an update; both check it whole, the same way.</summary>
internal sealed record SlaPolicyValues(
    string? Name, string? Description, ConditionSet Conditions, long? CalendarId, IReadOnlyList<SlaTargetInput?> Targets,
    bool? PauseOnHold, int? WarnAtPercent, bool? EscalateOnWarning, bool? EscalateOnBreach)
{
    public static SlaPolicyValues Of(SlaPolicy policy) => new(policy.Name, policy.Description, ConditionSet.FromJson(policy.Conditions),
        policy.CalendarId, [.. policy.Targets.OrderBy(t => t.Metric).Select(t => new SlaTargetInput(t.Metric, t.Minutes, t.BusinessHours))],
        policy.PauseOnHold, policy.WarnAtPercent, policy.EscalateOnWarning, policy.EscalateOnBreach);

    public static SlaPolicyValues Of(CreateSlaPolicyRequest request) => new(request.Name, request.Description,
        request.Conditions ?? ConditionSet.Empty, request.CalendarId, request.Targets ?? [], request.PauseOnHold ?? false,
        request.WarnAtPercent ?? 80, request.EscalateOnWarning ?? false, request.EscalateOnBreach ?? false);

    public static SlaPolicyValues Of(UpdateSlaPolicyRequest request, SlaPolicyValues stored) => new(
        request.Name.IsSet ? request.Name.Value : stored.Name,
        request.Description.IsSet ? request.Description.Value : stored.Description,
        request.Conditions.IsSet ? request.Conditions.Value ?? ConditionSet.Empty : stored.Conditions,
        request.CalendarId.IsSet ? request.CalendarId.Value : stored.CalendarId,
        request.Targets.IsSet ? request.Targets.Value ?? [] : stored.Targets,
        request.PauseOnHold.IsSet ? request.PauseOnHold.Value : stored.PauseOnHold,
        request.WarnAtPercent.IsSet ? request.WarnAtPercent.Value : stored.WarnAtPercent,
        request.EscalateOnWarning.IsSet ? request.EscalateOnWarning.Value : stored.EscalateOnWarning,
        request.EscalateOnBreach.IsSet ? request.EscalateOnBreach.Value : stored.EscalateOnBreach);

    /// <summary>Writes checked values onto the entity; a target for a metric already there is changed in place.</summary>
    public void ApplyTo(SlaPolicy policy)
    {
        policy.Name = Name!.Trim();
        policy.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        policy.Conditions = Conditions.ToJson();
        policy.CalendarId = CalendarId;
        (policy.PauseOnHold, policy.WarnAtPercent) = (PauseOnHold!.Value, WarnAtPercent!.Value);
        (policy.EscalateOnWarning, policy.EscalateOnBreach) = (EscalateOnWarning!.Value, EscalateOnBreach!.Value);
        var wanted = Targets.Select(t => t!).ToDictionary(t => t.Metric!.Value);
        policy.Targets.RemoveAll(t => !wanted.ContainsKey(t.Metric));
        foreach (var (metric, input) in wanted)
        {
            var target = policy.Targets.FirstOrDefault(t => t.Metric == metric);
            if (target is null) policy.Targets.Add(target = new SlaPolicyTarget { Metric = metric });
            (target.Minutes, target.BusinessHours) = (input.Minutes!.Value, input.BusinessHours ?? false);
        }
    }

    /// <summary>"first_response 240 min, business hours": how the audit trail lists targets.</summary>
    public List<string> DescribeTargets() => [.. Targets.OfType<SlaTargetInput>().OrderBy(t => t.Metric)
        .Select(t => $"{EnumNames.ToSnakeCase(t.Metric!.Value)} {t.Minutes} min{(t.BusinessHours == true ? ", business hours" : "")}")];
}

internal static class SlaPolicyInput
{
    public const int MaxPolicies = 100;
    public const int NameLength = 120;
    public const int DescriptionLength = 2000;
    public const int ConditionsLength = 20_000;
    /// <summary>A year: targets longer than that are typing mistakes.</summary>
    public const int MaxMinutes = 365 * 24 * 60;

    public static readonly ValidationError NameTaken = ValidationError.For("name", "An SLA policy with this name already exists.");

    public static async Task<Validator> CheckAsync(RapportDbContext db, SlaPolicyValues values, long? exceptId, Validator check, CancellationToken ct)
    {
        check.Required("name", values.Name, NameLength).Text("description", values.Description, DescriptionLength, multiline: true);
        values.Conditions.Validate("conditions", check);
        if (values.Conditions.ToJson().Length > ConditionsLength) check.Add("conditions", $"The conditions must fit in {ConditionsLength} characters of JSON.");
        CheckTargets(values.Targets, check);
        Required("pauseOnHold", values.PauseOnHold, check);
        Required("escalateOnWarning", values.EscalateOnWarning, check);
        Required("escalateOnBreach", values.EscalateOnBreach, check);
        if (values.WarnAtPercent is not (>= 1 and <= 99)) check.Add("warnAtPercent", "Must be a percentage from 1 to 99.");
        await CalendarInput.CheckExistsAsync(db, values.CalendarId, check, ct);
        if (check.IsValid)
        {
            var upper = values.Name!.Trim().ToUpperInvariant();
            if (await db.SlaPolicies.AnyAsync(p => p.Name.ToUpper() == upper && p.Id != exceptId, ct)) check.Add("name", NameTaken.Errors["name"][0]);
        }
        return check;
    }

    private static void CheckTargets(IReadOnlyList<SlaTargetInput?> targets, Validator check)
    {
        var seen = new HashSet<SlaMetric>();
        for (var i = 0; i < targets.Count; i++)
        {
            var path = $"targets[{i}]";
            if (targets[i] is not { } target)
            {
                check.Add(path, "Give a target as {\"metric\": \"first_response\", \"minutes\": 240, \"businessHours\": true}.");
                continue;
            }
            if (target.Metric is not { } metric) check.Add($"{path}.metric", $"This field is required: one of {SnakeCaseEnumConverter<SlaMetric>.Allowed}.");
            else if (!seen.Add(metric)) check.Add($"{path}.metric", $"A policy has one {EnumNames.ToSnakeCase(metric)} target; this one is given twice.");
            if (target.Minutes is not (>= 1 and <= MaxMinutes)) check.Add($"{path}.minutes", $"Must be from 1 to {MaxMinutes} minutes (a year).");
        }
    }

    private static void Required(string field, bool? value, Validator check)
    {
        if (value is null) check.Add(field, "Must be true or false.");
    }
}
