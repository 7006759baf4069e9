using Rapport.Features.Email.Intake;

namespace Rapport.Tests.Email.Intake;

/// <summary>Mail comes from anyone: a huge or hostile text must not make a rule slow (each would take minutes if it were quadratic).</summary>
public class LargeInputTests
{
    private static readonly string LongToken = new('x', 200_000);
    private static readonly string ManyBlankLines = string.Concat(Enumerable.Repeat(" \n", 100_000));

    [Fact(Timeout = 20_000)]
    public async Task ReplyText_ReadsAHundredThousandLines() => await Task.Run(() =>
    {
        var text = "Thanks.\n" + string.Concat(Enumerable.Repeat("> quoted line\nOn Mon wrote:\nFrom: x\n", 30_000)) + LongToken;
        Assert.Equal("Thanks.", ReplyText.Split(text).NewText.Split('\n')[0]);
    });

    [Fact(Timeout = 20_000)]
    public async Task HtmlText_ReadsAHugeDocument() => await Task.Run(() =>
    {
        var html = string.Concat(Enumerable.Repeat("<div><p class=MsoNormal>Line &amp; more<br></p><table><tr><td>a</td><td>b</td></tr></table></div>", 20_000));
        Assert.StartsWith("Line & more", HtmlText.ToText(html));
    });

    [Fact(Timeout = 20_000)]
    public async Task BounceReport_ReadsLongRunsWithoutSpaces() => await Task.Run(() =>
    {
        var text = "Delivery has failed to these recipients or groups:\n\n" + LongToken + "@" + LongToken + "\n" + ManyBlankLines
            + "Reported error: x\n" + LongToken + "\n------ This is a copy of the message, including all the headers. ------\nMessage-ID: <" + LongToken + ">\n";
        BounceReport.Read(new BounceParts(DeliveryStatus: ManyBlankLines + LongToken, HumanText: text));
    });

    [Fact(Timeout = 20_000)]
    public async Task SubjectLine_ReadsThousandsOfPrefixes() => await Task.Run(() =>
    {
        var subject = string.Concat(Enumerable.Repeat("Re: [list] Fwd: ", 5_000)) + "Printer [#12]";
        Assert.Equal("Printer", SubjectLine.Normalise(subject));
        Assert.Equal(12, SubjectLine.TicketNumber(subject));
    });

    [Fact(Timeout = 20_000)]
    public async Task AutomaticMail_ReadsHugeHeaders() => await Task.Run(() =>
    {
        MailHeader[] headers = [new("Subject", LongToken), new("Return-Path", "<" + LongToken + "@example.org>"), new("X-Auto-Response-Suppress", LongToken)];
        Assert.True(AutomaticMail.Classify(headers, LongToken, LongToken).MayAutoRespond);
    });
}
