namespace Rapport.Features.Email.Templates;

/// <summary>A row of the list: one mail in one language, and whether an admin has changed its built-in text.</summary>
public sealed record MailTemplateSummaryDto(string Key, string Title, MailAudience Audience, string Language, bool Overridden, bool HasDefault);

/// <summary>One mail in one language: its text as written, with the placeholders it may use.</summary>
public sealed record MailTemplateDto(
    string Key,
    string Title,
    MailAudience Audience,
    string Description,
    string Language,
    string Subject,
    string TextBody,
    string HtmlBody,
    bool Overridden,
    bool HasDefault,
    DateTimeOffset? UpdatedAt,
    List<PlaceholderDto> Placeholders);

/// <summary>A placeholder: <c>{{name}}</c> in a template. An HTML one may be used only in the HTML body.</summary>
public sealed record PlaceholderDto(string Name, string Description, bool IsHtml);

/// <summary>
/// What to preview: the parts sent replace the stored ones (to see an edit before saving it), and a ticket number the
/// caller may see fills the placeholders from that ticket instead of sample data.
/// </summary>
public sealed record MailPreviewRequest(string? Subject, string? TextBody, string? HtmlBody, long? TicketNumber);

/// <summary>A mail rendered for one recipient: the subject (one line), the plain text and the HTML, and the template's language.</summary>
public sealed record RenderedMail(string Subject, string Text, string Html, string Language);
