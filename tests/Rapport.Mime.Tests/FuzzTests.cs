using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Rapport.Mime.Tests;

/// <summary>Mutated corpus messages never make the parser throw, hang or blow its memory bound.
/// RAPPORT_MIME_FUZZ_CASES raises the number of cases (default 3000).</summary>
public class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task MutatedCorpus_ParsesWithoutThrowingHangingOrOverAllocating()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("RAPPORT_MIME_FUZZ_CASES"), out var n) && n > 0 ? n : 3000;
        // The corpus, plus one message large enough to cross the decoders' 64 KB chunks.
        var corpus = Corpus.All().Append(("synthetic/large", LargeSeed())).ToList();
        var clock = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var slowestLabel = "";
        var defects = 0L;
        for (var i = 0; i < cases; i++)
        {
            var (name, original) = corpus[i % corpus.Count];
            var mutator = new Mutator(seed: i);
            var bytes = mutator.Mutate(original);
            var label = $"case {i} ({name}: {mutator.Describe})";
            (long Allocated, int Defects, TimeSpan Elapsed) result;
            try
            {
                result = await Task.Run(() => Exercise(bytes)).WaitAsync(CaseTimeout);
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"{label} did not finish within {CaseTimeout}");
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{label} threw {e}");
            }
            var (allocated, defectCount, elapsed) = result;
            Assert.True(allocated <= 4L * bytes.Length + 2_000_000, $"{label} allocated {allocated:N0} bytes for {bytes.Length:N0}");
            if (elapsed > slowest) (slowest, slowestLabel) = (elapsed, label);
            defects += defectCount;
        }
        output.WriteLine($"{cases} cases in {clock.Elapsed.TotalSeconds:F1} s; slowest {slowest.TotalMilliseconds:F1} ms ({slowestLabel}); {defects} defects reported");
    }

    private static byte[] LargeSeed()
    {
        var random = new Random(7);
        var file = new byte[150_000];
        random.NextBytes(file);
        var text = new StringBuilder();
        while (text.Length < 150_000) text.Append("Grüße = ").Append(random.Next()).Append(random.Next(4) == 0 ? "\n" : " ");
        return new OutgoingMessage
        {
            From = new MailboxAddress("Large Seed", "seed@example.com"),
            Subject = "Large seed",
            TextBody = text.ToString(),
            HtmlBody = "<p>" + text + "</p>",
            Attachments = [new OutgoingAttachment("seed.bin", "application/octet-stream", file)],
        }.ToBytes();
    }

    /// <summary>Parses and reads everything a caller could read; returns the bytes allocated, the defect count and the time taken.</summary>
    private static (long Allocated, int Defects, TimeSpan Elapsed) Exercise(byte[] bytes)
    {
        var started = Stopwatch.GetTimestamp();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var message = MimeParser.Parse(bytes);
        var count = Read(message, 0);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return (allocated, count, Stopwatch.GetElapsedTime(started));
    }

    private static int Read(MimeMessage message, int depth)
    {
        _ = (message.Subject, message.From, message.To, message.Cc, message.Date, message.MessageId, message.References);
        _ = (message.TextBody, message.HtmlBody, message.DeliveryStatus);
        foreach (var header in message.Headers) _ = header.Value;
        foreach (var part in message.AllParts()) _ = (part.FileName, part.GetText());
        var buffer = new byte[8192];
        foreach (var attachment in message.Attachments)
        {
            _ = (attachment.FileName, attachment.ContentId, attachment.IsInline);
            long total = 0;
            using (var stream = attachment.OpenRead())
            {
                int read;
                while ((read = stream.Read(buffer)) > 0) total += read;
            }
            if (attachment.Message is null && total != attachment.Size) throw new InvalidOperationException($"size {attachment.Size} but read {total}");
            if (attachment.Message is { } inner && depth < 3) Read(inner, depth + 1);
        }
        return message.Defects.Count;
    }
}
