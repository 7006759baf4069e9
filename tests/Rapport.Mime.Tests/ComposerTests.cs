using System.Text;

namespace Rapport.Mime.Tests;

/// <summary>What the composer writes: the structure, the header encodings, and wire-safe output.</summary>
public class ComposerTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    internal static OutgoingMessage Full() => new()
    {
        From = new MailboxAddress("Rapport Support — Ünïcode", "support@rapport.test"),
        To = [new MailboxAddress("Doe, Jane", "jane@example.com"), new MailboxAddress("bob@example.com")],
        Cc = [new MailboxAddress("Zoë", "zoe@exämple.de")],
        Bcc = [new MailboxAddress("hidden@example.com")],
        ReplyTo = [new MailboxAddress("Replies", "reply+42@rapport.test")],
        Subject = "Re: [#42] Grüße — " + new string('x', 100) + " and a long tail of words that must fold nicely",
        Date = new DateTimeOffset(2024, 3, 1, 10, 15, 30, TimeSpan.FromHours(1)),
        MessageId = "<reply-42@rapport.test>",
        InReplyTo = "question-42@example.com",
        References = ["first@example.com", "question-42@example.com"],
        Headers = [new("Auto-Submitted", "auto-replied"), new("X-Rapport-Ticket", "42")],
        TextBody = "Hello Jane,\n\nYour order ships today. Grüße!\n" + new string('y', 1200) + "\n",
        HtmlBody = "<p>Hello Jane,</p><p>Your order ships today. Grüße!</p><img src=\"cid:logo@rapport\">",
        Attachments =
        [
            new OutgoingAttachment("logo.png", "image/png", Png) { ContentId = "logo@rapport", Inline = true },
            new OutgoingAttachment("Rechnung März " + new string('ü', 80) + ".pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4")),
        ],
    };

    [Fact]
    public void Output_IsCrlf_SevenBit_AndWithinLineLimits()
    {
        var bytes = Full().ToBytes();

        Assert.All(bytes, b => Assert.True(b < 128, $"byte {b} is not 7-bit"));
        var lines = SplitLines(bytes);
        Assert.All(lines, line => Assert.True(line.Length <= 998));
        // Header lines (every line that is not base64 or quoted-printable content) fold at 78.
        var headerLines = lines.Where(l => l.Contains(':') || l.StartsWith(' ')).ToList();
        Assert.NotEmpty(headerLines);
        Assert.All(headerLines, line => Assert.True(line.Length <= 78, $"header line over 78: {line}"));
    }

    [Fact]
    public void Structure_IsMixedAroundRelatedAroundAlternative()
    {
        var message = MimeParser.Parse(Full().ToBytes());

        Assert.Empty(message.Defects);
        Assert.Equal("multipart/mixed", message.Body.ContentType.MimeType);
        var related = message.Body.Children[0];
        Assert.Equal("multipart/related", related.ContentType.MimeType);
        Assert.Equal("multipart/alternative", related.Children[0].ContentType.MimeType);
        Assert.Equal(["text/plain", "text/html"], related.Children[0].Children.Select(c => c.ContentType.MimeType));
        Assert.Equal("logo@rapport", related.Children[1].ContentId);
        Assert.Equal("application/pdf", message.Body.Children[1].ContentType.MimeType);
    }

    [Fact]
    public void Headers_ParseBack()
    {
        var source = Full();
        var message = MimeParser.Parse(source.ToBytes());

        Assert.Equal(source.Subject, message.Subject);
        Assert.Equal(source.From, message.From.Single());
        Assert.Equal(source.To, message.To);
        Assert.Equal(new MailboxAddress("Zoë", "zoe@xn--exmple-cua.de"), message.Cc.Single());
        Assert.Empty(message.Bcc);
        Assert.Equal(source.ReplyTo, message.ReplyTo);
        Assert.Equal(source.Date, message.Date);
        Assert.Equal("reply-42@rapport.test", message.MessageId);
        Assert.Equal("question-42@example.com", message.InReplyTo);
        Assert.Equal(source.References, message.References);
        Assert.Equal("auto-replied", message.Headers["Auto-Submitted"]);
        Assert.Equal("1.0", message.Headers["MIME-Version"]);
    }

    [Fact]
    public void PlainAsciiText_IsSentAs7bit_OtherwiseQuotedPrintableOrBase64()
    {
        Assert.Equal(TransferEncoding.SevenBit, TextPart("Hello\nWorld\n").TransferEncoding);
        Assert.Equal(TransferEncoding.QuotedPrintable, TextPart("Grüße aus Köln\n").TransferEncoding);
        Assert.Equal(TransferEncoding.QuotedPrintable, TextPart(new string('a', 1500)).TransferEncoding);
        Assert.Equal(TransferEncoding.Base64, TextPart("日本語のテキストです。").TransferEncoding);
    }

    [Fact]
    public void HeaderValues_CannotInjectHeaders()
    {
        var message = MimeParser.Parse(new OutgoingMessage
        {
            From = new MailboxAddress("x@example.com"),
            Subject = "Hi\r\nBcc: victim@example.com",
            TextBody = "x",
        }.ToBytes());

        Assert.Null(message.Headers["Bcc"]);
        Assert.Equal("Hi Bcc: victim@example.com", message.Subject);
    }

    [Fact]
    public void MissingMessageId_IsGeneratedFromTheSenderDomain()
    {
        var message = MimeParser.Parse(new OutgoingMessage { From = new MailboxAddress("x@rapport.test"), TextBody = "x" }.ToBytes());

        Assert.EndsWith("@rapport.test", message.MessageId);
    }

    private static MimeEntity TextPart(string text) =>
        MimeParser.Parse(new OutgoingMessage { From = new MailboxAddress("x@example.com"), TextBody = text }.ToBytes()).Body;

    internal static List<string> SplitLines(byte[] bytes)
    {
        var text = Encoding.ASCII.GetString(bytes);
        Assert.DoesNotMatch("\r(?!\n)|(?<!\r)\n", text);
        return [.. text.Split("\r\n")];
    }
}
