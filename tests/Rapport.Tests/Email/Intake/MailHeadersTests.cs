using Rapport.Features.Email.Intake;

namespace Rapport.Tests.Email.Intake;

public class MailHeadersTests
{
    [Fact]
    public void Parse_UnfoldsContinuationLines_AndStopsAtTheBody()
    {
        var headers = MailHeaders.Parse("Received: from a\n\tby b; Mon, 2 Mar 2026\nSubject: Printer\n  offline\nMessage-ID:\n <x@example.org>\n\nBody: not a header\n");
        Assert.Equal(["Received", "Subject", "Message-ID"], headers.Select(h => h.Name));
        Assert.Equal("Printer offline", headers.Find("subject"));
        Assert.Equal("<x@example.org>", headers.Find("MESSAGE-ID")!.Trim());
        Assert.Null(headers.Find("Body"));
    }

    [Fact]
    public void Parse_SkipsLinesThatAreNotHeaders() =>
        Assert.Equal(["To"], MailHeaders.Parse("\n\nnot a header line\nTo: a@example.org\n").Select(h => h.Name));

    [Theory]
    [InlineData("Alice Example <alice@example.com>", "alice@example.com")]
    [InlineData("<alice@example.com>", "alice@example.com")]
    [InlineData(" alice@example.com ", "alice@example.com")]
    [InlineData("\"Example, Alice <x>\" <alice@example.com>", "alice@example.com")]
    [InlineData("<>", "")]
    public void BareAddress_TakesTheAddressOutOfItsName(string address, string bare) =>
        Assert.Equal(bare, MailHeaders.BareAddress(address));
}
