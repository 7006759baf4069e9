using Microsoft.AspNetCore.WebUtilities;

namespace Rapport.Features.Email.Intake.Pages;

/// <summary>The incoming mail page's tabs, by the status query value: what waits for a person first (and by default).</summary>
internal static class MailTabs
{
    public const string Unprocessable = "unprocessable";
    public const string Ignored = "ignored";
    public const string Processed = "processed";
    public const string Everything = "all";
    public const string Path = "/admin/mail";

    public static IReadOnlyList<string> Tabs { get; } = [Unprocessable, Ignored, Processed, Everything];

    /// <summary>The tab a query value names; none (the default) is unprocessable; an unknown value is null.</summary>
    public static string? Parse(string? status) =>
        string.IsNullOrEmpty(status) ? Unprocessable : Tabs.FirstOrDefault(t => t == status);

    public static InboundMailStatus? StatusOf(string tab) => tab switch
    {
        Unprocessable => InboundMailStatus.Unprocessable,
        Ignored => InboundMailStatus.Ignored,
        Processed => InboundMailStatus.Processed,
        _ => null,
    };

    public static string Label(string tab) => tab switch
    {
        Unprocessable => "Unprocessable",
        Ignored => "Ignored",
        Processed => "Processed",
        _ => "All",
    };

    public static string Empty(string tab) => tab switch
    {
        Unprocessable => "Nothing waits for a person: every received message became a ticket or a reply, or was a delivery report.",
        Ignored => "No delivery failure reports or other ignored mail.",
        Processed => "No message has become a ticket or a reply yet.",
        _ => "No mail has been received yet.",
    };

    public static string StatusLabel(InboundMailStatus status) => status switch
    {
        InboundMailStatus.Received => "Being read",
        InboundMailStatus.Processed => "Processed",
        InboundMailStatus.Ignored => "Ignored",
        InboundMailStatus.Unprocessable => "Unprocessable",
        _ => status.ToString(),
    };

    public static string Via(MailIntakeVia via) => via switch
    {
        MailIntakeVia.Pipe => "by pipe",
        MailIntakeVia.Api => "by the API",
        MailIntakeVia.Folder => "from the drop folder",
        _ => via.ToString(),
    };

    /// <summary>The tab's address; the first tab is the page's own, and a cursor or an action's outcome rides along.</summary>
    public static string Url(string tab, string? cursor = null, string? done = null, long? mail = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = tab == Unprocessable ? null : tab,
            ["cursor"] = cursor,
            ["done"] = done,
            ["mail"] = mail?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(Path, query.Where(q => q.Value is not null));
    }
}
