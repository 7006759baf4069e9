namespace Rapport.Mime.Tests;

/// <summary>Hand-written messages (corpus/handwritten) covering transfer encodings, charsets,
/// parameters, addresses and MIME structures, each with the outcome a mail client would show.</summary>
public class StructureTests
{
    [Fact]
    public void TransferEncodings_AllDecode_AndPreambleAndEpilogueAreHidden()
    {
        var message = Corpus.Handwritten("transfer-encodings");

        Assert.Empty(message.Defects);
        Assert.Equal("Café crème, 1 + 1 = 2, and a soft break; lower-case escape é.", Corpus.Lf(message.TextBody)!.TrimEnd());
        Assert.Equal(["b64.txt", "eight.txt", "seven.bin"], message.Attachments.Select(a => a.FileName));
        Assert.Equal("Grüße in base64", message.Attachments[0].Entity.GetText());
        Assert.Equal("Ünïcödé in 8bit", message.Attachments[1].Entity.GetText());
        Assert.Equal("plain seven-bit bytes"u8.ToArray(), message.Attachments[2].GetBytes());
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.FromHours(1)), message.Date);
    }

    [Fact]
    public void BinaryPart_KeepsEveryByte()
    {
        var message = Corpus.Handwritten("binary-part");

        var file = Assert.Single(message.Attachments);
        var expected = Enumerable.Range(1, 255).Select(b => (byte)b).Where(b => b is not ((byte)'\r' or (byte)'\n')).ToArray();
        Assert.Equal(expected, file.GetBytes());
        Assert.Equal(TransferEncoding.Binary, file.Entity.TransferEncoding);
        Assert.Equal("raw.bin", file.FileName);
    }

    [Fact]
    public void EncodedWords_DecodeInEveryCharset_AndJoinSplitCharacters()
    {
        var message = Corpus.Handwritten("encoded-words");

        // RFC 2047 §6.2: whitespace between adjacent encoded words goes, even across charsets.
        Assert.Equal("日本語 and żółw and Приветcafé€", message.Subject);
        Assert.Equal(new MailboxAddress("André Pirard", "PIRARD@vm1.ulg.ac.be"), Assert.Single(message.From));
        Assert.Equal([new MailboxAddress("Müller", "mueller@example.de"), new MailboxAddress("Keld Jørn Simonsen", "keld@dkuug.dk")], message.To);
        Assert.Equal(new MailboxAddress("François Dupont", "fd@example.fr"), Assert.Single(message.Cc));
        Assert.Equal(new DateTimeOffset(1969, 2, 13, 23, 32, 54, new TimeSpan(-3, -30, 0)), message.Date);
    }

    [Fact]
    public void Rfc2231_ContinuationsCharsetsAndOddNames()
    {
        var message = Corpus.Handwritten("rfc2231");

        Assert.Empty(message.Defects);
        Assert.Equal("Files attached.", Corpus.Lf(message.TextBody)!.TrimEnd());
        Assert.Equal(["Grüße aus dem Süden.pdf", "unquoted name with spaces.docx", "photo.jpg"], message.Attachments.Select(a => a.FileName));
        Assert.Equal("Отчет.docx", message.Attachments[1].ContentType.Name);
        Assert.Equal("%PDF-1.4"u8.ToArray(), message.Attachments[0].GetBytes());
    }

    [Fact]
    public void Addresses_GroupsQuotesCommentsRoutesAndUnquotedCommas()
    {
        var message = Corpus.Handwritten("addresses");

        Assert.Equal(new MailboxAddress("Doe, Jane (Support)", "jane.doe@example.com"), Assert.Single(message.From));
        Assert.Equal(new MailboxAddress(null, "list-bounces@lists.example.com"), message.Sender);
        Assert.Equal([new MailboxAddress("Team Inbox", "team@example.com"), new MailboxAddress("backup@example.com")], message.ReplyTo);
        Assert.Equal([
            new MailboxAddress(null, "alice@example.com"),
            new MailboxAddress("Bob \"The Builder\"", "bob@example.com"),
            new MailboxAddress("Doe, John", "john@example.com"),
        ], message.To);
        Assert.Equal([
            new MailboxAddress(null, "carol@example.com"),
            new MailboxAddress("Dave Smith", "dave@example.com"),
            new MailboxAddress("Eve", "eve@example.com"),
        ], message.Cc);
        Assert.Empty(message.Bcc);
        var groups = AddressParser.ParseGroups(message.Headers["To"]);
        Assert.Equal("A Group", groups.Single(g => g.Name is not null).Name);
    }

    [Fact]
    public void HtmlWithoutCharset_UsesItsMetaHttpEquiv()
    {
        var message = Corpus.Handwritten("html-meta-charset");

        Assert.Equal("Привет", message.TextBody!.Trim());
        Assert.Contains("<body>Привет</body>", message.HtmlBody);
    }

    [Fact]
    public void HtmlWithoutCharset_UsesItsMetaCharset()
    {
        var message = Corpus.Handwritten("html-meta-charset5");

        Assert.Null(message.TextBody);
        Assert.Contains("<body>Żółw</body>", message.HtmlBody);
    }

    [Fact]
    public void GmailShape_MixedAlternativeRelated_GivesBodiesInlineImageAndFile()
    {
        var message = Corpus.Handwritten("gmail-style");

        Assert.Empty(message.Defects);
        Assert.StartsWith("Here is the photo:", message.TextBody);
        Assert.Contains("<img src=\"cid:ii_abc123\" alt=\"part.png\">", message.HtmlBody);
        Assert.Equal(2, message.Attachments.Count);
        var image = message.Attachments[0];
        Assert.True(image.IsInline);
        Assert.Equal("ii_abc123", image.ContentId);
        Assert.Equal("image/png", image.ContentType.MimeType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image.GetBytes()[..4]);
        var pdf = message.Attachments[1];
        Assert.False(pdf.IsInline);
        Assert.Equal("invoice.pdf", pdf.FileName);
        Assert.Equal("1.2.2", image.Entity.PartPath);
        Assert.Same(image, message.FindByContentId("cid:ii_abc123"));
        Assert.Same(image, message.FindByContentId("<ii_abc123>"));
        Assert.Null(message.FindByContentId("cid:missing"));
    }

    [Fact]
    public void Signed_TextFromTheFirstPart_SignatureKeptAsAttachment()
    {
        var message = Corpus.Handwritten("signed");

        Assert.Equal("Signed text.", message.TextBody!.Trim());
        var signature = Assert.Single(message.Attachments);
        Assert.Equal("application/pkcs7-signature", signature.ContentType.MimeType);
        Assert.Equal("smime.p7s", signature.FileName);
        Assert.True(signature.Size > 0);
    }

    [Fact]
    public void Nested40Deep_StopsAtTheDepthLimit_WithADefect()
    {
        var message = Corpus.Handwritten("nested-40");

        Assert.Contains(message.Defects, d => d.Kind == DefectKind.NestingTooDeep);
        var depth = 0;
        for (var entity = message.Body; entity.Children.Count > 0; entity = entity.Children[0]) depth++;
        Assert.Equal(MimeParserOptions.Default.MaxDepth, depth);

        var deeper = MimeParser.Parse(Corpus.Bytes("handwritten", "nested-40"), new MimeParserOptions { MaxDepth = 64 });
        Assert.Equal("Deep inside.", deeper.TextBody!.Trim());
        Assert.DoesNotContain(deeper.Defects, d => d.Kind == DefectKind.NestingTooDeep);
    }
}
