using Microsoft.Extensions.Options;
using Rapport.Features.Customers;

namespace Rapport.Features.Email.Templates;

/// <summary>Section "Rapport:MailTemplates": the language mails fall back to, and where links in mails point.</summary>
public sealed class MailTemplateOptions
{
    public const string Section = "Rapport:MailTemplates";

    /// <summary>The language for recipients whose own language has no template (a BCP 47 tag); English comes after it.</summary>
    public string DefaultLanguage { get; set; } = MailLanguages.English;

    /// <summary>The address people reach Rapport at, for links in mails ({{ticket.url}}): https://help.example.com.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";
}

internal sealed class MailTemplateOptionsValidator : IValidateOptions<MailTemplateOptions>
{
    public ValidateOptionsResult Validate(string? name, MailTemplateOptions options)
    {
        var failures = new List<string>();
        if (LanguageTag.Normalise(options.DefaultLanguage ?? "") is null)
            failures.Add($"{MailTemplateOptions.Section}:DefaultLanguage (Rapport__MailTemplates__DefaultLanguage) is '{options.DefaultLanguage}'; use a language tag such as en or de.");
        if (!Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            failures.Add($"{MailTemplateOptions.Section}:PublicUrl (Rapport__MailTemplates__PublicUrl) is '{options.PublicUrl}'; use the address people open Rapport at, such as https://help.example.com.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
