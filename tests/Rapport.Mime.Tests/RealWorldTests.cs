namespace Rapport.Mime.Tests;

/// <summary>Messages shaped like those from Outlook, Apple Mail, Gmail, auto-responders and the
/// bounces of Postfix, Exim and Exchange.</summary>
public class RealWorldTests
{
    [Fact]
    public void OutlookReply_RelatedAroundAlternative_ThreadHeadersAndInlineImage()
    {
        var message = Corpus.Handwritten("outlook-reply");

        Assert.Empty(message.Defects);
        Assert.Equal("RE: [#1042] Order status", message.Subject);
        Assert.Equal("DB9PR01MB1234ABCD@DB9PR01MB1234.eurprd01.prod.outlook.com", message.MessageId);
        Assert.Equal("ticket-1042-2@rapport.test", message.InReplyTo);
        Assert.Equal(["ticket-1042-1@rapport.test", "ticket-1042-2@rapport.test"], message.References);
        Assert.StartsWith("Thanks, that helps.", message.TextBody);
        Assert.Contains("cid:image001.png@01DA7123.ABCDEF00", message.HtmlBody);
        var image = Assert.Single(message.Attachments);
        Assert.True(image.IsInline);
        Assert.Equal("image001.png@01DA7123.ABCDEF00", image.ContentId);
        Assert.Equal("70", image.Entity.ContentDisposition!.Parameters["size"]);
        Assert.Equal(70, image.Size);
    }

    [Fact]
    public void AppleMailReply_QuotedPrintableUtf8_AndCommentedMimeVersion()
    {
        var message = Corpus.Handwritten("apple-mail-reply");

        Assert.Empty(message.Defects);
        Assert.StartsWith("Sure, Tuesday works — thanks!", message.TextBody);
        Assert.Contains("> Would Tuesday work?", message.TextBody);
        Assert.EndsWith("thanks!</body></html>", message.HtmlBody!.TrimEnd());
        Assert.Equal("A1B2C3D4-E5F6-7890-ABCD-EF0123456789@icloud.com", message.MessageId);
        Assert.Equal("ticket-7@rapport.test", message.InReplyTo);
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public void ForwardedInline_IsJustText()
    {
        var message = Corpus.Handwritten("forwarded-inline");

        Assert.Contains("---------- Forwarded message ---------", message.TextBody);
        Assert.Contains("The parcel arrived broken.", message.TextBody);
        Assert.Equal(new DateTimeOffset(2024, 3, 7, 8, 30, 0, TimeSpan.FromHours(-5)), message.Date);
    }

    [Fact]
    public void AutoReply_HeadersAreThereToRead()
    {
        var message = Corpus.Handwritten("auto-reply");

        Assert.Equal("auto-replied", message.Headers["Auto-Submitted"]);
        Assert.Equal("All", message.Headers["x-auto-response-suppress"]);
        Assert.Equal("auto_reply", message.Headers["Precedence"]);
        Assert.Equal("<>", message.Headers["Return-Path"]);
        Assert.Equal("ticket-77@rapport.test", message.InReplyTo);
        Assert.Equal("I am out of the office until Monday.", message.TextBody!.Trim());
    }

    [Theory]
    [InlineData("bounce-postfix", "5.1.1", "Undelivered Mail Returned to Sender")]
    [InlineData("bounce-exim", "5.0.0", "Mail delivery failed: returning message to sender")]
    [InlineData("bounce-exchange", "5.1.10", "Undeliverable: [#88] Your request")]
    public void Bounce_ExposesTheDeliveryStatus_AndTheOriginalsHeaders(string name, string status, string subject)
    {
        var message = Corpus.Handwritten(name);

        Assert.Empty(message.Defects);
        Assert.Equal(subject, message.Subject);
        Assert.Equal("report", message.Body.ContentType.Subtype);
        Assert.Equal("delivery-status", message.Body.ContentType.Parameters["report-type"]);
        Assert.Contains("nobody@nowhere.example", message.TextBody);
        Assert.Contains(message.Attachments, a => a.ContentType.Is("message", "delivery-status"));

        var fields = message.DeliveryStatus;
        Assert.Equal(2, fields.Count);
        Assert.StartsWith("dns;", fields[0]["Reporting-MTA"]);
        Assert.Equal("failed", fields[1]["Action"]);
        Assert.Equal(status, fields[1]["Status"]);
        Assert.Contains("nobody@nowhere.example", fields[1]["Final-Recipient"]);

        var original = message.AttachedMessage;
        Assert.NotNull(original);
        Assert.Equal("ticket-88@rapport.test", original.MessageId);
        Assert.Equal("[#88] Your request", original.Subject);
        Assert.Equal("nobody@nowhere.example", original.To.Single().Address);
    }

    [Fact]
    public void ThunderbirdFlowedText_IsUnwrapped()
    {
        var message = Corpus.Handwritten("thunderbird-flowed");

        Assert.Equal(
            "This paragraph was wrapped by the sender's client at seventy-two characters, and a reader should see it as one line again, not three.\n" +
            "\n" +
            "On 11/03/2024 17:00, Support wrote:\n" +
            "> The quoted paragraph is flowed too, and keeps its quote marker.\n" +
            "\n" +
            ">Space-stuffed line.\n" +
            "-- \n" +
            "Bird User\n",
            Corpus.Lf(message.TextBody));
    }
}
