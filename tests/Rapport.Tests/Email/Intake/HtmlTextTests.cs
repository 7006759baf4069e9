using Rapport.Features.Email.Intake;

namespace Rapport.Tests.Email.Intake;

public class HtmlTextTests
{
    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("<div>One</div><div>Two</div>", "One\nTwo")]
    [InlineData("<div>One</div><div><br></div><div>Two</div>", "One\n\nTwo")]
    [InlineData("One<br>Two<br/>Three", "One\nTwo\nThree")]
    [InlineData("<p>  lots   of\n\t white   space </p>", "lots of white space")]
    [InlineData("Fish &amp; chips &lt;3 &eacute;t&eacute; &#8364;&nbsp;5", "Fish & chips <3 été € 5")]
    [InlineData("<ul><li>One</li><li>Two</li></ul>", "- One\n- Two")]
    [InlineData("<ol><li>One</li><li>Two</li></ol>", "1. One\n2. Two")]
    [InlineData("<ul><li>One<ul><li>Inner</li></ul></li></ul>", "- One\n  - Inner")]
    [InlineData("<a href=\"https://example.com/a\">the page</a>", "the page (https://example.com/a)")]
    [InlineData("<a href=\"https://example.com/\">https://example.com</a>", "https://example.com")]
    [InlineData("<a href=\"https://example.com\">example.com</a>", "example.com")]
    [InlineData("<a href=\"mailto:a@example.com\">a@example.com</a>", "a@example.com")]
    [InlineData("<a href=\"#top\">Top</a>", "Top")]
    [InlineData("<a href=\"https://example.com/x\">here</a>.", "here (https://example.com/x).")]
    [InlineData("<table><tr><td>A</td><td>B</td></tr><tr><td>C</td><td></td><td>D</td></tr></table>", "A | B\nC | D")]
    [InlineData("<script>alert(1)</script><style>p{}</style>Text", "Text")]
    [InlineData("<span style=\"display: none\">hidden</span>Shown", "Shown")]
    [InlineData("<pre>  a\n    b</pre>", "  a\n    b")]
    [InlineData("<blockquote>Quoted<br>twice</blockquote>After", "> Quoted\n> twice\nAfter")]
    [InlineData("<blockquote>One<blockquote>Two</blockquote></blockquote>", "> One\n>> Two")]
    [InlineData("<blockquote><p>One</p><p>Two</p></blockquote>", "> One\n>\n> Two")]
    [InlineData("<img src=\"cid:x\" alt=\"Logo\">", "Logo")]
    [InlineData("<div>Steps:</div><blockquote style=\"margin:0 0 0 40px;border:none;padding:0px\"><div>restart it</div></blockquote>", "Steps:\nrestart it")]
    [InlineData("<blockquote class=\"gmail_quote\" style=\"border:none\">Quoted</blockquote>", "> Quoted")]
    [InlineData("<blockquote type=\"cite\" style=\"border:none\">Quoted</blockquote>", "> Quoted")]
    [InlineData("<h1>Title</h1>Text", "Title\n\nText")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("plain text, no tags", "plain text, no tags")]
    public void Html_BecomesReadableText(string html, string expected) => Assert.Equal(expected, HtmlText.ToText(html));

    [Fact]
    public void Gmail_QuotesTheHistory_AndMarksTheSignature() => Assert.Equal(
        "Hi Bob,\n\nthanks, the printer works again.\n\n--\nAlice Example\nExample Ltd\n\n"
        + "On Mon, 2 Mar 2026 at 10:02, Rapport Support <support@rapport.example> wrote:\n> Hello Alice,\n>\n> please restart the printer.",
        HtmlText.ToText(Samples.Read("gmail.html")));

    [Fact]
    public void OutlookWeb_QuotesEverythingFromTheReplyHeader() => Assert.Equal(
        "The invoice number is 2026-0042.\n\nAlice\n"
        + "> From: Rapport Support <support@rapport.example>\n> Sent: Monday, March 2, 2026 10:02 AM\n> To: Alice Example <alice@example.com>\n> Subject: Invoice [#1042]\n>\n> Hello Alice, which invoice do you mean?",
        HtmlText.ToText(Samples.Read("outlook-web.html")));

    [Fact]
    public void OutlookDesktop_QuotesEverythingFromTheSeparator_AndKeepsItsBlankLines() => Assert.Equal(
        "Hallo Bob,\n\ndie Rechnungsnummer ist 2026-0042.\n\nViele Grüße\nAlice\n\n"
        + "> Von: Rapport Support <support@rapport.example>\n> Gesendet: Montag, 2. März 2026 10:02\n> An: Alice Example <alice@example.com>\n> Betreff: Rechnung [#1042]\n>\n> Hallo Alice, welche Rechnung meinen Sie?",
        HtmlText.ToText(Samples.Read("outlook-desktop.html")));

    [Fact]
    public void AppleMail_QuotesTheCitedBlock() => Assert.Equal(
        "Yes, that fixed it.\n\nAlice\n\n> On 2 Mar 2026, at 10:02, Rapport Support <support@rapport.example> wrote:\n>\n> Please restart the printer.",
        HtmlText.ToText(Samples.Read("apple-mail.html")));

    [Fact]
    public void Thunderbird_QuotesNestedCitations() => Assert.Equal(
        "Thanks, done.\n\nIt printed the test page.\n\n--\nAlice Example\nOn 02/03/2026 10:02, Rapport Support wrote:\n> Please restart the printer.\n>\n>> The printer is offline.",
        HtmlText.ToText(Samples.Read("thunderbird.html")));

    [Fact]
    public void Yahoo_QuotesItsQuotedContainer() => Assert.Equal(
        "Still offline, sorry.\n> On Monday, March 2, 2026, 10:02:14 AM GMT+1, Rapport Support <support@rapport.example> wrote:\n>\n> Please restart the printer.",
        HtmlText.ToText(Samples.Read("yahoo.html")));

    [Fact]
    public void ANewsletter_ReadsAsText() => Assert.Equal(
        "Spring news\n\nWe have three things to tell you & a <surprise>.\n\n"
        + "- New printers\n- Cheaper toner\n- Longer opening hours\n  - Saturdays too\n1. Open the app\n2. Tap \u201cUpdate\u201d\n\n"
        + "Read our blog (https://shop.example/news) or visit https://shop.example/. Write to info@shop.example.\n\n"
        + "Item | Price\nToner | \u20ac 29\nPaper\n  line one\n    line two\n\nShop logo Unsubscribe",
        HtmlText.ToText(Samples.Read("newsletter.html")));

    [Theory]
    [InlineData("gmail.html", "Hi Bob,\n\nthanks, the printer works again.")]
    [InlineData("outlook-web.html", "The invoice number is 2026-0042.\n\nAlice")]
    [InlineData("outlook-desktop.html", "Hallo Bob,\n\ndie Rechnungsnummer ist 2026-0042.\n\nViele Grüße\nAlice")]
    [InlineData("apple-mail.html", "Yes, that fixed it.\n\nAlice")]
    [InlineData("thunderbird.html", "Thanks, done.\n\nIt printed the test page.")]
    [InlineData("yahoo.html", "Still offline, sorry.")]
    public void HtmlOnlyMails_SplitIntoTheNewText(string sample, string newText) =>
        Assert.Equal(newText, ReplyText.Split(null, Samples.Read(sample)).NewText);

    [Fact]
    public void DeepNesting_DoesNotOverflowTheStack()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span>", 3000)) + "deep" + string.Concat(Enumerable.Repeat("</span></div>", 3000));
        Assert.Contains("deep", HtmlText.ToText(html));
    }
}
