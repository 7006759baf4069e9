using Rapport.Features.Knowledge;
using Rapport.Features.Search;

namespace Rapport.Tests.Knowledge;

/// <summary>Rendering articles (pure): Markdown works, raw HTML and dangerous URLs never reach the page.</summary>
public class ArticleMarkdownTests
{
    [Fact]
    public void Markdown_RendersHeadingsListsLinksAndTables()
    {
        var html = ArticleMarkdown.ToHtml("# Refunds\n\n- one\n- **two**\n\n[Terms](/portal/terms) and [site](https://example.com)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        Assert.Contains("<h1>Refunds</h1>", html);
        Assert.Contains("<strong>two</strong>", html);
        Assert.Contains("<a href=\"/portal/terms\">Terms</a>", html);
        Assert.Contains("<a href=\"https://example.com\" rel=\"nofollow noopener\">site</a>", html);
        Assert.Contains("<table>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.test\"></iframe>")]
    public void RawHtml_IsShownAsText(string markdown)
    {
        var html = ArticleMarkdown.ToHtml(markdown);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("<a ", html);
        Assert.Contains("&lt;", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JAVASCRIPT:alert(1))")]
    [InlineData("[click](  javascript:alert(1))")]
    [InlineData("[click](java&#09;script:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](javascript&colon;alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[click](<javascript:alert(1)>)")]
    public void DangerousLinks_LoseTheirUrl_KeepTheirWords(string markdown)
    {
        var html = ArticleMarkdown.ToHtml(markdown);
        // The words may stay as text; no attribute carries the URL.
        Assert.DoesNotContain("href", html);
        Assert.DoesNotContain("src", html);
        Assert.Contains("<p>", html);
    }

    [Theory]
    [InlineData("![pic](javascript:alert(1))")]
    [InlineData("![pic](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")]
    public void DangerousImages_BecomeTheirAltText(string markdown)
    {
        var html = ArticleMarkdown.ToHtml(markdown);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("pic", html);
    }

    [Theory]
    [InlineData("https://example.com/a", true)]
    [InlineData("http://example.com", true)]
    [InlineData("mailto:help@example.com", true)]
    [InlineData("/portal/help", true)]
    [InlineData("../other", true)]
    [InlineData("#anchor", true)]
    [InlineData("page?x=javascript:1", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JavaScript:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("file:///etc/passwd", false)]
    public void SafeUrls_AreHttpHttpsMailtoOrRelative(string url, bool safe) => Assert.Equal(safe, ArticleMarkdown.IsSafeUrl(url));

    [Fact]
    public void ImagesWithSafeUrls_AreKept() =>
        Assert.Contains("<img src=\"/files/a.png\" alt=\"diagram\" />", ArticleMarkdown.ToHtml("![diagram](/files/a.png)"));

    [Theory]
    [InlineData("a \uE000b\uE001 c", "a <mark>b</mark> c")]
    [InlineData("<script>\uE000x\uE001</script>", "&lt;script&gt;<mark>x</mark>&lt;/script&gt;")]
    [InlineData("\uE000open", "<mark>open</mark>")]
    [InlineData("stray\uE001 close", "stray close")]
    [InlineData("\uE000a\uE000b\uE001", "<mark>ab</mark>")]
    [InlineData("", "")]
    public void Snippets_AreEscaped_WithOnlyBalancedMarks(string raw, string html) => Assert.Equal(html, Highlight.ToHtml(raw));
}
