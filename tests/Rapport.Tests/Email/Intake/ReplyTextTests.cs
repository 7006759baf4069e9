using Rapport.Features.Email.Intake;

namespace Rapport.Tests.Email.Intake;

public class ReplyTextTests
{
    private static ReplyParts Split(string text) => ReplyText.Split(text);

    [Theory]
    [InlineData("gmail-reply.txt", "Thanks, the printer works again after the restart.\n\nBest,\nAlice", "On Mon, 2 Mar 2026 at 10:02")]
    [InlineData("gmail-wrapped-attribution.txt", "Still broken, sorry.", "On Mon, 2 Mar 2026 at 10:02, Rapport Customer Support Team <")]
    [InlineData("outlook-reply.txt", "Hi Bob,\n\nthe invoice number is 2026-0042.\n\nRegards\nAlice", "-----Original Message-----")]
    [InlineData("outlook-underscores-de.txt", "Hallo Bob,\n\ndie Rechnungsnummer ist 2026-0042.\n\nViele Grüße\nAlice", "________________________________\nVon:")]
    [InlineData("outlook-header-block-fr.txt", "Bonjour,\n\nle numéro est 2026-0042.", "De : Rapport Support")]
    [InlineData("apple-mail.txt", "Yes, that fixed it.", "Sent from my iPhone")]
    [InlineData("apple-forward.txt", "Could you look at this one too?", "Begin forwarded message:")]
    [InlineData("thunderbird-reply.txt", "Thanks, done.", "--\nAlice Example")]
    [InlineData("mobile-outlook.txt", "Works now, thanks!", "Get Outlook for Android")]
    [InlineData("nested-history.txt", "Now it is offline again.", "On Tue, 3 Mar 2026 at 08:00")]
    public void Samples_SeparateTheNewTextFromHistoryAndSignature(string sample, string newText, string restStartsWith)
    {
        var parts = Split(Samples.Read(sample));
        Assert.Equal(newText, parts.NewText);
        Assert.StartsWith(restStartsWith, parts.Rest);
    }

    [Theory]
    [InlineData("interleaved.txt")]
    [InlineData("bottom-posted.txt")]
    public void AnswersBetweenQuotedLines_KeepTheWholeText(string sample)
    {
        var text = Samples.Read(sample);
        var parts = Split(text);
        Assert.Equal(text.Trim(), parts.NewText);
        Assert.Equal("", parts.Rest);
    }

    [Fact]
    public void AMailThatIsAllHistory_KeepsTheWholeTextAsNew()
    {
        var text = Samples.Read("forward-only.txt");
        Assert.Equal(new ReplyParts(text.Trim(), ""), Split(text));
    }

    [Theory]
    [InlineData("Am 02.03.2026 um 10:02 schrieb Rapport Support <support@rapport.example>:")]
    [InlineData("Am Mo., 2. März 2026 um 10:02 Uhr schrieb Rapport Support <support@rapport.example>:")]
    [InlineData("Le lun. 2 mars 2026 à 10:02, Rapport Support <support@rapport.example> a écrit :")]
    [InlineData("Le 02/03/2026 à 10:02, Rapport Support a écrit\u00a0:")]
    [InlineData("Op ma 2 mrt 2026 om 10:02 schreef Rapport Support <support@rapport.example>:")]
    [InlineData("Op 2 mrt. 2026, om 10:02 heeft Rapport Support <support@rapport.example> het volgende geschreven:")]
    [InlineData("El lun, 2 mar 2026 a las 10:02, Rapport Support (<support@rapport.example>) escribió:")]
    [InlineData("Il giorno lun 2 mar 2026 alle ore 10:02 Rapport Support <support@rapport.example> ha scritto:")]
    [InlineData("Em seg., 2 de mar. de 2026 às 10:02, Rapport Support <support@rapport.example> escreveu:")]
    [InlineData("Den mån 2 mars 2026 kl 10:02 skrev Rapport Support <support@rapport.example>:")]
    [InlineData("man. 2. mar. 2026 kl. 10:02 skrev Rapport Support <support@rapport.example>:")]
    [InlineData("Den man. 2. mar. 2026 kl. 10.02 skrev Rapport Support <support@rapport.example>:")]
    [InlineData("On Mon, Mar 2, 2026 at 10:02 AM Rapport Support <support@rapport.example> wrote:")]
    [InlineData("On 2 Mar 2026, at 10:02, Rapport Support <support@rapport.example> wrote:")]
    [InlineData("On 02/03/2026 10:02, Rapport Support wrote:")]
    [InlineData("2026-03-02 10:02 GMT+01:00 Rapport Support <support@rapport.example>:")]
    public void AttributionLines_InManyLanguages_StartTheHistory(string attribution)
    {
        var parts = Split($"Danke, es geht wieder.\n\n{attribution}\n> Bitte starten Sie den Drucker neu.\n");
        Assert.Equal("Danke, es geht wieder.", parts.NewText);
        Assert.Equal($"{attribution}\n> Bitte starten Sie den Drucker neu.", parts.Rest);
    }

