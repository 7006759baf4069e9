using Rapport.Features.Customers;

namespace Rapport.Tests.Customers;

/// <summary>The I/O-free rules behind customer input and search.</summary>
public class CustomerRulesTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("EN-gb", "en-GB")]
    [InlineData("fr-CA", "fr-CA")]
    [InlineData("sr-latn-rs", "sr-Latn-RS")]
    [InlineData("es-419", "es-419")]
    [InlineData("zh-yue-hk", "zh-yue-HK")]
    [InlineData("de-CH-1996", "de-CH-1996")]
    [InlineData("en-US-x-Twain", "en-US-x-twain")]
    [InlineData(" cy ", "cy")]
    public void LanguageTag_AcceptsBcp47Shapes_InConventionalCase(string text, string expected) =>
        Assert.Equal(expected, LanguageTag.Normalise(text));

    [Theory]
    [InlineData("english")]
    [InlineData("en_GB")]
    [InlineData("e")]
    [InlineData("en-")]
    [InlineData("en--GB")]
    [InlineData("en-GB-")]
    [InlineData("123")]
    [InlineData("en GB")]
    [InlineData("en-abcdefghi")]
    public void LanguageTag_RefusesOtherText(string text) => Assert.Null(LanguageTag.Normalise(text));

    [Theory]
    [InlineData("example.org", true)]
    [InlineData("mail.example.co.uk", true)]
    [InlineData("xn--bcher-kva.example", true)]
    [InlineData("a-b.example", true)]
    [InlineData("localhost", false)]
    [InlineData("-a.example", false)]
    [InlineData("a-.example", false)]
    [InlineData("a..example", false)]
    [InlineData("192.168.0.1", false)]
    [InlineData("exa mple.org", false)]
    [InlineData("under_score.org", false)]
    [InlineData("bücher.example", false)]
    public void DomainName_IsAMailDomain(string domain, bool valid) => Assert.Equal(valid, DomainName.IsValid(domain));

    [Fact]
    public void PrefixSearch_SpellsLeadingLettersInEveryCase_UpToALimit()
    {
        var (spellings, covered) = PrefixSearch.Spellings("jo");
        Assert.Equal(["JO", "Jo", "jO", "jo"], spellings.Order(StringComparer.Ordinal));
        Assert.Equal(2, covered);

        (spellings, covered) = PrefixSearch.Spellings("o'brien");
        Assert.Equal(16, spellings.Count);
        Assert.Equal("o'bri".Length, covered);

        (spellings, covered) = PrefixSearch.Spellings("123 4");
        Assert.Equal(["123 4"], spellings);
        Assert.Equal(5, covered);
    }

    [Theory]
    [InlineData("jo", "jp")]
    [InlineData("z", "{")]
    [InlineData("a\U0010FFFF", "b")]
    [InlineData("\uD7FF", "\uE000")]
    [InlineData("x\U0001F600", "x\U0001F601")]
    public void PrefixSearch_Next_IsTheLeastStringAfterEveryExtension(string prefix, string next) =>
        Assert.Equal(next, PrefixSearch.Next(prefix));

    [Fact]
    public void PrefixSearch_Next_OfTheLastCodePoint_IsNone() => Assert.Null(PrefixSearch.Next("\U0010FFFF"));
}
