using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Rapport.Mime.Tests;

/// <summary>Whatever the composer writes parses back to the same subject, addresses, ids, text,
/// HTML and attachment bytes, over random text with non-ASCII characters and long lines.</summary>
public class RoundTripTests
{
    public sealed record Input(string Subject, string DisplayName, string Text, string? Html, string FileName, byte[] File, bool WithImage);

    private static readonly string[] Pieces =
        ["a", "b", "Z", "0", " ", " ", ".", ",", "\"", "'", "(", ")", "<", ">", "@", ":", ";", "=", "?", "_", "=?", "?=", "\\", "%", "é", "ß", "Ж", "中", "😀", "—", "€"];

    private static Gen<string> Text(int maxPieces, bool lines) =>
        from n in Gen.Choose(0, maxPieces)
        from pieces in Gen.ListOf(Gen.OneOf(Gen.Elements(Pieces), lines ? Gen.Elements("\n", "\n", new string('w', 120)) : Gen.Elements("x")), n)
        select string.Concat(pieces);

    private static Arbitrary<Input> Inputs()
    {
        var gen = from subject in Text(60, false)
                  from name in Text(20, false)
                  from text in Text(400, true)
                  from html in Gen.OneOf(Gen.Constant<string?>(null), Text(200, true).Select(h => (string?)("<p>" + h + "</p>")))
                  from fileName in Text(40, false).Select(f => "f" + f.Replace("/", "").Replace("\\", "").Trim() + ".bin")
                  from size in Gen.Choose(0, 3000)
                  from seed in Gen.Choose(0, int.MaxValue)
                  from image in Gen.Elements(true, false)
                  select new Input(subject, name, text, html, fileName, Bytes(size, seed), image);
        return Arb.From(gen);
    }

    private static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void ComposedMessages_ParseBackToTheSameContent()
    {
        Prop.ForAll(Inputs(), input =>
            {
                var outgoing = Compose(input);
                var bytes = outgoing.ToBytes();
                var parsed = MimeParser.Parse(bytes);
                Assert.Empty(parsed.Defects);
                Assert.All(ComposerTests.SplitLines(bytes), line => Assert.True(line.Length <= 998));
                Assert.Equal(Collapse(input.Subject), Collapse(parsed.Subject));
                var from = parsed.From.Single();
                Assert.Equal("sender@example.com", from.Address);
                Assert.Equal(Collapse(input.DisplayName), Collapse(from.DisplayName));
                Assert.Equal(["a@example.com", "b@example.org"], parsed.To.Select(t => t.Address));
                Assert.Equal("id-1@example.com", parsed.MessageId);
                Assert.Equal("parent@example.com", parsed.InReplyTo);
                Assert.Equal(["root@example.com", "parent@example.com"], parsed.References);
                Assert.Equal(Body(input.Text), Body(parsed.TextBody));
                Assert.Equal(Body(input.Html), Body(parsed.HtmlBody));
                var file = parsed.Attachments.Single(a => !a.IsInline);
                Assert.Equal(input.FileName, file.FileName);
                Assert.Equal(input.File, file.GetBytes());
                Assert.Equal(input.File.Length, file.Size);
                if (input.WithImage) Assert.Equal("img@example.com", parsed.Attachments.Single(a => a.IsInline).ContentId);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(new FSharpOption<Replay>(new Replay(new Rnd(20260601UL, 0x9E3779B97F4A7C15UL), null))));
    }

    private static OutgoingMessage Compose(Input input) => new()
    {
        From = new MailboxAddress(input.DisplayName, "sender@example.com"),
        To = [new MailboxAddress("a@example.com"), new MailboxAddress("B", "b@example.org")],
        Subject = input.Subject,
        MessageId = "id-1@example.com",
        InReplyTo = "<parent@example.com>",
        References = ["root@example.com", "<parent@example.com>"],
        TextBody = input.Text,
        HtmlBody = input.Html,
        Attachments =
        [
            new OutgoingAttachment(input.FileName, "application/octet-stream", input.File),
            .. input.WithImage ? [new OutgoingAttachment("i.png", "image/png", new byte[] { 1, 2, 3 }) { ContentId = "img@example.com", Inline = true }] : Array.Empty<OutgoingAttachment>(),
        ],
    };

    // Header text folds at spaces: runs of whitespace and the ends are not significant.
    private static string Collapse(string? text) =>
        string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    // Bodies come back with CRLF line ends.
    private static string? Body(string? text) => text?.Replace("\r\n", "\n").TrimEnd('\n');

    [Fact]
    public void LongUnbrokenSubject_AndLongDisplayName_FoldWithinTheLimit()
    {
        var outgoing = new OutgoingMessage
        {
            From = new MailboxAddress(new string('n', 200), "x@example.com"),
            Subject = new string('s', 500),
            TextBody = "x",
        };
        var bytes = outgoing.ToBytes();

        Assert.All(ComposerTests.SplitLines(bytes), line => Assert.True(line.Length <= 78, line));
        var parsed = MimeParser.Parse(bytes);
        Assert.Equal(outgoing.Subject, parsed.Subject);
        Assert.Equal(outgoing.From, parsed.From.Single());
        Assert.Equal(Encoding.ASCII.GetBytes("x"), Encoding.ASCII.GetBytes(parsed.TextBody!.TrimEnd()));
    }
}
