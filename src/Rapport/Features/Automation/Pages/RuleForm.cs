using Rapport.Features.Conditions.Pages;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;
using Rapport.Web.Forms;

namespace Rapport.Features.Automation.Pages;

/// <summary>
/// What the rule form posts: the name, the trigger, rows of conditions for "all" and "any", rows of actions (each
/// added and removed with submit buttons, so it works without JavaScript) and the active switch. Its rows are the
/// request's rows, so the use case's problems (<c>actions[1].value</c>) land on the row they are about.
/// </summary>
public sealed class RuleForm
{
    public const int NoticeLength = 500;

    public string? Name { get; set; }
    /// <summary>ticket_created, ticket_updated or scheduled.</summary>
    public string? Trigger { get; set; }
    public List<ConditionRow> All { get; set; } = [];
    public List<ConditionRow> Any { get; set; } = [];
    public List<ActionRow> Actions { get; set; } = [];
    // False by default: an unchecked box posts nothing, so only a fresh form starts it ticked.
    public bool IsActive { get; set; }
    /// <summary>save (or none, for Enter), refresh, add-all, add-any, remove-all:2, remove-any:0, add-action, remove-action:1.</summary>
    public string? Command { get; set; }

    public static RuleForm New() => new()
    {
        Trigger = SnakeCaseEnumConverter<AutomationTrigger>.NameOf(AutomationTrigger.TicketCreated),
        Actions = [ActionRow.Blank()],
        IsActive = true,
    };

    public static RuleForm From(AutomationRuleDto rule) => new()
    {
        Name = rule.Name,
        Trigger = SnakeCaseEnumConverter<AutomationTrigger>.NameOf(rule.Trigger),
        All = [.. rule.Conditions.All.Select(ConditionRow.From)],
        Any = [.. rule.Conditions.Any.Select(ConditionRow.From)],
        Actions = [.. rule.Actions.Select(ActionRow.From)],
        IsActive = rule.IsActive,
    };

    /// <summary>Adds or removes the row the command names, or only shows the form again (refresh); false for a save.</summary>
    public bool ApplyCommand()
    {
        var command = (Command ?? "").Split(':');
        if (ConditionRows.Apply(command, All, Any)) return true;
        switch (command)
        {
            case ["add-action"]: Actions.Add(ActionRow.Blank()); return true;
            case ["remove-action", var row] when FormRows.Index(row, Actions.Count) is { } i: Actions.RemoveAt(i); return true;
            default: return Command is not (null or "save");
        }
    }

    /// <summary>The request for creating or replacing the rule; a notice missing its parts is named here, in the form's words.</summary>
    public AutomationRuleRequest ToRequest(Validator check)
    {
        for (var i = 0; i < Actions.Count; i++)
        {
            if (Actions[i] is { Type: "notify" } notice && (string.IsNullOrWhiteSpace(notice.ToValue) || notice.TextValue?.Trim() is not { Length: > 0 and <= NoticeLength }))
                check.Add($"actions[{i}].value", $"Choose who gets the notice and write it (up to {NoticeLength} characters).");
        }
        AutomationTrigger? trigger = SnakeCaseEnumConverter<AutomationTrigger>.TryParse(Trigger, out var parsed) ? parsed : null;
        return new AutomationRuleRequest(Name, trigger, ConditionRows.ToSet(All, Any), [.. Actions.Select(a => a.ToAction())], Position: null, IsActive);
    }

    /// <summary>Puts a posted form in shape to show: lists where the form binder left none.</summary>
    public void Complete()
    {
        (All, Any, Actions) = (All ?? [], Any ?? [], Actions ?? []);
        All.RemoveAll(r => r is null);
        Any.RemoveAll(r => r is null);
        Actions.RemoveAll(r => r is null);
    }
}
