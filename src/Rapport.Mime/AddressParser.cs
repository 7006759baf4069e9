using System.Text;

namespace Rapport.Mime;

/// <summary>Parses address lists (RFC 5322 §3.4, with the obsolete forms and the common mistakes:
/// unquoted commas in names, comments as names, routes, "mailto:", encoded words in quotes).</summary>
public static class AddressParser
{
    /// <summary>All mailboxes in the list, groups flattened, in order.</summary>
    public static IReadOnlyList<MailboxAddress> Parse(string? text) =>
        ParseGroups(text).SelectMany(g => g.Members).ToList();

    public static IReadOnlyList<AddressGroup> ParseGroups(string? text) => ParseGroups(text, null, "");

    internal static IReadOnlyList<AddressGroup> ParseGroups(string? text, DefectList? defects, string where)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var items = Tokenize(text);
        var groups = new List<AddressGroup>();
        List<MailboxAddress>? loose = null;
        string? currentGroup = null;
        List<MailboxAddress>? members = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            switch (item.Kind)
            {
                case ItemKind.GroupStart:
                    if (members is not null) groups.Add(new AddressGroup(currentGroup, members));
                    currentGroup = Words(item.Phrase);
                    members = [];
                    continue;
                case ItemKind.GroupEnd:
                    if (members is not null) groups.Add(new AddressGroup(currentGroup, members));
                    currentGroup = null;
                    members = null;
                    continue;
            }
            // "Doe, John <j@x>": a word with no '@' followed by a named address is the first half of the name.
            if (item.Angle is null && !item.Phrase.Contains('@') && i + 1 < items.Count && items[i + 1] is { Kind: ItemKind.Mailbox, Angle: not null } next)
            {
                next.Phrase = item.Phrase.Trim() + ", " + next.Phrase.Trim();
                continue;
            }
            var mailbox = ToMailbox(item);
            if (mailbox is null) continue;
            if (!mailbox.Address.Contains('@'))
                defects?.Add(DefectKind.InvalidAddress, where, $"address without a domain: {Cut(mailbox.Address)}");
            if (members is not null)
            {
                members.Add(mailbox);
                continue;
            }
            // Mailboxes outside groups gather in an unnamed group, keeping the list's order.
            if (loose is null || !ReferenceEquals(groups[^1].Members, loose))
            {
                loose = [];
                groups.Add(new AddressGroup(null, loose));
            }
            loose.Add(mailbox);
        }
        if (members is not null) groups.Add(new AddressGroup(currentGroup, members));
        return groups;
    }

    private static MailboxAddress? ToMailbox(Item item)
    {
        if (item.Angle is not null)
        {
            var address = CleanAddress(item.Angle);
            var name = Words(item.Phrase);
            if (string.IsNullOrEmpty(name)) name = item.Comment is null ? null : Words(item.Comment);
            if (address.Length == 0 && string.IsNullOrEmpty(name)) return null;
            return new MailboxAddress(string.IsNullOrEmpty(name) ? null : name, address);
        }
        var bare = CleanAddress(item.Phrase);
        if (bare.Length == 0) return null;
        var comment = item.Comment is null ? null : Words(item.Comment);
        return new MailboxAddress(string.IsNullOrEmpty(comment) ? null : comment, bare);
    }

    private static string Words(string phrase)
    {
        var collapsed = string.Join(' ', phrase.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return EncodedWords.Decode(collapsed).Trim();
    }

    private static string CleanAddress(string text)
    {
        var sb = new StringBuilder(text.Length);
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            if (quoted || !char.IsWhiteSpace(c)) sb.Append(c);
        }
        var address = sb.ToString().Trim('<', '>');
        if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) address = address[7..];
        // Obsolete route: <@relay1,@relay2:user@domain>
        if (address.StartsWith('@') && address.IndexOf(':') is > 0 and var colon) address = address[(colon + 1)..];
        // 'a@b' and "a@b" written whole in quotes.
        if (address.Length > 1 && address[0] is '\'' or '"' && address[^1] == address[0] && address.IndexOf(address[0], 1) == address.Length - 1)
            address = address[1..^1];
        return address;
    }

    private enum ItemKind { Mailbox, GroupStart, GroupEnd }

    private sealed class Item(ItemKind kind)
    {
        public ItemKind Kind { get; } = kind;
        public string Phrase { get; set; } = "";
        public string? Angle { get; set; }
        public string? Comment { get; set; }
    }

    private static List<Item> Tokenize(string text)
    {
        var items = new List<Item>();
        var phrase = new StringBuilder();
        var current = new Item(ItemKind.Mailbox);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    var end = i + 1;
                    var mark = phrase.Length;
                    for (; end < text.Length && text[end] != '"'; end++)
                    {
                        if (text[end] == '\\' && end + 1 < text.Length) end++;
                        phrase.Append(text[end]);
                    }
                    // The quotes only matter for the local part: keep them when an @ follows directly.
                    if (end + 1 < text.Length && text[end + 1] == '@') phrase.Insert(mark, '"').Append('"');
                    i = end + 1;
                    continue;
                case '(':
                    var depth = 0;
                    var comment = new StringBuilder();
                    for (; i < text.Length; i++)
                    {
                        if (text[i] == '(' && depth++ == 0) continue;
                        if (text[i] == ')' && --depth == 0) break;
                        if (text[i] == '\\' && i + 1 < text.Length) i++;
                        comment.Append(text[i]);
                    }
                    current.Comment ??= comment.ToString();
                    phrase.Append(' ');
                    i++;
                    continue;
                case '<':
                    var close = text.IndexOf('>', i + 1);
                    if (close < 0) close = text.Length;
                    current.Angle = text[(i + 1)..close];
                    i = close + 1;
                    continue;
                case ':' when current.Angle is null && !LooksLikeRoute(phrase):
                    current = new Item(ItemKind.GroupStart) { Phrase = phrase.ToString() };
                    items.Add(current);
                    phrase.Clear();
                    current = new Item(ItemKind.Mailbox);
                    i++;
                    continue;
                case ',' or ';':
                    current.Phrase = phrase.ToString();
                    if (current.Angle is not null || current.Phrase.Trim().Length > 0) items.Add(current);
                    if (c == ';') items.Add(new Item(ItemKind.GroupEnd));
                    phrase.Clear();
                    current = new Item(ItemKind.Mailbox);
                    i++;
                    continue;
                default:
                    phrase.Append(c);
                    i++;
                    continue;
            }
        }
        current.Phrase = phrase.ToString();
        if (current.Angle is not null || current.Phrase.Trim().Length > 0) items.Add(current);
        return items;
    }

    private static bool LooksLikeRoute(StringBuilder phrase) => phrase.Length > 0 && phrase.ToString().TrimStart().StartsWith('@');

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
