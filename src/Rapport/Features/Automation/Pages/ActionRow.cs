using System.Text.Json;
using Rapport.Features.Conditions.Pages;

namespace Rapport.Features.Automation.Pages;

/// <summary>
/// One action as the rule form posts it. Every row has a box for each kind of value; the row's type says which
/// of them holds its value (the page shows only those), so changing the type needs no round trip.
/// </summary>
public sealed class ActionRow
{
    public const string Status = "status", Priority = "priority", Kind = "type", Team = "team", Assignee = "assignee",
        Tags = "tags", To = "to", Text = "text";

    public string? Type { get; set; }
    public string? StatusValue { get; set; }
    public string? PriorityValue { get; set; }
    public string? TypeValue { get; set; }
    /// <summary>A team id, or "none".</summary>
    public string? TeamValue { get; set; }
    /// <summary>A user id, or "none".</summary>
    public string? AssigneeValue { get; set; }
    /// <summary>One tag, or several separated by commas.</summary>
    public string? TagsValue { get; set; }
    /// <summary>Who a notice goes to: assignee, team or a user id.</summary>
    public string? ToValue { get; set; }
    /// <summary>A note, a reply, the reason for escalating, or a notice.</summary>
    public string? TextValue { get; set; }

    public static ActionRow Blank() => new() { Type = "set_status" };

    /// <summary>The boxes an action type takes its value from, in the order they are shown.</summary>
    public static IReadOnlyList<string> Boxes(string? type) => type switch
    {
        "set_status" => [Status],
        "set_priority" => [Priority],
        "set_type" => [Kind],
        "set_team" => [Team],
        "assign" => [Assignee],
        "add_tags" or "remove_tags" => [Tags],
        "add_note" or "reply" or "escalate" => [Text],
        "notify" => [To, Text],
        _ => [],
    };

    /// <summary>The action types that use a box: "add_note reply escalate notify" for text.</summary>
    public static string TypesUsing(string box) => string.Join(' ', RulePlan.Types.Where(t => Boxes(t).Contains(box)));

    public static ActionRow From(AutomationAction action)
    {
        var row = new ActionRow { Type = action.Type };
        var value = ConditionWords.ValueText(action.Value);
        switch (action.Type)
        {
            case "set_status": row.StatusValue = value; break;
            case "set_priority": row.PriorityValue = value; break;
            case "set_type": row.TypeValue = value; break;
            case "set_team": row.TeamValue = value; break;
            case "assign": row.AssigneeValue = value; break;
            case "add_tags" or "remove_tags": row.TagsValue = value; break;
            case "add_note" or "reply" or "escalate": row.TextValue = value; break;
            case "notify" when action.Value is { ValueKind: JsonValueKind.Object } notice:
                (row.ToValue, row.TextValue) = (Property(notice, "to"), Property(notice, "text"));
                break;
        }
        return row;
    }

    /// <summary>The action the row describes; a box left empty sends no value, which the rule's check names.</summary>
    public AutomationAction ToAction() => new(Type ?? "", Type switch
    {
        "set_status" => One(StatusValue),
        "set_priority" => One(PriorityValue),
        "set_type" => One(TypeValue),
        "set_team" => One(TeamValue),
        "assign" => One(AssigneeValue),
        "add_tags" or "remove_tags" => ConditionWords.ValueOf(TagsValue),
        "add_note" or "reply" or "escalate" => One(TextValue),
        "notify" => JsonSerializer.SerializeToElement(new { to = ToValue?.Trim() ?? "", text = TextValue?.Trim() ?? "" }),
        _ => null,
    });

    /// <summary>The value a box holds, for the page.</summary>
    public string? ValueOf(string box) => box switch
    {
        Status => StatusValue,
        Priority => PriorityValue,
        Kind => TypeValue,
        Team => TeamValue,
        Assignee => AssigneeValue,
        Tags => TagsValue,
        To => ToValue,
        _ => TextValue,
    };

    private static JsonElement? One(string? text) => string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.SerializeToElement(text.Trim());

    private static string? Property(JsonElement notice, string name) =>
        notice.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