    [Theory]
    [InlineData("Am Mo., 2. März 2026 um 10:02 Uhr schrieb Rapport Support <", "support@rapport.example>:")]
    [InlineData("Le lun. 2 mars 2026 à 10:02, Rapport Support <support@rapport.example> a", "écrit :")]
    [InlineData("On Mon, Mar 2, 2026 at 10:02 AM Rapport Support", "<support@rapport.example> wrote:")]
    [InlineData("El lun, 2 mar 2026 a las 10:02, Rapport Support (<support@rapport.example>)", "escribió:")]
    public void GmailAttributionsWrappedOverTwoLines_StartTheHistory(string first, string second)
    {
        var parts = Split($"Thanks.\n\n{first}\n{second}\n\n> Please restart the printer.\n");
        Assert.Equal("Thanks.", parts.NewText);
        Assert.StartsWith(first, parts.Rest);
    }

    [Theory]
    [InlineData("-----Original Message-----")]
    [InlineData("-----Ursprüngliche Nachricht-----")]
    [InlineData("-----Message d'origine-----")]
    [InlineData("-----Oorspronkelijk bericht-----")]
    [InlineData("-----Mensaje original-----")]
    [InlineData("-----Messaggio originale-----")]
    [InlineData("-----Mensagem original-----")]
    [InlineData("-----Originalmeddelande-----")]
    [InlineData("-------- Original Message --------")]
    [InlineData("-------- Weitergeleitete Nachricht --------")]
    [InlineData("---------- Forwarded message ---------")]
    [InlineData("Begin forwarded message:")]
    [InlineData("Anfang der weitergeleiteten Nachricht:")]
    [InlineData("Début du message réexpédié :")]
    public void Separators_StartTheHistory(string separator)
    {
        var parts = Split($"See below.\n\n{separator}\nPlease restart the printer.\n");
        Assert.Equal("See below.", parts.NewText);
        Assert.Equal($"{separator}\nPlease restart the printer.", parts.Rest);
    }

    [Theory]
    [InlineData("From: Bob\nSent: Monday\nTo: Alice\nSubject: Printer")]
    [InlineData("*From:* Bob <bob@example.com>\n*Sent:* Monday, March 2, 2026 10:02 AM\n*To:* Alice")]
    [InlineData("Von: Bob\nGesendet: Montag\nAn: Alice\nBetreff: Drucker")]
    [InlineData("Van: Bob\nVerzonden: maandag\nAan: Alice\nOnderwerp: Printer")]
    [InlineData("De: Bob\nEnviado el: lunes\nPara: Alice\nAsunto: Impresora")]
    [InlineData("Da: Bob\nInviato: lunedì\nA: Alice\nOggetto: Stampante")]
    [InlineData("Från: Bob\nSkickat: den 2 mars 2026\nTill: Alice\nÄmne: Skrivare")]
    [InlineData("Fra: Bob\nSendt: 2. marts 2026\nTil: Alice\nEmne: Printer")]
    public void OutlookHeaderBlocks_InManyLanguages_StartTheHistory(string block)
    {
        var parts = Split($"See below.\n\n{block}\n\nPlease restart the printer.\n");
        Assert.Equal("See below.", parts.NewText);
        Assert.StartsWith(block.Split('\n')[0], parts.Rest);
    }

