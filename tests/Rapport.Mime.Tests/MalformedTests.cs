namespace Rapport.Mime.Tests;

/// <summary>Broken messages parse to what a mail client would still show, with the defects named.</summary>
public class MalformedTests
{
    [Fact]
    public void NoClosingBoundary_KeepsEveryPart()
    {
        var message = Corpus.Handwritten("no-closing-boundary");

        Assert.Equal("First part.", message.TextBody!.Trim());
        var file = Assert.Single(message.Attachments);
        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 5 }, file.GetBytes());
        Assert.Contains(message.Defects, d => d.Kind == DefectKind.UnclosedBoundary);
    }

    [Fact]
    public void BoundaryNeverUsed_BodyIsKeptAsText()
    {
        var message = Corpus.Handwritten("missing-boundary");

        Assert.Equal("Just text, the boundary is never used.", message.TextBody!.Trim());
        Assert.Contains(message.Defects, d => d.Kind == DefectKind.MissingBoundary);
    }

    [Fact]
    public void BadBase64_SkipsJunk_DecodesTheRest()
    {
        var message = Corpus.Handwritten("bad-base64");

        Assert.Equal("Hello world", message.TextBody);
        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 5 }, Assert.Single(message.Attachments).GetBytes()[..6]);
        Assert.Contains(message.Defects, d => d is { Kind: DefectKind.InvalidBase64, Where: "part 2" });
    }

    [Fact]
    public void UnknownCharset_FallsBackToUtf8ThenLatin1()
    {
        var message = Corpus.Handwritten("unknown-charset");

        Assert.Equal("café", message.Subject);
        Assert.Equal("café in UTF-8", message.TextBody!.Trim());
        Assert.Equal("café in Latin-1 labelled ASCII", message.Attachments.Single().Entity.GetText().Trim());
        Assert.Contains(message.Defects, d => d.Kind == DefectKind.UnknownCharset);
    }

    [Fact]
    public void BareLineFeeds_ParseLikeCrlf()
    {
        var message = Corpus.Handwritten("bare-lf");

        Assert.Equal("Unix line ends", message.Subject);
        Assert.Equal("Line one continued\nLine two", message.TextBody);
        Assert.Equal("<p>HTML</p>", message.HtmlBody);
        Assert.Contains(message.Defects, d => d.Kind == DefectKind.BareLineFeed);
    }

    [Fact]
    public void EightBitHeaders_ReadAsUtf8_ElseLatin1()
    {
        var message = Corpus.Handwritten("eight-bit-headers");

        Assert.Equal("Réunion à Zürich", message.Subject);
        Assert.Equal(new MailboxAddress("André Müller", "andre@example.com"), message.From.Single());
        Assert.Equal(new MailboxAddress("Jürgen", "juergen@example.com"), message.To.Single());
        Assert.Contains(message.Defects, d => d is { Kind: DefectKind.EightBitHeader, Where: "message Subject" });
        Assert.DoesNotContain(message.Defects, d => d.Where == "message To");
    }

    [Fact]
    public void HeaderWithoutColon_StartsTheBody()
    {
        var message = Corpus.Handwritten("header-without-colon");

        Assert.Equal("A header line without a colon", message.Subject);
        Assert.Equal("This line has no colon and starts the body\nSecond body line.\n", Corpus.Lf(message.TextBody));
        Assert.Contains(message.Defects, d => d.Kind == DefectKind.MissingHeaderBodySeparator);
    }

    [Fact]
    public void DuplicateBoundaries_StillYieldTheTextAndTheFile()
    {
        var message = Corpus.Handwritten("duplicate-boundaries");

        Assert.Contains(message.Defects, d => d.Kind == DefectKind.DuplicateBoundary);
        Assert.Equal("Plain text.", message.TextBody!.Trim());
        Assert.Contains(message.Attachments, a => a.FileName == "doc.pdf");
    }

    [Fact]
    public void GarbageDate_IsNull_WithADefect_AndABareMessageIdIsRead()
    {
        var message = Corpus.Handwritten("bad-date");

        Assert.Null(message.Date);
        Assert.Contains(message.Defects, d => d is { Kind: DefectKind.InvalidDate, Where: "header Date" });
        Assert.Equal("no-brackets@example.com", message.MessageId);
    }

    [Fact]
    public void Empty_And_HeadersOnly_And_Junk_ParseWithoutThrowing()
    {
        Assert.Null(MimeParser.Parse(ReadOnlyMemory<byte>.Empty).Subject);
        Assert.Equal("x", MimeParser.Parse("Subject: x"u8.ToArray()).Subject);
        var junk = MimeParser.Parse(new byte[] { 0, 255, 10, 13, 58, 58, 45, 45 });
        Assert.NotNull(junk.Body);
    }

    [Fact]
    public void Latin1LabelledUtf8_ReadsAsLatin1_AndANamedInlineTextIsAFile()
    {
        var message = Corpus.Handwritten("mislabelled-utf8");

        Assert.Equal("Grüße aus Köln", message.TextBody!.Trim());
        Assert.Contains(message.Defects, d => d is { Kind: DefectKind.InvalidCharsetData, Where: "part 1" });
        Assert.Equal("notes.txt", Assert.Single(message.Attachments).FileName);
    }
}
