using System.Net;
using FsCheck;
using FsCheck.Fluent;
using Rapport.Infrastructure.Text;

namespace Rapport.Tests.Text;

/// <summary>Whatever the values and whatever an admin types, the renderer neither throws nor lets a value become markup.</summary>
public class PlaceholderTemplatePropertyTests
{
    private static readonly Gen<string?> Hostile =
        Gen.OneOf(
            Gen.Constant<string?>(null),
            Gen.ArrayOf(Gen.Elements('<', '>', '&', '"', '\'', '{', '}', '#', '/', '^', ' ', 'a', 'é', '\n', ';', '='))
                .Select(chars => (string?)new string(chars)),
            Gen.Elements<string?>("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{ticket.number}}", "{{#service}}", "&lt;", "&#39;", "'; --"),
            ArbMap.Default.GeneratorFor<string>().Select(s => (string?)s));

    private const string Markup = "<b title=\"{{ticket.subject}}\">{{ticket.subject}}</b>{{#customer}}<i>{{customer.name}}</i>{{/customer}}{{^customer}}<u></u>{{/customer}}";

    [Fact]
    public void HostileValues_NeverProduceUnescapedMarkup_AndNeverThrow()
    {
        var template = PlaceholderTemplateTests.Parse(Markup, html: true);
        Prop.ForAll(Hostile.ToArbitrary(), Hostile.ToArbitrary(), (subject, name) =>
        {
            var values = new PlaceholderValues(PlaceholderTemplateTests.Vocabulary).Set("ticket.subject", subject).Set("customer.name", name);
            var html = template.Render(values);
            var shown = string.IsNullOrEmpty(name) ? "<u></u>" : $"<i>{name}</i>";
            // Only the template's own tags and quotes are markup; what is left once they are taken out holds none.
            var rest = html.Replace("<b title=\"", "").Replace("\">", "").Replace("</b>", "").Replace("<i>", "").Replace("</i>", "").Replace("<u></u>", "");
            return html.Count(c => c == '<') == 4
                && rest.IndexOfAny(['<', '>', '"', '\'']) < 0
                && WebUtility.HtmlDecode(html) == $"<b title=\"{subject}\">{subject}</b>{shown}";
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Fact]
    public void AnyTemplateText_EitherParsesOrSaysWhatIsWrong_WithoutThrowing()
    {
        var pieces = Gen.Elements("{{", "}}", "{", "}", "#", "^", "/", " ", "ticket.number", "service", "customer.name", "reply.html", "x", ".", "\n");
        var sources = Gen.ArrayOf(pieces).Select(p => string.Concat(p));
        Prop.ForAll(Gen.OneOf(sources, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (source, html) =>
        {
            var parsed = PlaceholderTemplate.TryParse(source, PlaceholderTemplateTests.Vocabulary, html, out var template, out var problems);
            if (!parsed) return problems.Count > 0;
            var values = new PlaceholderValues(PlaceholderTemplateTests.Vocabulary).Set("ticket.number", "1").Set("service.name", "<s>");
            return problems.Count == 0 && template.Render(values) is not null;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }
}
