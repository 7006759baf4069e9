namespace Rapport.Mime;

/// <summary>A forgiving, resumable quoted-printable decoder: soft line breaks (with trailing
/// whitespace), lower-case hex, and a lone '=' kept as written.</summary>
internal struct QuotedPrintableDecoder
{
    private int state; // 0 text, 1 after '=', 2 after '=' and one hex digit, 3 after '=' and whitespace
    private int high;
    private byte first;

    public int InvalidSequences { get; private set; }

    public int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var n = 0;
        var i = 0;
        while (i < input.Length)
        {
            if (state == 0)
            {
                var run = input[i..].IndexOf((byte)'=');
                if (run < 0) run = input.Length - i;
                input.Slice(i, run).CopyTo(output[n..]);
                n += run;
                i += run;
                if (i < input.Length) { state = 1; i++; }
                continue;
            }
            var b = input[i++];
            switch (state)
            {
                case 1 when b == '\n':
                    state = 0;
                    break;
                case 1 when b is (byte)'\r' or (byte)' ' or (byte)'\t':
                    state = 3;
                    break;
                case 1 when HexValue(b) >= 0:
                    high = HexValue(b);
                    first = b;
                    state = 2;
                    break;
                case 1:
                    InvalidSequences++;
                    output[n++] = (byte)'=';
                    output[n++] = b;
                    state = b == '=' ? 1 : 0;
                    if (b == '=') n--;
                    break;
                case 2 when HexValue(b) >= 0:
                    output[n++] = (byte)(high << 4 | HexValue(b));
                    state = 0;
                    break;
                case 2:
                    InvalidSequences++;
                    output[n++] = (byte)'=';
                    output[n++] = first;
                    i--;
                    state = 0;
                    break;
                case 3 when b == '\n':
                    state = 0;
                    break;
                case 3 when b is (byte)'\r' or (byte)' ' or (byte)'\t':
                    break;
                default:
                    // '=' then whitespace then text: not a soft break; keep the text, drop the junk.
                    InvalidSequences++;
                    i--;
                    state = 0;
                    break;
            }
        }
        return n;
    }

    /// <summary>Writes what a dangling escape at the very end holds.</summary>
    public int Finish(Span<byte> output)
    {
        var n = 0;
        if (state == 2)
        {
            output[n++] = (byte)'=';
            output[n++] = first;
        }
        state = 0;
        return n;
    }

    private static int HexValue(byte b) => EncodedWords.HexValue((char)b);
}
