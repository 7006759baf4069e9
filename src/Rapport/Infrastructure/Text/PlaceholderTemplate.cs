using System.Text;

namespace Rapport.Infrastructure.Text;

/// <summary>
/// A text with placeholders, parsed once and rendered many times (a mail template, a canned reply). Pure: no I/O.
/// <list type="bullet">
/// <item><c>{{ticket.number}}</c> is replaced by its value; spaces inside the braces are allowed.</item>
/// <item><c>{{#service}}…{{/service}}</c> is shown only when the value (or, for a group such as "service", any of its
/// values) is there; <c>{{^service}}…{{/service}}</c> only when it is not. Sections nest.</item>
/// <item>Every <c>{{</c> starts a placeholder; single braces are text.</item>
/// </list>
/// Values are inserted as text in one pass and never parsed, so a value holding <c>{{…}}</c> or markup stays text. In a
/// template parsed for HTML every value is HTML-escaped, except placeholders the vocabulary marks as HTML, which are
/// inserted as they are: their safety is the duty of whoever supplies the value. Those may not be used in a text template.
/// </summary>
public sealed class PlaceholderTemplate
{
    private enum Kind : byte { Literal, Value, Section, Inverted }

    private readonly record struct Segment(Kind Kind, int Start, int Length, int Slot, int End);

    private readonly string _source;
    private readonly Segment[] _segments;
    private readonly int _literalLength;

    [ThreadStatic] private static StringBuilder? t_builder;

    private PlaceholderTemplate(string source, Segment[] segments, PlaceholderVocabulary vocabulary, bool isHtml)
    {
        (_source, _segments, Vocabulary, IsHtml) = (source, segments, vocabulary, isHtml);
        foreach (var segment in segments) if (segment.Kind == Kind.Literal) _literalLength += segment.Length;
    }

    public PlaceholderVocabulary Vocabulary { get; }

    /// <summary>Rendered as HTML: values are escaped.</summary>
    public bool IsHtml { get; }

    /// <summary>
    /// Parses <paramref name="source"/>; on failure <paramref name="problems"/> says what is wrong in words an admin
    /// understands, naming the placeholder ("Unknown placeholder {{ticket.numbr}}.").
    /// </summary>
    public static bool TryParse(string source, PlaceholderVocabulary vocabulary, bool isHtml,
        out PlaceholderTemplate template, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var segments = new List<Segment>();
        var open = new Stack<(int Index, string Name)>();
        var position = 0;
        while (position < source.Length)
        {
            var tag = source.IndexOf("{{", position, StringComparison.Ordinal);
            if (tag < 0) tag = source.Length;
            if (tag > position) segments.Add(new Segment(Kind.Literal, position, tag - position, -1, 0));
            if (tag == source.Length) break;
            var close = source.IndexOf("}}", tag + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                found.Add($"\"{{{{\" at character {tag + 1} is not closed with \"}}}}\".");
                break;
            }
            position = close + 2;
            var inner = source.AsSpan(tag + 2, close - tag - 2).Trim();
            var sigil = inner.Length > 0 && inner[0] is '#' or '^' or '/' ? inner[0] : '\0';
            var name = sigil == '\0' ? inner : inner[1..].Trim();
            if (!PlaceholderNames.IsValid(name))
            {
                found.Add($"\"{source[tag..(close + 2)]}\" is not a placeholder: names look like {{{{ticket.number}}}}.");
                continue;
            }
            if (sigil == '/')
            {
                CloseSection(name, open, segments, found);
                continue;
            }
            var kind = sigil switch { '#' => Kind.Section, '^' => Kind.Inverted, _ => Kind.Value };
            var known = vocabulary.TryFind(name, out var slot);
            if (Refusal(name, kind, known ? slot : -1, vocabulary, isHtml) is { } refusal) found.Add(refusal);
            if (kind != Kind.Value) open.Push((segments.Count, name.ToString()));
            segments.Add(new Segment(kind, 0, 0, slot, 0));
        }
        foreach (var (_, name) in open) found.Add($"Section {{{{#{name}}}}} is not closed with {{{{/{name}}}}}.");

        template = found.Count == 0 ? new PlaceholderTemplate(source, [.. segments], vocabulary, isHtml) : null!;
        problems = found;
        return found.Count == 0;
    }

    /// <summary>Why a well-formed name cannot stand here, or null when it can.</summary>
    private static string? Refusal(ReadOnlySpan<char> name, Kind kind, int slot, PlaceholderVocabulary vocabulary, bool isHtml)
    {
        if (slot < 0) return $"Unknown placeholder {{{{{name}}}}}.";
        if (kind != Kind.Value) return null;
        if (vocabulary.IsGroup(slot))
        {
            var prefix = name.ToString() + ".";
            var member = vocabulary.Placeholders.First(p => p.Name.StartsWith(prefix, StringComparison.Ordinal)).Name;
            return $"{{{{{name}}}}} is a group, not a value: use a section {{{{#{name}}}}}…{{{{/{name}}}}} or a value such as {{{{{member}}}}}.";
        }
        return vocabulary.IsHtml(slot) && !isHtml ? $"{{{{{name}}}}} is HTML and can only be used in the HTML body." : null;
    }

    private static void CloseSection(ReadOnlySpan<char> name, Stack<(int Index, string Name)> open, List<Segment> segments, List<string> found)
    {
        if (open.Count == 0)
        {
            found.Add($"{{{{/{name}}}}} closes no section.");
            return;
        }
        var (index, opened) = open.Peek();
        if (!name.SequenceEqual(opened))
        {
            found.Add($"{{{{/{name}}}}} does not match the open section {{{{#{opened}}}}}: close {{{{/{opened}}}}} first.");
            return;
        }
        open.Pop();
        segments[index] = segments[index] with { End = segments.Count };
    }

    /// <summary>The placeholder names the template uses, sections included, in order of first use.</summary>
    public IEnumerable<string> Names => _segments.Where(s => s.Kind != Kind.Literal).Select(s => SlotName(s.Slot)).Distinct();

    public string Render(PlaceholderValues values)
    {
        if (!ReferenceEquals(values.Vocabulary, Vocabulary)) throw new ArgumentException("The values are for another vocabulary.", nameof(values));
        var builder = t_builder ?? new StringBuilder(1024);
        t_builder = null;
        builder.Clear();
        builder.EnsureCapacity(_literalLength + 256);
        RenderTo(builder, values.Slots);
        var text = builder.ToString();
        if (builder.Capacity <= 64 * 1024) t_builder = builder;
        return text;
    }

    private void RenderTo(StringBuilder output, string?[] values)
    {
        var i = 0;
        while (i < _segments.Length)
        {
            var segment = _segments[i];
            switch (segment.Kind)
            {
                case Kind.Literal:
                    output.Append(_source, segment.Start, segment.Length);
                    break;
                case Kind.Value when values[segment.Slot] is { Length: > 0 } value:
                    if (IsHtml && !Vocabulary.IsHtml(segment.Slot)) HtmlText.AppendEscaped(output, value);
                    else output.Append(value);
                    break;
                case Kind.Section when !Vocabulary.IsPresent(segment.Slot, values):
                case Kind.Inverted when Vocabulary.IsPresent(segment.Slot, values):
                    i = segment.End;
                    continue;
            }
            i++;
        }
    }

    private string SlotName(int slot) => slot < Vocabulary.ValueCount ? Vocabulary.Placeholders[slot].Name : Vocabulary.GroupName(slot);
}
