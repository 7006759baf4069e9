using System.Text;

namespace Rapport.Mime.Tests;

/// <summary>The header-level readers on their own: dates in every form seen in the wild, encoded
/// words, parameters, message ids and addresses.</summary>
public class HeaderFieldTests
{
    [Theory]
    [InlineData("Fri, 01 Mar 2024 10:15:30 +0000", "2024-03-01T10:15:30+00:00")]
    [InlineData("Fri, 1 Mar 2024 10:15:30 -0500", "2024-03-01T10:15:30-05:00")]
    [InlineData("1 Mar 2024 10:15:30 +0100", "2024-03-01T10:15:30+01:00")]
    [InlineData("Fri, 01 Mar 2024 10:15 +0000", "2024-03-01T10:15:00+00:00")]
    [InlineData("Fri, 01 Mar 24 10:15:30 GMT", "2024-03-01T10:15:30+00:00")]
    [InlineData("Mon, 13 Feb 97 23:32:54 EST", "1997-02-13T23:32:54-05:00")]
    [InlineData("Mon, 13 Feb 097 23:32:54 PDT", "1997-02-13T23:32:54-07:00")]
    [InlineData("Fri,  1   Mar  2024   10:15:30   UT", "2024-03-01T10:15:30+00:00")]
    [InlineData("Fri, 01 Mar 2024 10:15:30 +0000 (UTC)", "2024-03-01T10:15:30+00:00")]
    [InlineData("Fri, 01 Mar 2024 10:15:30 Z", "2024-03-01T10:15:30+00:00")]
    [InlineData("Fri, 01 Mar 2024 10:15:30", "2024-03-01T10:15:30+00:00")]
    [InlineData("Fri, 01 Mar 2024 10:15:60 +0000", "2024-03-01T10:15:59+00:00")]
    [InlineData("Friday, March 1, 2024 10:15:30 AM +0200", "2024-03-01T10:15:30+02:00")]
    [InlineData("Fri Mar  1 10:15:30 2024", "2024-03-01T10:15:30+00:00")]
    [InlineData("2024-03-01T10:15:30+02:00", "2024-03-01T10:15:30+02:00")]
    [InlineData("01-Mar-2024 10:15:30 +0000", "2024-03-01T10:15:30+00:00")]
    [InlineData("Fri, 01 Mar 2024 22:15:30 +05:30", "2024-03-01T22:15:30+05:30")]
    [InlineData("Fri, 01 Mar 2024 10:15:30 CEST", "2024-03-01T10:15:30+02:00")]
    [InlineData("Fri, 01 Mar 2024 10:15:30 GMT+0100", "2024-03-01T10:15:30+01:00")]
    [InlineData("Fri, 01 Mar 2024 10:15:30 +0100 (GMT Standard Time)", "2024-03-01T10:15:30+01:00")]
    public void Date_ReadsRealWorldForms(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), DateParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Fri, 31 Feb 2024 10:15:30 +0000")]
    [InlineData("Fri, 01 Foo 2024 10:15:30 +0000")]
    [InlineData("32 Mar 2024")]
    [InlineData("Fri, 01 Mar 2024 25:15:30 +0000")]
    public void Date_Garbage_IsNull(string text) => Assert.Null(DateParser.Parse(text));

    [Theory]
    [InlineData("=?utf-8?q?caf=C3=A9?=", "café")]
    [InlineData("=?UTF-8?B?Y2Fmw6k=?=", "café")]
    [InlineData("=?utf-8?B?Y2Fmw6k?=", "café")]
    [InlineData("=?utf-8*en?Q?hi?=", "hi")]
    [InlineData("a =?utf-8?Q?b?= c", "a b c")]
    [InlineData("=?utf-8?Q?a?=   =?utf-8?Q?b?=", "ab")]
    [InlineData("=?utf-8?Q?a_b?=", "a b")]
    [InlineData("=?utf-8?X?abc?=", "=?utf-8?X?abc?=")]
    [InlineData("=?utf-8?Q?unterminated", "=?utf-8?Q?unterminated")]
    [InlineData("=??Q?x?=", "=??Q?x?=")]
    [InlineData("=?gb2312?B?1tDOxA==?=", "中文")]
    [InlineData("=?big5?B?pKSk5Q==?=", "中文")]
    [InlineData("=?shift_jis?B?k/qWe4zq?=", "日本語")]
    [InlineData("=?euc-kr?B?x9Gx2w==?=", "한글")]
    [InlineData("=?ks_c_5601-1987?B?x9Gx2w==?=", "한글")]
    [InlineData("=?iso-8859-7?Q?=C1=E8=DE=ED=E1?=", "Αθήνα")]
    public void EncodedWords_Decode(string text, string expected) => Assert.Equal(expected, EncodedWords.Decode(text));

