using Rapport.Features.Email.Intake;

namespace Rapport.Tests.Email.Intake;

public class BounceReportTests
{
    private static (string Status, string Human, string Headers) Parts(string name)
    {
        var text = Samples.Read(name);
        var sections = text.Split("\n=====\n");
        return (sections[0], sections.Length > 1 ? sections[1] : "", sections.Length > 2 ? sections[2] : "");
    }

    [Fact]
    public void Postfix_UserUnknown_IsPermanent_WithTheOriginalMessageId()
    {
        var (status, human, headers) = Parts("bounce-postfix.txt");
        var report = BounceReport.Read(new BounceParts(status, human, OriginalHeadersText: headers));
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("nobody@example.org", recipient.Address);
        Assert.Equal("5.1.1", recipient.Status);
        Assert.Equal(BounceSeverity.Permanent, recipient.Severity);
        Assert.Equal("550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table", recipient.Diagnostic);
        Assert.Equal("<ticket-1042-reply-3@rapport.example>", report.OriginalMessageId);
        Assert.True(report.IsPermanent);
    }

    [Fact]
    public void Postfix_WithoutADsn_ReadsTheHumanText()
    {
        var (_, human, _) = Parts("bounce-postfix.txt");
        var recipient = Assert.Single(BounceReport.Read(new BounceParts(HumanText: human)).Recipients);
        Assert.Equal(("nobody@example.org", "5.1.1"), (recipient.Address, recipient.Status));
        Assert.Equal("host mx.example.org[192.0.2.25] said: 550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)", recipient.Diagnostic);
    }

    [Theory]
    [InlineData("host mx [10.4.5.6] said: 550 5.1.1 unknown", "5.1.1")]
    [InlineData("host mx [10.4.5.6] said: 550 unknown user", "5.0.0")]
    [InlineData("452-4.2.2 The account is over quota", "4.2.2")]
    [InlineData("Status: 5.7.1", "5.7.1")]
    [InlineData("connection refused by 192.0.2.4", null)]
    public void TheStatus_IsNeverReadFromAnIpAddress(string text, string? status) =>
        Assert.Equal(status, BounceReport.StatusIn(text));

    [Fact]
    public void Postfix_Delay_IsDelayed()
    {
        var (status, human, headers) = Parts("bounce-postfix-delay.txt");
        var report = BounceReport.Read(new BounceParts(status, human, OriginalHeadersText: headers));
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal(("bob@slow.example", "4.4.1", BounceSeverity.Delayed), (recipient.Address, recipient.Status, recipient.Severity));
        Assert.Equal("<ticket-7-reply-1@rapport.example>", report.OriginalMessageId);
        Assert.False(report.IsPermanent);
    }

    [Fact]
    public void Exim_Dsn_ListsEveryFailedRecipient_AndSkipsTheDelivered()
    {
        var (status, human, _) = Parts("bounce-exim-dsn.txt");
        var headers = new[] { new MailHeader("Message-Id", "<ticket-9-reply-2@rapport.example>"), new MailHeader("Subject", "Re: Printer [#9]") };
        var report = BounceReport.Read(new BounceParts(status, human, OriginalHeaders: headers));
        Assert.Equal(
            [("gone@example.net", "5.2.1", BounceSeverity.Permanent), ("full@example.net", "4.2.2", BounceSeverity.Delayed)],
            report.Recipients.Select(r => (r.Address, r.Status, r.Severity)));
        Assert.Equal("550 5.2.1 The email account that you tried to reach is disabled.", report.Recipients[0].Diagnostic);
        Assert.Equal("<ticket-9-reply-2@rapport.example>", report.OriginalMessageId);
    }

    [Fact]
    public void Exim_PlainText_ReadsTheAddressesAndTheInlinedOriginal()
    {
        var report = BounceReport.Read(new BounceParts(HumanText: Samples.Read("bounce-exim-plain.txt")));
        Assert.Equal(
            [("nobody@example.org", "5.1.1"), ("gone@example.net", "5.0.0")],
            report.Recipients.Select(r => (r.Address, r.Status)));
        Assert.Equal("host mx.example.org [192.0.2.25] SMTP error from remote mail server after RCPT TO:<nobody@example.org>: 550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown",
            report.Recipients[0].Diagnostic);
        Assert.Equal("retry timeout exceeded", report.Recipients[1].Diagnostic);
        Assert.Equal("<ticket-1042-reply-5@rapport.example>", report.OriginalMessageId);
        Assert.True(report.IsPermanent);
    }

