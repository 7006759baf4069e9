using Rapport.Infrastructure.Text;

namespace Rapport.Tests.Text;

/// <summary>The pure placeholder renderer behind mail templates and canned replies: values, sections, escaping and what it refuses.</summary>
public class PlaceholderTemplateTests
{
    internal static readonly PlaceholderVocabulary Vocabulary = new(
    [
        new("ticket.number", "The number"),
        new("ticket.subject", "The subject"),
        new("customer.name", "The name"),
        new("service.name", "The service"),
        new("service.response_time", "The promise"),
        new("reply.text", "The reply"),
        new("reply.html", "The reply as HTML", IsHtml: true),
    ]);

    internal static PlaceholderTemplate Parse(string source, bool html = false)
    {
        Assert.True(PlaceholderTemplate.TryParse(source, Vocabulary, html, out var template, out var problems), string.Join(" ", problems));
        return template;
    }

    internal static IReadOnlyList<string> Problems(string source, bool html = false)
    {
        Assert.False(PlaceholderTemplate.TryParse(source, Vocabulary, html, out _, out var problems));
        return problems;
    }

    private static PlaceholderValues Values(params (string Name, string? Value)[] values)
    {
        var result = new PlaceholderValues(Vocabulary);
        foreach (var (name, value) in values) result.Set(name, value);
        return result;
    }

    [Fact]
    public void Placeholders_AreReplacedByTheirValues_WithSpacesInsideTheBracesAllowed() =>
        Assert.Equal("Ticket #42: Boiler", Parse("Ticket #{{ticket.number}}: {{ ticket.subject }}").Render(Values(("ticket.number", "42"), ("ticket.subject", "Boiler"))));

    [Fact]
    public void AMissingValue_RendersAsNothing() =>
        Assert.Equal("Dear ,", Parse("Dear {{customer.name}},").Render(Values()));

    [Fact]
    public void ATextTemplate_LeavesMarkupInValuesAlone() =>
        Assert.Equal("Re: <b>&'\"", Parse("Re: {{ticket.subject}}").Render(Values(("ticket.subject", "<b>&'\""))));

    [Fact]
    public void AnHtmlTemplate_EscapesEveryValue() =>
        Assert.Equal("<p title=\"&lt;script&gt;&amp;&quot;&#39;\">&lt;script&gt;&amp;&quot;&#39;</p>",
            Parse("<p title=\"{{ticket.subject}}\">{{ticket.subject}}</p>", html: true).Render(Values(("ticket.subject", "<script>&\"'"))));

    [Fact]
    public void AnHtmlTemplate_KeepsNonAsciiTextAsItIs() =>
        Assert.Equal("<p>Grüße, Zoë 👋</p>", Parse("<p>{{customer.name}}</p>", html: true).Render(Values(("customer.name", "Grüße, Zoë 👋"))));

    [Fact]
    public void AnHtmlPlaceholder_IsInsertedUnescaped_InAnHtmlTemplate() =>
        Assert.Equal("<div><p>Hello <b>there</b></p></div>",
            Parse("<div>{{reply.html}}</div>", html: true).Render(Values(("reply.html", "<p>Hello <b>there</b></p>"))));

    [Fact]
    public void AnHtmlPlaceholder_IsRefused_InATextTemplate() =>
        Assert.Equal(["{{reply.html}} is HTML and can only be used in the HTML body."], Problems("Reply: {{reply.html}}"));

    [Fact]
    public void ValuesAreNeverEvaluated_EvenWhenTheyLookLikePlaceholders() =>
        Assert.Equal("{{ticket.number}} {{#service}}x{{/service}}",
            Parse("{{ticket.subject}}").Render(Values(("ticket.subject", "{{ticket.number}} {{#service}}x{{/service}}"), ("ticket.number", "42"))));

    [Theory]
    [InlineData("Boiler repair", "", "Service: Boiler repair.")]
    [InlineData(null, null, "No service.")]
    [InlineData(null, "4 working hours", "Service: .")]
    public void AGroupSection_IsShownWhenAnyOfItsValuesIsThere(string? service, string? promise, string expected) =>
        Assert.Equal(expected, Parse("{{#service}}Service: {{service.name}}.{{/service}}{{^service}}No service.{{/service}}")
            .Render(Values(("service.name", service), ("service.response_time", promise))));

