using System.Globalization;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Templates.Pages;

/// <summary>What the template form posts: the three parts, and for a preview the ticket to fill it from (text, so a wrong number is named).</summary>
public sealed class MailTemplateForm
{
    public string? Subject { get; set; }
    public string? TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public string? TicketNumber { get; set; }
    /// <summary>save (or none, for Enter) or preview.</summary>
    public string? Command { get; set; }

    public bool IsPreview => Command == "preview";

    public static MailTemplateForm From(MailTemplateText text) => new() { Subject = text.Subject, TextBody = text.TextBody, HtmlBody = text.HtmlBody };

    public MailTemplateRequest ToRequest() => new(Subject, TextBody, HtmlBody);

    public MailPreviewRequest ToPreview(Validator check)
    {
        long? number = null;
        if (!string.IsNullOrWhiteSpace(TicketNumber))
        {
            if (long.TryParse(TicketNumber.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) number = parsed;
            else check.Add("ticketNumber", "Must be a ticket number, such as 1042.");
        }
        // Empty parts are previewed as empty, as they would be saved, so the form shows "required" rather than the stored text.
        return new MailPreviewRequest(Subject ?? "", TextBody ?? "", HtmlBody ?? "", number);
    }
}

/// <summary>The list page's form for writing a template in a language that has none yet.</summary>
public sealed class NewLanguageForm
{
    public string? Key { get; set; }
    public string? Language { get; set; }
}
