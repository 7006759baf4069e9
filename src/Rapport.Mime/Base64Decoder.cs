namespace Rapport.Mime;

/// <summary>A forgiving, resumable base64 decoder: skips whitespace, counts other junk, accepts
/// missing padding and data after padding (concatenated blocks).</summary>
internal struct Base64Decoder
{
    private const sbyte Invalid = -1, Space = -2, Pad = -3;
    private static readonly sbyte[] Table = BuildTable();

    private uint bits;
    private int count;

    /// <summary>Bytes that were neither base64, padding nor whitespace.</summary>
    public int InvalidBytes { get; private set; }

    public int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var table = Table;
        var n = 0;
        var i = 0;
        while (i < input.Length)
        {
            // Fast path: four clean characters on a quantum boundary.
            if (count == 0 && i + 4 <= input.Length)
            {
                int a = table[input[i]], b = table[input[i + 1]], c = table[input[i + 2]], d = table[input[i + 3]];
                if ((a | b | c | d) >= 0)
                {
                    var v = (uint)(a << 18 | b << 12 | c << 6 | d);
                    output[n] = (byte)(v >> 16);
                    output[n + 1] = (byte)(v >> 8);
                    output[n + 2] = (byte)v;
                    n += 3;
                    i += 4;
                    continue;
                }
            }
            int value = table[input[i++]];
            if (value >= 0)
            {
                bits = bits << 6 | (uint)value;
                if (++count == 4)
                {
                    output[n++] = (byte)(bits >> 16);
                    output[n++] = (byte)(bits >> 8);
                    output[n++] = (byte)bits;
                    count = 0;
                    bits = 0;
                }
            }
            else if (value == Pad) n += Finish(output[n..]);
            else if (value == Invalid) InvalidBytes++;
        }
        return n;
    }

    /// <summary>Writes what an unpadded last quantum holds and resets.</summary>
    public int Finish(Span<byte> output)
    {
        var n = 0;
        if (count == 2) output[n++] = (byte)(bits >> 4);
        else if (count == 3)
        {
            output[n++] = (byte)(bits >> 10);
            output[n++] = (byte)(bits >> 2);
        }
        else if (count == 1) InvalidBytes++;
        count = 0;
        bits = 0;
        return n;
    }

    private static sbyte[] BuildTable()
    {
        var table = new sbyte[256];
        Array.Fill(table, Invalid);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var i = 0; i < alphabet.Length; i++) table[alphabet[i]] = (sbyte)i;
        table['-'] = 62; // base64url, seen from some web mailers
        table['_'] = 63;
        foreach (var c in " \t\r\n\f\v") table[c] = Space;
        table['='] = Pad;
        return table;
    }
}