    [Theory]
    [InlineData("From: my account page I cannot reach the invoices.\nWhat should I do?")]
    [InlineData("I wrote:\nthe printer is broken.")]
    [InlineData("So I wrote:\nthe printer is broken.")]
    [InlineData("On Monday my colleague\nwrote: the printer is broken")]
    [InlineData("So my colleague Bob\nwrote:\nthe printer is broken")]
    [InlineData("The dashes -- in my text\nare not a signature.")]
    [InlineData("----\nA dash line.")]
    [InlineData("Our disclaimer follows.\n________________________________\nThis e-mail is confidential.")]
    [InlineData("I sent from my iPhone a photo of the printer yesterday, did you receive it?")]
    public void CustomerTextThatMerelyResemblesMarkers_IsKept(string text) =>
        Assert.Equal(new ReplyParts(text, ""), Split(text));

    [Theory]
    [InlineData("Sent from my iPhone")]
    [InlineData("Sent from my iPad")]
    [InlineData("Sent from my Android phone")]
    [InlineData("Sent from my Samsung Galaxy smartphone.")]
    [InlineData("Get Outlook for iOS")]
    [InlineData("Get Outlook for Android<https://aka.ms/AAb9ysg>")]
    [InlineData("Von meinem iPhone gesendet")]
    [InlineData("Envoyé de mon iPhone")]
    [InlineData("Verzonden vanaf mijn iPhone")]
    [InlineData("Enviado desde mi iPhone")]
    [InlineData("Inviato da iPhone")]
    [InlineData("Skickat från min iPhone")]
    [InlineData("Sendt fra min iPhone")]
    [InlineData("-- ")]
    [InlineData("--")]
    public void Signatures_AreCut(string marker)
    {
        var parts = Split($"The printer works.\n\n{marker}\nAlice Example\n");
        Assert.Equal("The printer works.", parts.NewText);
        Assert.Equal($"{marker.TrimEnd()}\nAlice Example", parts.Rest);
    }

    [Fact]
    public void QuotedLinesWithoutAttribution_AtTheBottom_AreCut()
    {
        var parts = Split("Thanks!\n\n> Please restart the printer.\n> Bob\n");
        Assert.Equal(new ReplyParts("Thanks!", "> Please restart the printer.\n> Bob"), parts);
    }

    [Fact]
    public void ASignatureBelowTheQuote_DoesNotCountAsAnAnswer()
    {
        var parts = Split("Thanks!\n\n> Please restart the printer.\n\n-- \nAlice\n");
        Assert.Equal("Thanks!", parts.NewText);
    }

    [Fact]
    public void WindowsLineEndings_AreRead()
    {
        var parts = Split("Thanks!\r\n\r\nOn Mon, 2 Mar 2026 at 10:02, Bob <bob@example.com> wrote:\r\n> Restart it.\r\n");
        Assert.Equal("Thanks!", parts.NewText);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData(null)]
    public void NoText_GivesEmptyParts(string? text) => Assert.Equal(new ReplyParts("", ""), ReplyText.Split(text));

    [Fact]
    public void AnInlineAnswerInGmailHtml_KeepsTheWholeText()
    {
        var parts = ReplyText.Split(null,
            "<div dir=\"ltr\">See my answers below.</div><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Mon, 2 Mar 2026 at 10:02, Bob &lt;bob@example.com&gt; wrote:<br></div>"
            + "<blockquote class=\"gmail_quote\"><div>Which model?</div></blockquote><div>HP LaserJet 4000.</div><blockquote class=\"gmail_quote\"><div>Cable or wireless?</div></blockquote><div>Cable.</div></div>");
        Assert.Equal("See my answers below.\nOn Mon, 2 Mar 2026 at 10:02, Bob <bob@example.com> wrote:\n> Which model?\nHP LaserJet 4000.\n> Cable or wireless?\nCable.", parts.NewText);
        Assert.Equal("", parts.Rest);
    }

    [Fact]
    public void OnlyHtml_IsReadAsText()
    {
        var parts = ReplyText.Split(null,
            "<div dir=\"ltr\">Thanks, it works.</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Mon, 2 Mar 2026 at 10:02, Bob &lt;<a href=\"mailto:bob@example.com\">bob@example.com</a>&gt; wrote:<br></div><blockquote class=\"gmail_quote\"><div>Restart it.</div></blockquote></div>");
        Assert.Equal("Thanks, it works.", parts.NewText);
        Assert.Equal("On Mon, 2 Mar 2026 at 10:02, Bob <bob@example.com> wrote:\n> Restart it.", parts.Rest);
    }
}
