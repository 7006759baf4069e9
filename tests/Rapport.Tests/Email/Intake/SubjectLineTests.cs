using Rapport.Features.Email.Intake;

namespace Rapport.Tests.Email.Intake;

public class SubjectLineTests
{
    [Theory]
    [InlineData("Printer offline", "Printer offline")]
    [InlineData("Re: Printer offline", "Printer offline")]
    [InlineData("RE: RE: Printer offline", "Printer offline")]
    [InlineData("Re[2]: Printer offline", "Printer offline")]
    [InlineData("Re(3): Printer offline", "Printer offline")]
    [InlineData("RE^2: Printer offline", "Printer offline")]
    [InlineData("Fwd: Printer offline", "Printer offline")]
    [InlineData("FW: Printer offline", "Printer offline")]
    [InlineData("AW: WG: Druckerproblem", "Druckerproblem")]
    [InlineData("SV: VS: Skrivaren", "Skrivaren")]
    [InlineData("Antw: Printer", "Printer")]
    [InlineData("Réf : TR : Imprimante", "Imprimante")]
    [InlineData("RV: Impresora", "Impresora")]
    [InlineData("R: I: Stampante", "Stampante")]
    [InlineData("回复：打印机", "打印机")]
    [InlineData("回复: 转发: 打印机", "打印机")]
    [InlineData("[users] Re: Printer offline", "Printer offline")]
    [InlineData("Re: [users] Printer offline", "Printer offline")]
    [InlineData("[EXTERNAL] RE: Printer offline", "Printer offline")]
    [InlineData("*EXTERNAL* Re: Printer offline", "Printer offline")]
    [InlineData("(EXTERNAL) Re: Printer offline", "Printer offline")]
    [InlineData("EXT: Fwd: Printer offline", "Printer offline")]
    [InlineData("Re: Printer offline [#1042]", "Printer offline")]
    [InlineData("Re: [Acme #1042] Printer offline", "Printer offline")]
    [InlineData("  Re:   Printer \t offline  ", "Printer offline")]
    [InlineData("Re: Fwd: [List] AW: [EXTERNAL] Re[2]: Printer offline", "Printer offline")]
    [InlineData("Re:", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalise_StripsWhatClientsListsAndGatewaysAdd(string? subject, string expected) =>
        Assert.Equal(expected, SubjectLine.Normalise(subject));

    [Theory]
    [InlineData("Reply needed for invoice")]
    [InlineData("Reminder: invoice 42")]
    [InlineData("Fwdx: nothing")]
    [InlineData("Area 51: visit")]
    [InlineData("Invoice [draft] attached")]
    [InlineData("The RE: prefix in the middle")]
    public void Normalise_LeavesWordsThatOnlyLookLikePrefixes(string subject) =>
        Assert.Equal(subject, SubjectLine.Normalise(subject));

    [Theory]
    [InlineData("Re: Printer offline [#1042]", null, 1042L)]
    [InlineData("[#1042] Printer offline", null, 1042L)]
    [InlineData("Re: Printer offline [Acme #1042]", "Acme", 1042L)]
    [InlineData("Re: Printer offline [acme #1042]", "Acme", 1042L)]
    [InlineData("Re: Printer offline [#1042]", "Acme", 1042L)]
    [InlineData("Re: Printer offline [Other #1042]", "Acme", null)]
    [InlineData("Re: Printer offline [Other #1042]", null, null)]
    [InlineData("Fwd: [#7] Printer [#1042]", null, 1042L)]
    [InlineData("Re: [#1042] Printer [Other #7]", "Acme", 1042L)]
    [InlineData("Printer offline #1042", null, null)]
    [InlineData("Printer offline [1042]", null, null)]
    [InlineData("Printer offline [#0]", null, null)]
    [InlineData("Printer offline [#-5]", null, null)]
    [InlineData("Printer offline [#99999999999999999999]", null, null)]
    [InlineData("Printer offline [#9223372036854775807]", null, 9223372036854775807L)]
    [InlineData("Printer offline [# 1042]", null, null)]
    [InlineData("", null, null)]
    [InlineData(null, null, null)]
    public void TicketNumber_ReadsTheLastTokenWithOurPrefix(string? subject, string? prefix, long? expected) =>
        Assert.Equal(expected, SubjectLine.TicketNumber(subject, prefix));

    [Theory]
    [InlineData("Printer offline", null, "Printer offline [#1042]")]
    [InlineData("Re: Printer offline", null, "Re: Printer offline [#1042]")]
    [InlineData("Re: Printer offline [#1042]", null, "Re: Printer offline [#1042]")]
    [InlineData("Re: [#1042] Printer offline", null, "Re: [#1042] Printer offline")]
    [InlineData("Re: Printer offline", "Acme", "Re: Printer offline [Acme #1042]")]
    [InlineData("Re: Printer offline [Acme #1042]", "Acme", "Re: Printer offline [Acme #1042]")]
    [InlineData("Re: Printer offline [#1042]", "Acme", "Re: Printer offline [#1042]")]
    [InlineData("Re: Printer offline [#7]", null, "Re: Printer offline [#7] [#1042]")]
    [InlineData("  Re:  Printer   offline ", null, "Re: Printer offline [#1042]")]
    [InlineData("", null, "[#1042]")]
    [InlineData(null, "Acme", "[Acme #1042]")]
    public void WithTicketToken_AppendsTheTokenOnce(string? subject, string? prefix, string expected) =>
        Assert.Equal(expected, SubjectLine.WithTicketToken(subject, 1042, prefix));

    [Fact]
    public void Token_RefusesNumbersThatAreNotPositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SubjectLine.Token(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubjectLine.Token(-3));
    }
}