    [Fact]
    public void Exim_PlainTextDelay_IsDelayed()
    {
        var report = BounceReport.Read(new BounceParts(HumanText: Samples.Read("bounce-exim-delay.txt")));
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal(("someone@example.org", "4.7.1", BounceSeverity.Delayed), (recipient.Address, recipient.Status, recipient.Severity));
        Assert.Equal("<ticket-12-ack@rapport.example>", report.OriginalMessageId);
    }

    [Fact]
    public void Exchange_Dsn_ReadsTheResolverCode()
    {
        var (status, human, headers) = Parts("bounce-exchange.txt");
        var report = BounceReport.Read(new BounceParts(status, human, OriginalHeadersText: headers));
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal(("alice.old@contoso.com", "5.1.10", BounceSeverity.Permanent), (recipient.Address, recipient.Status, recipient.Severity));
        Assert.Equal("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", recipient.Diagnostic);
        Assert.Equal("<ticket-1042-reply-4@rapport.example>", report.OriginalMessageId);
    }

    [Fact]
    public void Exchange_WithoutADsn_ReadsTheHumanText()
    {
        var (_, human, headers) = Parts("bounce-exchange.txt");
        var report = BounceReport.Read(new BounceParts(HumanText: human, OriginalHeadersText: headers));
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal(("alice.old@contoso.com", "5.1.10"), (recipient.Address, recipient.Status));
        Assert.Equal("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", recipient.Diagnostic);
    }

    [Fact]
    public void Office365_NewerReportWithoutADsn_ReadsTheReportedError()
    {
        var report = BounceReport.Read(new BounceParts(HumanText: Samples.Read("bounce-office365-modern.txt"),
            OriginalHeaders: [new MailHeader("Message-ID", "<ticket-1042-reply-6@rapport.example>")]));
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal(("alice.old@contoso.com", "5.1.10", BounceSeverity.Permanent), (recipient.Address, recipient.Status, recipient.Severity));
        Assert.Equal("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", recipient.Diagnostic);
        Assert.Equal("<ticket-1042-reply-6@rapport.example>", report.OriginalMessageId);
    }

    [Fact]
    public void AnUnknownText_FindsNoRecipient() =>
        Assert.Empty(BounceReport.Read(new BounceParts(HumanText: "Hello,\n\nI am out of the office until Monday.\n")).Recipients);

    [Theory]
    [InlineData("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.7.1 (delivery not authorized)", "5.7.1", BounceSeverity.Permanent)]
    [InlineData("Final-Recipient: rfc822; a@example.org\nAction: failed\nDiagnostic-Code: smtp; 550 Mailbox unavailable", "5.0.0", BounceSeverity.Permanent)]
    [InlineData("Final-Recipient: rfc822; a@example.org\nAction: delayed\nDiagnostic-Code: X-Postfix; connect timed out", "4.0.0", BounceSeverity.Delayed)]
    [InlineData("Final-Recipient: rfc822; a@example.org\nAction: failed", "5.0.0", BounceSeverity.Permanent)]
    [InlineData("Original-Recipient: rfc822;<a@example.org>\nStatus: 4.2.2", "4.2.2", BounceSeverity.Delayed)]
    public void DeliveryStatus_WithFewFields_StillGivesACode(string block, string status, BounceSeverity severity)
    {
        var recipient = Assert.Single(BounceReport.Read(new BounceParts("Reporting-MTA: dns; mx.example.org\n\n" + block)).Recipients);
        Assert.Equal(("a@example.org", status, severity), (recipient.Address, recipient.Status, recipient.Severity));
    }

    [Theory]
    [InlineData("Final-Recipient: rfc822; a@example.org\nAction: delivered\nStatus: 2.0.0")]
    [InlineData("Final-Recipient: rfc822; a@example.org\nAction: relayed\nStatus: 2.0.0")]
    [InlineData("Final-Recipient: rfc822; not-an-address\nAction: failed\nStatus: 5.1.1")]
    public void SuccessesAndNonsense_AreNotFailures(string block) =>
        Assert.Empty(BounceReport.Read(new BounceParts("Reporting-MTA: dns; mx.example.org\n\n" + block)).Recipients);

    [Fact]
    public void NothingToRead_GivesAnEmptyReport() =>
        Assert.Equal(new BounceResult([], null).Recipients, BounceReport.Read(new BounceParts()).Recipients);

    [Fact]
    public void AMessageIdWithoutBrackets_IsBracketed() => Assert.Equal("<abc@rapport.example>",
        BounceReport.Read(new BounceParts(OriginalHeaders: [new MailHeader("Message-ID", " abc@rapport.example ")])).OriginalMessageId);
}
