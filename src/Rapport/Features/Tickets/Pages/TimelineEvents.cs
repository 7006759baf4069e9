using System.Text.Json;
using Rapport.Features.Audit;

namespace Rapport.Features.Tickets.Pages;

/// <summary>How the ticket's history tells its audit events between the messages.</summary>
public static class TimelineEvents
{
    /// <summary>
    /// The ticket's own changes, the automation rules that ran on it and its mail that could not be delivered; other records' events about the ticket
    /// (a message added, a complaint's steps) are told by those records' own views.
    /// </summary>
    public static bool Shows(AuditEventDto change) => change.EntityType == "ticket"
        || change is { EntityType: "automation_rule", Action: "automation_ran" or "automation_stopped" }
        || change is { EntityType: "outgoing_mail", Action: "delivery_failed" };

    /// <summary>
    /// Who did it and what: ("Ann", "changed priority: normal → urgent"), or for a rule's firing
    /// ("Automation rule “Close stale requests”", "ran: applied").
    /// </summary>
    public static (string Who, string What) Describe(AuditEventDto change)
    {
        if (change.EntityType == "automation_rule")
        {
            var (rule, outcome) = (After(change, "rule"), After(change, "outcome"));
            var what = change.Action == "automation_stopped" ? $"did not run: {Without(outcome, "stopped: ")}" : $"ran: {outcome}";
            return ($"Automation rule “{rule}”", what);
        }
        if (change.EntityType == "outgoing_mail")
            return ("Email delivery", $"failed to {After(change, "recipients")}: {After(change, "error")}");
        if (change.Action == "created") return (change.ActorName, "created the ticket");
        var fields = change.Changes.ValueKind == JsonValueKind.Object
            ? change.Changes.EnumerateObject().Select(f => $"{f.Name}: {Show(f.Value.GetProperty("before"))} → {Show(f.Value.GetProperty("after"))}")
            : [];
        return (change.ActorName, $"changed {string.Join("; ", fields)}");
    }

    private static string After(AuditEventDto change, string field) =>
        change.Changes.ValueKind == JsonValueKind.Object && change.Changes.TryGetProperty(field, out var value)
            && value.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.String
            ? after.GetString()! : "";

    private static string Without(string text, string prefix) => text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;

    private static string Show(JsonElement value) => value.ValueKind is JsonValueKind.Null ? "none" : value.ToString();
}
