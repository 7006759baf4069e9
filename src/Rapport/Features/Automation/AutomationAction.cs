using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Automation;

/// <summary>One step of a rule: <c>{"type":"set_status","value":"solved"}</c>. The types are listed in <see cref="RulePlan"/>.</summary>
public sealed record AutomationAction(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] JsonElement? Value = null)
{
    private static readonly JsonSerializerOptions Storage = new();

    public static string ToJson(IReadOnlyList<AutomationAction> actions) => JsonSerializer.Serialize(actions, Storage);

    public static IReadOnlyList<AutomationAction> FromJson(string json) => JsonSerializer.Deserialize<List<AutomationAction>>(json, Storage) ?? [];
}

/// <summary>Who a rule's notice goes to.</summary>
public sealed record NoticeTo(string Who, Guid? UserId)
{
    public const string Assignee = "assignee", Team = "team";
}

/// <summary>
/// A rule's actions, checked and gathered into what to do. They are applied as: messages first (an internal
/// note or a public reply, in order), then one change of the ticket's fields (so "reply, then solve" needs no
/// particular order and makes one history entry), then escalation, then notices.
/// </summary>
public sealed record RulePlan(
    TicketStatus? Status, Priority? Priority, TicketType? Type, Optional<long?> Team, Optional<Guid?> Assignee,
    IReadOnlyList<string> AddTags, IReadOnlyList<string> RemoveTags,
    IReadOnlyList<(MessageVisibility Visibility, string Body)> Messages, string? Escalation, IReadOnlyList<(NoticeTo To, string Text)> Notices)
{
    public static readonly IReadOnlyList<string> Types =
        ["set_status", "set_priority", "set_type", "set_team", "assign", "add_tags", "remove_tags", "add_note", "reply", "escalate", "notify"];

    public bool ChangesFields => Status is not null || Priority is not null || Type is not null || Team.IsSet || Assignee.IsSet
        || AddTags.Count > 0 || RemoveTags.Count > 0;

    /// <summary>Checks the actions, naming problems by path (<c>actions[1].value</c>); null when any is wrong.</summary>
    public static RulePlan? From(IReadOnlyList<AutomationAction?> actions, string prefix, Validator check)
    {
        if (actions.Count == 0) check.Add(prefix, "Give at least one action.");
        if (actions.Count > AutomationLimits.MaxActions) check.Add(prefix, $"Give at most {AutomationLimits.MaxActions} actions.");
        var plan = new RulePlan(null, null, null, default, default, [], [], [], null, []);
        var (addTags, removeTags, messages, notices) = (new List<string>(), new List<string>(), new List<(MessageVisibility, string)>(), new List<(NoticeTo, string)>());
        for (var i = 0; i < actions.Count; i++)
        {
            var path = $"{prefix}[{i}]";
            var reader = new ActionValue(actions[i]?.Value, $"{path}.value", check);
            switch (actions[i]?.Type)
            {
                case "set_status": plan = plan with { Status = reader.Enum<TicketStatus>() }; break;
                case "set_priority": plan = plan with { Priority = reader.Enum<Priority>() }; break;
                case "set_type": plan = plan with { Type = reader.Enum<TicketType>() }; break;
                case "set_team": plan = plan with { Team = Optional<long?>.Of(reader.IdOrNone()) }; break;
                case "assign": plan = plan with { Assignee = Optional<Guid?>.Of(reader.UserOrNone()) }; break;
                case "add_tags": addTags.AddRange(reader.Words()); break;
                case "remove_tags": removeTags.AddRange(reader.Words()); break;
                case "add_note": messages.Add((MessageVisibility.Internal, reader.Text())); break;
                case "reply": messages.Add((MessageVisibility.Public, reader.Text())); break;
                case "escalate": plan = plan with { Escalation = reader.Text() }; break;
                case "notify": notices.Add(reader.Notice()); break;
                default:
                    check.Add($"{path}.type", $"Use one of: {string.Join(", ", Types)}.");
                    break;
            }
        }
        return check.IsValid
            ? plan with { AddTags = addTags, RemoveTags = removeTags, Messages = messages, Notices = notices }
            : null;
    }

    /// <summary>Reads an action's value, reporting what it should have been.</summary>
    private readonly struct ActionValue(JsonElement? value, string path, Validator check)
    {
        public TEnum? Enum<TEnum>() where TEnum : struct, System.Enum =>
            value is { ValueKind: JsonValueKind.String } v && SnakeCaseEnumConverter<TEnum>.TryParse(v.GetString()!, out var parsed)
                ? parsed
                : Refuse<TEnum?>($"Give one of: {SnakeCaseEnumConverter<TEnum>.Allowed}.");

        public long? IdOrNone() => value switch
        {
            { ValueKind: JsonValueKind.String } v when v.GetString() == "none" => null,
            { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var id) && id > 0 => id,
            { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 => id,
            _ => Refuse<long?>("Give a team id or 'none'."),
        };

        public Guid? UserOrNone() => value switch
        {
            { ValueKind: JsonValueKind.String } v when v.GetString() == "none" => null,
            { ValueKind: JsonValueKind.String } v when Guid.TryParse(v.GetString(), out var id) => id,
            _ => Refuse<Guid?>("Give a user id or 'none'."),
        };

        public IEnumerable<string> Words()
        {
            var words = value switch
            {
                { ValueKind: JsonValueKind.String } v => [v.GetString()!],
                { ValueKind: JsonValueKind.Array } v when v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                    v.EnumerateArray().Select(e => e.GetString()!).ToArray(),
                _ => null,
            };
            return words is { Length: > 0 } ? words : Refuse<string[]>("Give a tag or a list of tags.") ?? [];
        }

        public string Text() => value is { ValueKind: JsonValueKind.String } v && v.GetString() is { Length: > 0 and <= AutomationLimits.TextLength } text
            ? text
            : Refuse<string>($"Give the text, 1 to {AutomationLimits.TextLength} characters.") ?? "";

        public (NoticeTo, string) Notice()
        {
            if (value is not { ValueKind: JsonValueKind.Object } v
                || !v.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.String
                || !v.TryGetProperty("text", out var text) || text.GetString() is not { Length: > 0 and <= 500 } words)
                return (Refuse<NoticeTo>("Give {\"to\": \"assignee\" | \"team\" | a user id, \"text\": …} (text up to 500 characters).") ?? new("", null), "");
            var who = to.GetString()!;
            if (who is NoticeTo.Assignee or NoticeTo.Team) return (new NoticeTo(who, null), words);
            return Guid.TryParse(who, out var user) ? (new NoticeTo("user", user), words) : (Refuse<NoticeTo>("'to' is assignee, team or a user id.") ?? new("", null), "");
        }

        private T? Refuse<T>(string message)
        {
            check.Add(path, message);
            return default;
        }
    }
}