    [Theory]
    [InlineData("4 working hours", "We aim to answer within 4 working hours.")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void AValueSection_IsShownOnlyWhenTheValueIsNotEmpty(string? promise, string expected) =>
        Assert.Equal(expected, Parse("{{#service.response_time}}We aim to answer within {{service.response_time}}.{{/service.response_time}}")
            .Render(Values(("service.response_time", promise))));

    [Fact]
    public void Sections_Nest() =>
        Assert.Equal("[A(B)]", Parse("[{{#service}}A{{#service.response_time}}({{service.response_time}}){{/service.response_time}}{{^customer}}-{{/customer}}{{/service}}]")
            .Render(Values(("service.name", "A"), ("service.response_time", "B"), ("customer.name", "C"))));

    [Fact]
    public void AHiddenOuterSection_HidesWhatItHolds() =>
        Assert.Equal("[]", Parse("[{{#service}}{{#ticket}}{{ticket.number}}{{/ticket}}{{/service}}]").Render(Values(("ticket.number", "1"))));

    [Fact]
    public void SingleBracesAndStrayClosingBraces_AreText() =>
        Assert.Equal("{ a } }} {x} 42", Parse("{ a } }} {x} {{ticket.number}}").Render(Values(("ticket.number", "42"))));

    [Fact]
    public void AnUnknownPlaceholder_IsNamed() =>
        Assert.Equal(["Unknown placeholder {{ticket.numbr}}.", "Unknown placeholder {{agent.name}}."],
            Problems("{{ticket.numbr}} and {{#agent.name}}{{/agent.name}}"));

    [Fact]
    public void AnUnclosedSection_IsNamed() =>
        Assert.Equal(["Section {{#service}} is not closed with {{/service}}."], Problems("{{#service}}Within {{service.response_time}}"));

    [Fact]
    public void AClosingTagWithoutItsSection_IsNamed() =>
        Assert.Equal(["{{/service}} closes no section."], Problems("Hello{{/service}}"));

    [Fact]
    public void SectionsMustCloseInOrder() =>
        Assert.Contains("{{/service}} does not match the open section {{#ticket}}: close {{/ticket}} first.",
            Problems("{{#service}}{{#ticket}}x{{/service}}{{/ticket}}"));

    [Fact]
    public void AnUnclosedPlaceholder_IsNamedByWhereItStarts() =>
        Assert.Equal(["\"{{\" at character 7 is not closed with \"}}\"."], Problems("Hello {{customer.name"));

    [Theory]
    [InlineData("{{}}")]
    [InlineData("{{ }}")]
    [InlineData("{{customer name}}")]
    [InlineData("{{Customer.Name}}")]
    [InlineData("{{customer..name}}")]
    [InlineData("{{customer.}}")]
    [InlineData("{{#}}")]
    [InlineData("{{<b>}}")]
    public void MalformedNames_AreRefused(string source) =>
        Assert.Equal([$"\"{source}\" is not a placeholder: names look like {{{{ticket.number}}}}."], Problems(source));

    [Fact]
    public void TripleBraces_AreNotAnUnescapedForm() =>
        Assert.Contains("\"{{{ticket.subject}}\" is not a placeholder: names look like {{ticket.number}}.", Problems("{{{ticket.subject}}}", html: true));

    [Fact]
    public void AGroup_IsNotAValue() =>
        Assert.Equal(["{{service}} is a group, not a value: use a section {{#service}}…{{/service}} or a value such as {{service.name}}."], Problems("{{service}}"));

    [Fact]
    public void EveryProblem_IsReported_NotOnlyTheFirst() =>
        Assert.Equal(3, Problems("{{a.b}} {{c.d}} {{#service}}").Count);

    [Fact]
    public void Names_ListsWhatTheTemplateUses() =>
        Assert.Equal(["service", "service.name", "ticket.number"], Parse("{{#service}}{{service.name}}{{/service}} {{ticket.number}} {{service.name}}").Names);

    [Fact]
    public void ValuesForAnotherVocabulary_AreRefused() =>
        Assert.Throws<ArgumentException>(() => Parse("x").Render(new PlaceholderValues(new PlaceholderVocabulary([new("a.b", "")]))));

    [Fact]
    public void Rendering_AllocatesLittleMoreThanTheText()
    {
        var template = Parse("<p>Dear {{customer.name}},</p><p>We received your request <b>{{ticket.subject}}</b> (#{{ticket.number}}).</p>"
            + "{{#service.response_time}}<p>We aim to answer within {{service.response_time}}.</p>{{/service.response_time}}", html: true);
        var values = Values(("customer.name", "Ann & Bo"), ("ticket.subject", "Broken <boiler>"), ("ticket.number", "1042"), ("service.response_time", "4 working hours"));
        var expected = template.Render(values);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) template.Render(values);
        var perRender = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
        // The result string itself (two bytes a character and a header), and nothing much besides.
        Assert.True(perRender < expected.Length * 2 + 100, $"{perRender} bytes a render for {expected.Length} characters");
    }
}
