using System.Text;

namespace Rapport.Mime;

/// <summary>Parses "value; name=value; …" header bodies (Content-Type, Content-Disposition) with
/// RFC 2231 continuations and charsets, RFC 2047 words in quoted values, and unquoted values with spaces.</summary>
internal static class HeaderParameters
{
    public static (string Value, Dictionary<string, string> Parameters) Parse(string text, DefectList defects, string where)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var semi = IndexOfUnquoted(text, 0);
        var value = StripComments(semi < 0 ? text : text[..semi]).Trim();
        var sections = new Dictionary<string, SortedDictionary<int, (string Text, bool Encoded)>>(StringComparer.OrdinalIgnoreCase);
        var pos = semi;
        while (pos >= 0 && pos < text.Length)
        {
            var next = IndexOfUnquoted(text, pos + 1);
            var part = text.AsSpan(pos + 1, (next < 0 ? text.Length : next) - pos - 1).Trim();
            pos = next;
            if (part.IsEmpty) continue;
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                defects.Add(DefectKind.InvalidParameter, where, $"parameter without a value: {Cut(part)}");
                continue;
            }
            var name = part[..eq].Trim().ToString();
            var raw = part[(eq + 1)..].Trim();
            var quoted = raw.Length >= 1 && raw[0] == '"';
            var val = quoted ? Unquote(raw) : StripComments(raw.ToString()).Trim();
            var star = name.IndexOf('*');
            if (star < 0)
            {
                // Not standard, quoted or not, but what many mailers write for non-ASCII names.
                if (val.Contains("=?", StringComparison.Ordinal)) val = EncodedWords.Decode(val);
                parameters.TryAdd(name, val);
                continue;
            }
            var baseName = name[..star];
            var rest = name[(star + 1)..];
            var encoded = rest.EndsWith('*') || rest.Length == 0;
            var number = 0;
            if (rest.Length > 0 && !int.TryParse(rest.TrimEnd('*'), out number))
            {
                defects.Add(DefectKind.InvalidParameter, where, $"bad RFC 2231 section {Cut(name)}");
                continue;
            }
            if (!sections.TryGetValue(baseName, out var list)) sections[baseName] = list = [];
            list.TryAdd(number, (val, encoded));
        }
        foreach (var (name, list) in sections) parameters[name] = Join(list);
        return (value, parameters);
    }

    private static string Join(SortedDictionary<int, (string Text, bool Encoded)> sections)
    {
        Encoding encoding = Encoding.UTF8;
        var bytes = new List<byte>();
        var result = new StringBuilder();
        foreach (var (number, (text, encoded)) in sections)
        {
            var body = text;
            if (number == 0 && encoded)
            {
                // charset'language'value
                var q1 = text.IndexOf('\'');
                var q2 = q1 < 0 ? -1 : text.IndexOf('\'', q1 + 1);
                if (q2 > 0)
                {
                    encoding = Charsets.Find(text[..q1]) ?? Encoding.UTF8;
                    body = text[(q2 + 1)..];
                }
            }
            if (!encoded)
            {
                Flush();
                result.Append(body);
                continue;
            }
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == '%' && i + 2 < body.Length && EncodedWords.HexValue(body[i + 1]) >= 0 && EncodedWords.HexValue(body[i + 2]) >= 0)
                {
                    bytes.Add((byte)(EncodedWords.HexValue(body[i + 1]) << 4 | EncodedWords.HexValue(body[i + 2])));
                    i += 2;
                }
                else if (body[i] < 128) bytes.Add((byte)body[i]);
                else bytes.AddRange(Encoding.UTF8.GetBytes(body[i].ToString()));
            }
        }
        Flush();
        return result.ToString();

        void Flush()
        {
            if (bytes.Count == 0) return;
            var span = bytes.ToArray();
            result.Append(encoding.CodePage == 65001 ? Charsets.Utf8OrLatin1(span).GetString(span) : encoding.GetString(span));
            bytes.Clear();
        }
    }

    private static int IndexOfUnquoted(string text, int from)
    {
        var quoted = false;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && quoted) i++;
            else if (c == '"') quoted = !quoted;
            else if (c == ';' && !quoted) return i;
        }
        return -1;
    }

    private static string Unquote(ReadOnlySpan<char> raw)
    {
        var sb = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '"') break;
            // Windows paths in file names are written with single backslashes: keep a backslash before an ordinary character.
            if (c == '\\' && i + 1 < raw.Length && raw[i + 1] is '"' or '\\') c = raw[++i];
            sb.Append(c);
        }
        return sb.ToString();
    }

    internal static string StripComments(string text)
    {
        if (!text.Contains('(')) return text;
        var sb = new StringBuilder(text.Length);
        var depth = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"' && depth == 0) quoted = !quoted;
            if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')' && depth > 0) depth--;
            else if (depth == 0) sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Cut(ReadOnlySpan<char> text) => text.Length > 40 ? text[..40].ToString() + "…" : text.ToString();
}
