using Rapport.Features.Conditions.Pages;

namespace Rapport.Features.Automation.Pages;

/// <summary>Rules in words for the admin pages: "When a ticket is created", "Set priority to urgent; add an internal note".</summary>
public static class RuleWords
{
    public static string Trigger(AutomationTrigger trigger) => trigger switch
    {
        AutomationTrigger.TicketCreated => "When a ticket is created",
        AutomationTrigger.TicketUpdated => "When a ticket is updated",
        AutomationTrigger.Scheduled => "Every five minutes, for tickets that match",
        _ => trigger.ToString(),
    };

    /// <summary>An action type as the form's select offers it.</summary>
    public static string Type(string type) => type switch
    {
        "set_status" => "Set the status",
        "set_priority" => "Set the priority",
        "set_type" => "Set the type",
        "set_team" => "Move to a team",
        "assign" => "Assign",
        "add_tags" => "Add tags",
        "remove_tags" => "Remove tags",
        "add_note" => "Add an internal note",
        "reply" => "Reply to the customer",
        "escalate" => "Escalate",
        "notify" => "Notify someone",
        _ => type,
    };

    /// <summary>Every action in a line, the first word capitalised.</summary>
    public static string Actions(IEnumerable<AutomationAction> actions, RuleChoices names)
    {
        var line = string.Join("; ", actions.Select(a => Action(a, names)));
        return line.Length == 0 ? "Nothing" : char.ToUpperInvariant(line[0]) + line[1..];
    }

    public static string Action(AutomationAction action, RuleChoices names)
    {
        var row = ActionRow.From(action);
        var value = ConditionWords.ValueText(action.Value);
        return action.Type switch
        {
            "set_status" => $"set status to {Words(value)}",
            "set_priority" => $"set priority to {value}",
            "set_type" => $"set type to {value}",
            "set_team" => value == "none" ? "take the team away" : $"move to {names.Team(value)}",
            "assign" => value == "none" ? "unassign" : $"assign to {names.Person(value)}",
            "add_tags" => $"add tags {value}",
            "remove_tags" => $"remove tags {value}",
            "add_note" => "add an internal note",
            "reply" => "reply to the customer",
            "escalate" => "escalate",
            "notify" => row.ToValue switch
            {
                NoticeTo.Assignee => "notify the assignee",
                NoticeTo.Team => "notify the team",
                { } person => $"notify {names.Person(person)}",
                null => "notify",
            },
            _ => Words(action.Type),
        };
    }

    /// <summary>"on_hold" → "on hold": the words of a snake_case value.</summary>
    public static string Words(string value) => value.Replace('_', ' ');
}
