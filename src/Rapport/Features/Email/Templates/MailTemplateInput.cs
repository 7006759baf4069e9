using Rapport.Infrastructure.Problems;
using Rapport.Infrastructure.Text;

namespace Rapport.Features.Email.Templates;

/// <summary>A mail template as an admin writes it: subject, plain-text body and HTML body, with placeholders.</summary>
public sealed record MailTemplateRequest(string? Subject, string? TextBody, string? HtmlBody);

/// <summary>A template's three parts parsed for one kind of mail, ready to render.</summary>
public sealed record ParsedMailTemplate(PlaceholderTemplate Subject, PlaceholderTemplate Text, PlaceholderTemplate Html);

/// <summary>Checks a template: each part must be there, fit, and use only the kind's placeholders in well-formed sections.</summary>
internal static class MailTemplateInput
{
    public static Validator Check(MailTemplateKind kind, MailTemplateRequest request, Validator check)
    {
        check.Required("subject", request.Subject, MailTemplateLimits.SubjectLength)
            .Required("textBody", request.TextBody, MailTemplateLimits.BodyLength, multiline: true)
            .Required("htmlBody", request.HtmlBody, MailTemplateLimits.BodyLength, multiline: true);
        if (!check.IsValid) return check;
        Parse(kind, request.Subject!, request.TextBody!, request.HtmlBody!, check);
        return check;
    }

    /// <summary>The parsed parts, or null with each problem filed under its field.</summary>
    public static ParsedMailTemplate? Parse(MailTemplateKind kind, string subject, string textBody, string htmlBody, Validator check)
    {
        var parsedSubject = Part("subject", subject, kind, isHtml: false, check);
        var parsedText = Part("textBody", textBody, kind, isHtml: false, check);
        var parsedHtml = Part("htmlBody", htmlBody, kind, isHtml: true, check);
        return parsedSubject is null || parsedText is null || parsedHtml is null ? null : new ParsedMailTemplate(parsedSubject, parsedText, parsedHtml);
    }

    private static PlaceholderTemplate? Part(string field, string source, MailTemplateKind kind, bool isHtml, Validator check)
    {
        if (PlaceholderTemplate.TryParse(source, kind.Vocabulary, isHtml, out var template, out var problems)) return template;
        foreach (var problem in problems) check.Add(field, problem);
        return null;
    }
}
