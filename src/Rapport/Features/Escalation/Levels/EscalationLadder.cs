using System.Globalization;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Levels;

/// <summary>A rung of the ladder as the rules need it.</summary>
public sealed record LadderStep(int Level, string Name, long? TeamId, Role? NotifyRole);

/// <summary>
/// The escalation ladder: the first line (level 0) and the configured levels above it. Pure: which level a ticket
/// goes to next, and when it is already at the top.
/// </summary>
public sealed class EscalationLadder
{
    public const string FirstLine = "First line";
    public const int NameLength = 100;
    /// <summary>More rungs than anyone can tell apart.</summary>
    public const int MaxLevels = 20;

    private readonly SortedDictionary<int, LadderStep> _steps;

    public EscalationLadder(IEnumerable<LadderStep> steps) => _steps = new(steps.ToDictionary(s => s.Level));

    /// <summary>The highest level; 0 when only the first line exists.</summary>
    public int Top => _steps.Count == 0 ? 0 : _steps.Keys.Max();

    public IReadOnlyCollection<LadderStep> Steps => _steps.Values;

    public LadderStep? Step(int level) => _steps.GetValueOrDefault(level);

    /// <summary>"First line", the level's name, or "Level 4" for a level taken off the ladder since a ticket reached it.</summary>
    public string NameOf(int level) => level <= 0 ? FirstLine
        : _steps.TryGetValue(level, out var step) ? step.Name
        : "Level " + level.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Specialist (level 2)".</summary>
    public string Describe(int level) => level <= 0 ? FirstLine : $"{NameOf(level)} (level {level.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>
    /// Where a ticket at <paramref name="current"/> goes: the level asked for, or the next one up. Refused at the top
    /// (409), and for a level that is not above the current one or beyond the top (400 on <c>toLevel</c>).
    /// </summary>
    public Result<LadderStep> Next(int current, int? wanted = null)
    {
        if (current >= Top) return new EscalationAtTop(current, NameOf(current));
        var target = wanted ?? current + 1;
        if (target <= current)
            return ValidationError.For("toLevel", $"Choose a level above the ticket's current one, {Describe(current)}.");
        if (target > Top)
            return ValidationError.For("toLevel", $"The ladder ends at {Describe(Top)}.");
        return _steps.TryGetValue(target, out var step) ? step : new EscalationAtTop(current, NameOf(current));
    }
}

/// <summary>There is no level above this one: the ticket is as high as it can go.</summary>
public sealed record EscalationAtTop(int Level, string Name)
    : ConflictError($"The ticket is already at the top of the escalation ladder ({Name}, level {Level}); it cannot be escalated further.");
