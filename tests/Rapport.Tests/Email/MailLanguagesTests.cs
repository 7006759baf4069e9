using Rapport.Features.Email.Templates;
using Rapport.Infrastructure.Problems;

namespace Rapport.Tests.Email;

/// <summary>Which language a mail is written in: the recipient's, shorter forms of it, the default, then English; and promised times in words.</summary>
public class MailLanguagesTests
{
    [Theory]
    [InlineData("de-AT", "en", "de-AT,de,en")]
    [InlineData("DE-at", "en", "de-AT,de,en")]
    [InlineData(null, "en", "en")]
    [InlineData("", "de", "de,en")]
    [InlineData("fr-CA", "de-CH", "fr-CA,fr,de-CH,de,en")]
    [InlineData("zh-Hant-TW", "en", "zh-Hant-TW,zh-Hant,zh,en")]
    [InlineData("de-u-co-phonebk", "en", "de,en")]
    [InlineData("x-klingon", "en", "en")]
    [InlineData("english!", "de", "de,en")]
    [InlineData("en-GB", "de", "en-GB,en,de")]
    [InlineData("de", "de", "de,en")]
    public void Candidates_RunFromTheRecipientsLanguage_ThroughTheDefault_ToEnglish(string? wanted, string defaultLanguage, string expected) =>
        Assert.Equal(expected.Split(','), MailLanguages.Candidates(wanted, defaultLanguage));

    [Theory]
    [InlineData(240, true, "en", "4 working hours")]
    [InlineData(30, true, "en-GB", "30 working minutes")]
    [InlineData(2880, false, "fr", "2 days")]
    [InlineData(240, true, "de", "4 Arbeitsstunden")]
    [InlineData(60, true, "de-AT", "1 Arbeitsstunde")]
    [InlineData(30, true, "de", "30 Arbeitsminuten")]
    [InlineData(1, true, "de", "1 Arbeitsminute")]
    [InlineData(90, true, "de", "1 Stunde und 30 Minuten Arbeitszeit")]
    [InlineData(2880, false, "de", "2 Tagen")]
    [InlineData(1500, false, "de", "1 Tag und 1 Stunde")]
    [InlineData(1561, false, "de", "1 Tag, 2 Stunden und 1 Minute")]
    public void ResponseTimes_AreToldInTheMailsLanguage(int minutes, bool working, string language, string expected) =>
        Assert.Equal(expected, ResponseTimeText.For(minutes, working, language));

    [Theory]
    [InlineData("en", "https://help.example.com", true)]
    [InlineData("de-AT", "http://localhost:5000/", true)]
    [InlineData("german", "https://help.example.com", false)]
    [InlineData("en", "help.example.com", false)]
    [InlineData("en", "ftp://help.example.com", false)]
    public void TheOptions_NeedALanguageTagAndAWebAddress(string language, string url, bool valid) =>
        Assert.Equal(valid, new MailTemplateOptionsValidator().Validate(null, new MailTemplateOptions { DefaultLanguage = language, PublicUrl = url }).Succeeded);

    [Fact]
    public void EveryMail_HasABuiltInTextInEnglishAndGerman_ThatUsesOnlyItsOwnPlaceholders()
    {
        foreach (var kind in MailTemplateKinds.All)
        foreach (var language in DefaultMailTemplates.Languages)
        {
            var text = DefaultMailTemplates.Find(kind.Key, language);
            Assert.NotNull(text);
            var check = new Validator();
            Assert.True(MailTemplateInput.Parse(kind, text.Subject, text.TextBody, text.HtmlBody, check) is not null,
                $"{kind.Key}/{language}: {string.Join(" ", check.ToError().Errors.SelectMany(e => e.Value))}");
        }
    }
}
