using Rapport.Features.Email.Intake;

namespace Rapport.Tests.Email.Intake;

public class AutomaticMailTests
{
    private const string Customer = "Alice Example <alice@example.com>";

    private static MailHeader[] Headers(params string[] lines) =>
        lines.Select(l => new MailHeader(l[..l.IndexOf(':')], l[(l.IndexOf(':') + 1)..].Trim())).ToArray();

    [Fact]
    public void AnOrdinaryMail_IsNotAutomatic_AndMayBeAcknowledged()
    {
        var verdict = AutomaticMail.Classify(
            Headers("From: Alice <alice@example.com>", "Return-Path: <alice@example.com>", "Auto-Submitted: no", "X-Auto-Response-Suppress: DR, RN"),
            Customer, "Printer offline");
        Assert.False(verdict.IsAutomatic);
        Assert.True(verdict.MayAutoRespond);
        Assert.Empty(verdict.Reasons);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied", "Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted: auto-generated", "Auto-Submitted: auto-generated")]
    [InlineData("Auto-Submitted: auto-replied; owner-email=\"bob@example.com\"", "Auto-Submitted: auto-replied")]
    [InlineData("auto-submitted: Auto-Notified", "Auto-Submitted: Auto-Notified")]
    [InlineData("X-Autoreply: yes", "X-Autoreply present")]
    [InlineData("X-Autorespond: Vacation", "X-Autorespond present")]
    [InlineData("X-Auto-Response-Suppress: All", "X-Auto-Response-Suppress: All")]
    [InlineData("X-Auto-Response-Suppress: DR, OOF, AutoReply", "X-Auto-Response-Suppress: DR, OOF, AutoReply")]
    [InlineData("X-Auto-Response-Suppress: oof", "X-Auto-Response-Suppress: oof")]
    [InlineData("X-MS-Exchange-Inbox-Rules-Loop: bob@example.com", "X-MS-Exchange-Inbox-Rules-Loop present")]
    [InlineData("Precedence: auto_reply", "Precedence: auto_reply")]
    public void AutoReplyHeaders_MakeAnAutoReply(string header, string reason)
    {
        var verdict = AutomaticMail.Classify(Headers(header), Customer, "Re: Printer offline");
        Assert.True(verdict.IsAutoReply);
        Assert.False(verdict.IsBulk);
        Assert.False(verdict.MayAutoRespond);
        Assert.Equal([reason], verdict.Reasons);
    }

    [Theory]
    [InlineData("Precedence: bulk", "Precedence: bulk")]
    [InlineData("Precedence: junk", "Precedence: junk")]
    [InlineData("Precedence: List", "Precedence: list")]
    [InlineData("List-Id: Users <users.lists.example.org>", "List-Id present")]
    [InlineData("List-Unsubscribe: <mailto:leave@lists.example.org>", "List-Unsubscribe present")]
    [InlineData("Feedback-ID: 1234:campaign:sender", "Feedback-ID present")]
    public void ListAndBulkHeaders_MakeBulkMail(string header, string reason)
    {
        var verdict = AutomaticMail.Classify(Headers(header), "news@shop.example", "Our spring sale");
        Assert.True(verdict.IsBulk);
        Assert.False(verdict.IsAutoReply);
        Assert.False(verdict.MayAutoRespond);
        Assert.Equal([reason], verdict.Reasons);
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mx.example.org")]
    [InlineData("Mail Delivery System <MAILER-DAEMON@mx.example.org>")]
    [InlineData("postmaster@example.org")]
    [InlineData("<Postmaster@outlook.com>")]
    [InlineData("mailer-daemon")]
    public void BounceSenders_MakeABounce(string sender)
    {
        var verdict = AutomaticMail.Classify([], sender, "Undelivered Mail Returned to Sender");
        Assert.True(verdict.IsBounce);
        Assert.False(verdict.MayAutoRespond);
    }

    [Theory]
    [InlineData("mailer-daemon.fan@example.org")]
    [InlineData("postmaster-general@example.org")]
    [InlineData("alice@mailer-daemon.example.org")]
    public void AddressesThatOnlyContainTheNames_AreNotBounceSenders(string sender) =>
        Assert.False(AutomaticMail.IsBounceSender(sender));

    [Theory]
    [InlineData("Return-Path: <>")]
    [InlineData("Return-Path: ")]
    [InlineData("Content-Type: multipart/report; report-type=delivery-status; boundary=\"x\"")]
    public void ANullSenderOrADeliveryReport_MakesABounce(string header)
    {
        var verdict = AutomaticMail.Classify(Headers(header), "someone@example.org", "Hello");
        Assert.True(verdict.IsBounce);
        Assert.False(verdict.MayAutoRespond);
    }

    [Theory]
    [InlineData("Out of Office: Printer offline")]
    [InlineData("Automatic reply: Printer offline")]
    [InlineData("Autoreply: Printer offline")]
    [InlineData("Auto-Reply: Printer offline")]
    [InlineData("Abwesenheitsnotiz: Druckerproblem")]
    [InlineData("Automatische Antwort: Druckerproblem")]
    [InlineData("Réponse automatique : Imprimante")]
    [InlineData("Automatisch antwoord: Printer")]
    [InlineData("Respuesta automática: Impresora")]
    [InlineData("Risposta automatica: Stampante")]
    [InlineData("Automatiskt svar: Skrivaren")]
    public void AnOutOfOfficeSubject_IsAWeakSignal_ThatStillWithholdsTheAcknowledgement(string subject)
    {
        var verdict = AutomaticMail.Classify([], Customer, subject);
        Assert.False(verdict.IsAutoReply);
        Assert.False(verdict.IsAutomatic);
        Assert.False(verdict.MayAutoRespond);
        Assert.Equal([$"subject \"{subject}\" (weak)"], verdict.Reasons);
    }

    [Theory]
    [InlineData("Undeliverable: Printer offline")]
    [InlineData("Mail delivery failed: returning message to sender")]
    [InlineData("Delivery Status Notification (Failure)")]
    [InlineData("Unzustellbar: Druckerproblem")]
    public void ABounceSubject_IsAWeakSignal(string subject)
    {
        var verdict = AutomaticMail.Classify([], Customer, subject);
        Assert.False(verdict.IsBounce);
        Assert.False(verdict.MayAutoRespond);
    }

    [Theory]
    [InlineData("Question about my office move")]
    [InlineData("Re: out of office hours support?")]
    [InlineData("Why is the reply automatic?")]
    public void SubjectsThatMentionTheWords_AreNotSignals(string subject) =>
        Assert.True(AutomaticMail.Classify([], Customer, subject).MayAutoRespond);

    [Fact]
    public void AnExchangeOutOfOffice_GivesEveryReasonForTheAudit()
    {
        var verdict = AutomaticMail.Classify(
            Headers("Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All", "X-MS-Exchange-Inbox-Rules-Loop: bob@example.com"),
            "Bob <bob@example.com>", "Automatic reply: Printer offline");
        Assert.True(verdict.IsAutoReply);
        Assert.Equal(
            ["Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All", "X-MS-Exchange-Inbox-Rules-Loop present", "subject \"Automatic reply: Printer offline\" (weak)"],
            verdict.Reasons);
    }

    [Fact]
    public void AMailingListPostFromAPerson_IsBulk()
    {
        var verdict = AutomaticMail.Classify(
            Headers("List-Id: <support.lists.example.org>", "List-Post: <mailto:support@lists.example.org>", "Precedence: list"),
            Customer, "[support] Printer offline");
        Assert.True(verdict.IsBulk);
        Assert.Equal(["Precedence: list", "List-Id present", "List-Post present"], verdict.Reasons);
    }
}