    [Fact]
    public void Header_RawKeepsFolding_ValueIsUnfoldedAndDecoded()
    {
        var message = MimeParser.Parse("Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=\r\n and more\r\nX-Empty:\r\n\r\n"u8.ToArray());

        var subject = message.Headers.Get("subject")!;
        Assert.Equal("=?utf-8?Q?Gr=C3=BC=C3=9Fe?=\r\n and more", subject.RawValue);
        Assert.Equal("Grüße and more", subject.Value);
        Assert.Equal("", message.Headers["X-EMPTY"]);
        Assert.Null(message.Headers["Missing"]);
    }

    [Fact]
    public void Headers_GetAll_KeepsOrder()
    {
        var message = MimeParser.Parse("Received: a\r\nReceived: b\r\nreceived: c\r\n\r\n"u8.ToArray());

        Assert.Equal(["a", "b", "c"], message.Headers.GetAll("RECEIVED").Select(h => h.Value));
    }

    [Theory]
    [InlineData("<a@b> <c@d>", new[] { "a@b", "c@d" })]
    [InlineData("<a@b>\r\n\t<c@d>", new[] { "a@b", "c@d" })]
    [InlineData("<a@b>,<c@d>", new[] { "a@b", "c@d" })]
    [InlineData("a@b c@d", new[] { "a@b", "c@d" })]
    [InlineData("<a@b> (Message from Alice of Mon)", new[] { "a@b" })]
    [InlineData("", new string[0])]
    public void MessageIds_ParseList(string text, string[] expected) => Assert.Equal(expected, MessageIds.ParseList(text));

    [Fact]
    public void MessageIds_New_IsBracketedRandomAtDomain()
    {
        var a = MessageIds.New("rapport.test");
        var b = MessageIds.New("rapport.test");
        Assert.Matches("^<[a-z2-7]{26}@rapport\\.test>$", a);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("a@b", null, "a@b")]
    [InlineData("\"Last, First\" <a@b>", "Last, First", "a@b")]
    [InlineData("First Last <a@b>", "First Last", "a@b")]
    [InlineData("a@b (First Last)", "First Last", "a@b")]
    [InlineData("<a@b>", null, "a@b")]
    [InlineData("=?utf-8?Q?J=C3=BCrgen?= <j@b>", "Jürgen", "j@b")]
    [InlineData("\"=?utf-8?Q?J=C3=BCrgen?=\" <j@b>", "Jürgen", "j@b")]
    [InlineData("\"john doe\"@example.com", null, "\"john doe\"@example.com")]
    [InlineData("Jürgen <j@b>", "Jürgen", "j@b")]
    [InlineData("First Last <a@b", "First Last", "a@b")]
    public void Address_Single(string text, string? name, string address) =>
        Assert.Equal(new MailboxAddress(name, address), Assert.Single(AddressParser.Parse(text)));

    [Fact]
    public void ContentType_ParametersAreCaseInsensitive_AndCommentsIgnored()
    {
        var message = MimeParser.Parse("Content-Type: Text/HTML (comment); CharSet=\"ISO-8859-1\"; format=flowed\r\n\r\n<p>\xe9</p>"u8.ToArray());

        Assert.Equal("text/html", message.Body.ContentType.MimeType);
        Assert.Equal("ISO-8859-1", message.Body.ContentType.Charset);
        Assert.Equal("flowed", message.Body.ContentType.Parameters["FORMAT"]);
    }

    [Theory]
    [InlineData("attachment; filename==?utf-8?B?w6kucGRm?=", "é.pdf")]
    [InlineData("attachment; filename=\"=?iso-8859-1?Q?R=E9sum=E9.pdf?=\"", "Résumé.pdf")]
    [InlineData("attachment; filename*=''plain.txt", "plain.txt")]
    [InlineData("attachment; filename=\"a.pdf\"; filename*=utf-8''b%C3%A9.pdf", "bé.pdf")]
    [InlineData("attachment; FileName=\"upper.doc\"", "upper.doc")]
    public void FileName_ReadsEveryWayItIsWritten(string disposition, string expected)
    {
        var message = MimeParser.Parse(Encoding.ASCII.GetBytes($"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\ntext\r\n--b\r\nContent-Disposition: {disposition}\r\n\r\nx\r\n--b--\r\n"));

        Assert.Equal(expected, message.Attachments.Single().FileName);
    }
}
