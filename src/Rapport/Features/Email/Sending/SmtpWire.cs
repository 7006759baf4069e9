using System.Text;

namespace Rapport.Features.Email.Sending;

/// <summary>
/// The bytes of an SMTP conversation: reading (multi-line) replies from a stream that may be swapped for its TLS
/// wrapper, and the DATA transparency rule (CRLF line ends, a leading dot doubled, the closing "CRLF.CRLF").
/// </summary>
internal sealed class SmtpWire(Stream stream)
{
    private const int MaxLine = 4096;
    private const int MaxReplyLines = 100;
    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    public Stream Stream { get; private set; } = stream;

    /// <summary>Switches to the TLS stream; whatever the server sent before the handshake is dropped (no injected commands).</summary>
    public void Upgrade(Stream secured)
    {
        Stream = secured;
        _start = _end = 0;
    }

    public async Task WriteLineAsync(string line, CancellationToken ct)
    {
        await Stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), ct);
        await Stream.FlushAsync(ct);
    }

    public async Task<SmtpReply> ReadReplyAsync(CancellationToken ct)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(ct);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code) || code is < 200 or > 599
                || line.Length > 3 && line[3] is not (' ' or '-'))
                throw new SmtpFailure(FailureKind.Transient, $"The server's reply is not SMTP: {Shorten(line)}");
            lines.Add(line.Length > 4 ? line[4..] : "");
            if (lines.Count > MaxReplyLines) throw new SmtpFailure(FailureKind.Transient, "The server's reply is too long.");
            if (line.Length == 3 || line[3] == ' ') return new SmtpReply(code, lines);
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken ct)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await Stream.ReadAsync(_buffer, ct);
                if (_end == 0) throw new IOException("The server closed the connection.");
            }
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            line.AddRange(_buffer.AsSpan(_start, stop - _start));
            _start = newline < 0 ? _end : newline + 1;
            if (line.Count > MaxLine) throw new SmtpFailure(FailureKind.Transient, "The server sent a line too long for SMTP.");
            if (newline >= 0) return Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
        }
    }

    /// <summary>
    /// The message as DATA carries it: every line end CRLF (a lone CR or LF becomes one), a dot at the start of a
    /// line doubled, and the closing line with a single dot.
    /// </summary>
    public static byte[] DataBytes(ReadOnlySpan<byte> message)
    {
        var output = new MemoryStream(message.Length + message.Length / 50 + 8);
        var atLineStart = true;
        for (var i = 0; i < message.Length; i++)
        {
            var b = message[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                if (b == '\r' && i + 1 < message.Length && message[i + 1] == '\n') i++;
                output.Write("\r\n"u8);
                atLineStart = true;
                continue;
            }
            if (atLineStart && b == '.') output.WriteByte((byte)'.');
            output.WriteByte(b);
            atLineStart = false;
        }
        if (!atLineStart) output.Write("\r\n"u8);
        output.Write(".\r\n"u8);
        return output.ToArray();
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
