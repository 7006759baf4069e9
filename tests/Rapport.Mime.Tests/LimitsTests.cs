using System.Security.Cryptography;
using System.Text;
using Xunit.Abstractions;

namespace Rapport.Mime.Tests;

/// <summary>The bounds: message size, header count and length, and memory while parsing large mail.</summary>
public class LimitsTests(ITestOutputHelper output)
{
    private static byte[] LargeMessage(int attachmentBytes)
    {
        var content = new byte[attachmentBytes];
        new Random(42).NextBytes(content);
        return new OutgoingMessage
        {
            From = new MailboxAddress("big@example.com"),
            Subject = "Large",
            TextBody = "See the attachment.",
            Attachments = [new OutgoingAttachment("big.bin", "application/octet-stream", content)],
        }.ToBytes();
    }

    [Fact]
    public void Parsing25MB_AllocatesUnder4xTheMessage_AndStreamsTheAttachment()
    {
        var bytes = LargeMessage(18_500_000); // about 25 MB once base64 encoded
        Assert.InRange(bytes.Length, 24_500_000, 26_500_000);
        var expectedHash = SHA256.HashData(Convert.FromBase64String(ExtractBase64(bytes)));

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var input = new MemoryStream(bytes);
        var message = MimeParser.Parse(input);
        var attachment = message.Attachments.Single();
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = attachment.OpenRead())
        {
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0) hasher.AppendData(buffer, 0, read);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"parsed and streamed {bytes.Length:N0} bytes, allocating {allocated:N0} ({(double)allocated / bytes.Length:F2}x)");
        Assert.Equal(expectedHash, hasher.GetHashAndReset());
        Assert.Equal(18_500_000, attachment.Size);
        Assert.Equal("See the attachment.", message.TextBody!.Trim());
        Assert.True(allocated < 4L * bytes.Length, $"allocated {allocated:N0} bytes for a {bytes.Length:N0}-byte message");
    }

    [Fact]
    public void ParsingFromMemory_DoesNotCopyTheMessage()
    {
        var bytes = LargeMessage(4 * 1024 * 1024);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var message = MimeParser.Parse(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(4 * 1024 * 1024, message.Attachments.Single().Size);
        Assert.True(allocated < bytes.Length / 4, $"allocated {allocated:N0} bytes for a {bytes.Length:N0}-byte message");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OverTheSizeLimit_ResultIsTooLarge_WithTheHeaders(bool seekable)
    {
        var bytes = LargeMessage(200_000);
        var options = new MimeParserOptions { MaxMessageSize = 100_000 };
        using var input = seekable ? new MemoryStream(bytes) : new ForwardOnlyStream(bytes);

        var message = MimeParser.Parse(input, options);

        Assert.True(message.IsTooLarge);
        Assert.Equal("Large", message.Subject);
        Assert.Equal("big@example.com", message.From.Single().Address);
        Assert.Empty(message.Attachments);
        Assert.Null(message.TextBody);
        Assert.Contains(message.Defects, d => d.Kind == DefectKind.TooLarge);
        Assert.True(MimeParser.Parse(bytes, options).IsTooLarge);
    }

    [Fact]
    public async Task ParseAsync_ReadsAForwardOnlyStream()
    {
        var bytes = LargeMessage(3 * 1024 * 1024);

        var message = await MimeParser.ParseAsync(new ForwardOnlyStream(bytes));

        Assert.False(message.IsTooLarge);
        Assert.Equal(3 * 1024 * 1024, message.Attachments.Single().Size);
    }

    [Fact]
    public void TooManyHeaders_AreSkipped_WithADefect()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 1500; i++) text.Append("X-Filler-").Append(i).Append(": x\r\n");
        text.Append("Subject: late\r\n\r\nbody");

        var message = MimeParser.Parse(Encoding.ASCII.GetBytes(text.ToString()));

        Assert.Equal(1000, message.Headers.Count);
        Assert.Null(message.Subject);
        Assert.Equal("body", message.TextBody);
        Assert.Contains(message.Defects, d => d.Kind == DefectKind.TooManyHeaders);
    }

    [Fact]
    public void OverlongHeader_IsCut_WithADefect()
    {
        var text = "Subject: " + new string('a', 100_000) + "\r\n\r\nbody";

        var message = MimeParser.Parse(Encoding.ASCII.GetBytes(text));

        Assert.Equal(MimeParserOptions.Default.MaxHeaderLength - 1, message.Subject!.Length);
        Assert.Contains(message.Defects, d => d is { Kind: DefectKind.HeaderTooLong, Where: "message Subject" });
    }

    private static string ExtractBase64(byte[] message)
    {
        var text = Encoding.ASCII.GetString(message);
        var start = text.IndexOf("\r\n\r\n", text.IndexOf("big.bin", StringComparison.Ordinal), StringComparison.Ordinal) + 4;
        var end = text.IndexOf("--", start, StringComparison.Ordinal);
        return text[start..end].Replace("\r\n", "");
    }

    /// <summary>A network-like stream: no length, no seeking, short reads.</summary>
    internal sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 7000));
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 7000)]);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 7000)], cancellationToken);
    }
}
