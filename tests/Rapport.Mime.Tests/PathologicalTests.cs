using System.Diagnostics;
using System.Text;

namespace Rapport.Mime.Tests;

/// <summary>Inputs built to make a naive parser slow or recursive: each parses quickly, within its limits.</summary>
public class PathologicalTests
{
    public static TheoryData<string> Names() => new(Cases.Keys);

    private static readonly Dictionary<string, Func<byte[]>> Cases = new()
    {
        ["encoded-word starts without ends"] = () => Message("Subject: " + Repeat("=?x?Q?", 10_000) + "\r\n\r\nx"),
        ["many parts"] = () => Message("Content-Type: multipart/mixed; boundary=b\r\n\r\n" + Repeat("--b\r\n\r\nx\r\n", 100_000) + "--b--\r\n"),
        ["boundary text everywhere"] = () => Message("Content-Type: multipart/mixed; boundary=b\r\n\r\n" + Repeat("--b-", 1_000_000)),
        ["attached messages 1000 deep"] = () => Message(Repeat("Content-Type: message/rfc822\r\n\r\n", 1000) + "Subject: inner\r\n\r\nx"),
        ["one 10 MB line"] = () => Message("Subject: x\r\n\r\n" + new string('a', 10_000_000)),
        ["one 10 MB header"] = () => Message("Subject: " + new string('a', 10_000_000) + "\r\n\r\nx"),
        ["unclosed comments"] = () => Message("From: " + Repeat("(", 50_000) + "\r\n\r\nx"),
        ["commas"] = () => Message("To: " + Repeat(",", 60_000) + "\r\n\r\nx"),
        ["parameters"] = () => Message("Content-Type: text/plain" + Repeat("; a*1*=%", 7_000) + "\r\n\r\nx"),
        ["html metas without ends"] = () => Message("Content-Type: text/html\r\n\r\n" + Repeat("<meta charset", 5_000)),
        ["quoted-printable escapes"] = () => Message("Content-Transfer-Encoding: quoted-printable\r\n\r\n" + Repeat("=", 3_000_000)),
        ["folded header lines"] = () => Message("Subject: a" + Repeat("\r\n b", 20_000) + "\r\n\r\nx"),
        ["report fields"] = () => Message("Content-Type: message/delivery-status\r\n\r\n" + Repeat("\r\n\r\nA: b", 100_000)),
    };

    [Theory, MemberData(nameof(Names))]
    public void ParsesQuickly(string name)
    {
        var bytes = Cases[name]();
        var clock = Stopwatch.StartNew();

        var message = MimeParser.Parse(bytes);
        _ = (message.Subject, message.From, message.TextBody, message.HtmlBody, message.DeliveryStatus, message.AttachedMessage);

        // Generous for a loaded CI machine: what this catches is quadratic work, which takes minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{name} took {clock.Elapsed}");
    }

    [Fact]
    public void AttachedMessages_StopAtTheDepthLimit()
    {
        var message = MimeParser.Parse(Cases["attached messages 1000 deep"]());

        Assert.Contains(message.Defects, d => d.Kind == DefectKind.NestingTooDeep);
        var depth = 0;
        for (var m = message.AttachedMessage; m is not null; m = m.AttachedMessage) depth++;
        Assert.Equal(MimeParserOptions.Default.MaxDepth, depth);
    }

    private static byte[] Message(string text) => Encoding.ASCII.GetBytes(text);

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();
}
