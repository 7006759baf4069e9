namespace Rapport.Features.Email.Templates;

/// <summary>A mail template's three parts, as written (placeholders unrendered).</summary>
public sealed record MailTemplateText(string Subject, string TextBody, string HtmlBody);

/// <summary>
/// The texts Rapport ships with, in English and German. Customer mails keep "[#number]" in the subject so a reply
/// finds its ticket; the HTML is plain (no styles or images) so it reads well in any mail program.
/// </summary>
public static partial class DefaultMailTemplates
{
    private static readonly Dictionary<(string Key, string Language), MailTemplateText> Texts = new()
    {
        [(MailTemplateKinds.Acknowledgement, "en")] = EnglishAcknowledgement,
        [(MailTemplateKinds.AgentReply, "en")] = EnglishReply,
        [(MailTemplateKinds.Assigned, "en")] = EnglishAssigned,
        [(MailTemplateKinds.CustomerReplied, "en")] = EnglishCustomerReplied,
        [(MailTemplateKinds.Mentioned, "en")] = EnglishMentioned,
        [(MailTemplateKinds.Acknowledgement, "de")] = GermanAcknowledgement,
        [(MailTemplateKinds.AgentReply, "de")] = GermanReply,
        [(MailTemplateKinds.Assigned, "de")] = GermanAssigned,
        [(MailTemplateKinds.CustomerReplied, "de")] = GermanCustomerReplied,
        [(MailTemplateKinds.Mentioned, "de")] = GermanMentioned,
    };

    /// <summary>The languages every mail has a built-in text in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "de"];

    public static MailTemplateText? Find(string key, string language) =>
        Texts.GetValueOrDefault((key, language.ToLowerInvariant()));
}
