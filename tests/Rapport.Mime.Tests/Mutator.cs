using System.Text;

namespace Rapport.Mime.Tests;

/// <summary>Breaks messages the ways transport and bad software do: flipped bytes, truncation,
/// repeated boundary lines, junk lines, lost line ends, removed ranges.</summary>
public sealed class Mutator(int seed)
{
    private readonly Random random = new(seed);

    private static readonly byte[][] JunkLines =
    [
        "--"u8.ToArray(), "--="u8.ToArray(), ":"u8.ToArray(), "Content-Type: multipart/mixed; boundary=\"\""u8.ToArray(),
        "Content-Type: multipart/mixed; boundary=x"u8.ToArray(), "Content-Transfer-Encoding: base64"u8.ToArray(),
        "Content-Type: message/rfc822"u8.ToArray(), "=?utf-8?B?////?="u8.ToArray(), "=?x?Q?=ZZ?="u8.ToArray(),
        "\t continued"u8.ToArray(), "=\r"u8.ToArray(), "From nobody Mon Jan  1 00:00:00 2024"u8.ToArray(),
        "Content-Type: text/plain; charset*0*=utf-8''%; name*9999999999=x"u8.ToArray(), "<<<<<<((((((\"\"\""u8.ToArray(),
    ];

    public string Describe { get; private set; } = "";

    public byte[] Mutate(byte[] original)
    {
        var data = new List<byte>(original);
        var steps = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(7))
            {
                case 0: FlipBytes(data, steps); break;
                case 1: Truncate(data, steps); break;
                case 2: DuplicateBoundary(data, steps); break;
                case 3: InsertJunk(data, steps); break;
                case 4: RemoveRange(data, steps); break;
                case 5: StripCarriageReturns(data, steps); break;
                default: InsertRandomLine(data, steps); break;
            }
        }
        Describe = string.Join(", ", steps);
        return [.. data];
    }

    private void FlipBytes(List<byte> data, List<string> steps)
    {
        if (data.Count == 0) return;
        var n = random.Next(1, 20);
        for (var i = 0; i < n; i++) data[random.Next(data.Count)] = (byte)random.Next(256);
        steps.Add($"flip {n}");
    }

    private void Truncate(List<byte> data, List<string> steps)
    {
        var at = random.Next(data.Count + 1);
        data.RemoveRange(at, data.Count - at);
        steps.Add($"truncate at {at}");
    }

    private void DuplicateBoundary(List<byte> data, List<string> steps)
    {
        var lines = LineStarts(data).Where(s => s + 1 < data.Count && data[s] == '-' && data[s + 1] == '-').ToList();
        if (lines.Count == 0) return;
        var start = lines[random.Next(lines.Count)];
        var end = start;
        while (end < data.Count && data[end] != '\n') end++;
        var line = data.GetRange(start, Math.Min(end + 1, data.Count) - start);
        var targets = LineStarts(data).ToList();
        var times = random.Next(1, 5);
        for (var i = 0; i < times; i++) data.InsertRange(targets[random.Next(targets.Count)], line);
        steps.Add($"duplicate boundary x{times}");
    }

    private void InsertJunk(List<byte> data, List<string> steps)
    {
        var targets = LineStarts(data).ToList();
        var junk = JunkLines[random.Next(JunkLines.Length)];
        data.InsertRange(targets[random.Next(targets.Count)], [.. junk, (byte)'\r', (byte)'\n']);
        steps.Add($"junk \"{Encoding.ASCII.GetString(junk)}\"");
    }

    private void InsertRandomLine(List<byte> data, List<string> steps)
    {
        var targets = LineStarts(data).ToList();
        var line = new byte[random.Next(0, 200)];
        random.NextBytes(line);
        data.InsertRange(targets[random.Next(targets.Count)], [.. line, (byte)'\n']);
        steps.Add($"random line of {line.Length}");
    }

    private void RemoveRange(List<byte> data, List<string> steps)
    {
        if (data.Count == 0) return;
        var at = random.Next(data.Count);
        var length = random.Next(1, Math.Min(500, data.Count - at) + 1);
        data.RemoveRange(at, length);
        steps.Add($"remove {length} at {at}");
    }

    private static void StripCarriageReturns(List<byte> data, List<string> steps)
    {
        data.RemoveAll(b => b == '\r');
        steps.Add("bare LF");
    }

    private static IEnumerable<int> LineStarts(List<byte> data)
    {
        yield return 0;
        for (var i = 0; i < data.Count; i++) if (data[i] == '\n') yield return i + 1;
    }
}
