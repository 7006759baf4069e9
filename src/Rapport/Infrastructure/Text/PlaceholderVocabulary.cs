namespace Rapport.Infrastructure.Text;

/// <summary>One placeholder a template may use: its dotted name, what it stands for, and whether its value is already HTML.</summary>
/// <param name="IsHtml">
/// The value is markup that is safe to insert into an HTML body as it is (sanitised by whoever supplies it). It may
/// only be used where HTML is rendered, and it is never escaped there: its safety is the caller's duty.
/// </param>
public sealed record Placeholder(string Name, string Description, bool IsHtml = false);

/// <summary>
/// The placeholders one kind of template may use. Each name gets a slot, so rendering looks values up by index, not
/// by name. The first part of a dotted name is a group ("ticket", "service"): a section over a group is shown when any
/// of its values is there. Build a vocabulary once and keep it.
/// </summary>
public sealed class PlaceholderVocabulary
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[][] _groupMembers;

    public PlaceholderVocabulary(IEnumerable<Placeholder> placeholders)
    {
        Placeholders = [.. placeholders];
        for (var i = 0; i < Placeholders.Count; i++)
        {
            if (!PlaceholderNames.IsValid(Placeholders[i].Name)) throw new ArgumentException($"'{Placeholders[i].Name}' is not a placeholder name.", nameof(placeholders));
            _slots.Add(Placeholders[i].Name, i);
        }
        var groups = Placeholders.Select((p, i) => (Group: PlaceholderNames.Group(p.Name), Slot: i))
            .Where(g => g.Group is not null && !_slots.ContainsKey(g.Group)).GroupBy(g => g.Group!).ToList();
        _groupMembers = new int[groups.Count][];
        for (var g = 0; g < groups.Count; g++)
        {
            _slots.Add(groups[g].Key, Placeholders.Count + g);
            _groupMembers[g] = [.. groups[g].Select(m => m.Slot)];
        }
        _lookup = _slots.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<Placeholder> Placeholders { get; }

    /// <summary>Placeholders have values; groups are only for sections.</summary>
    internal int ValueCount => Placeholders.Count;

    internal bool TryFind(ReadOnlySpan<char> name, out int slot) => _lookup.TryGetValue(name, out slot);

    internal bool IsGroup(int slot) => slot >= Placeholders.Count;

    internal bool IsHtml(int slot) => slot < Placeholders.Count && Placeholders[slot].IsHtml;

    internal bool IsPresent(int slot, string?[] values)
    {
        if (slot < values.Length) return !string.IsNullOrEmpty(values[slot]);
        foreach (var member in _groupMembers[slot - Placeholders.Count])
            if (!string.IsNullOrEmpty(values[member])) return true;
        return false;
    }

    internal string GroupName(int slot) => _slots.First(s => s.Value == slot).Key;

    internal int SlotOf(string name) =>
        _slots.TryGetValue(name, out var slot) && slot < Placeholders.Count ? slot : -1;
}

internal static class PlaceholderNames
{
    /// <summary>Lower-case words of letters, digits and underscores, joined by dots: ticket.number, customer.first_name.</summary>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty) return false;
        var wordStart = true;
        foreach (var c in name)
        {
            if (c == '.')
            {
                if (wordStart) return false;
                wordStart = true;
                continue;
            }
            if (wordStart ? !char.IsAsciiLetterLower(c) && c != '_' : !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_') return false;
            wordStart = false;
        }
        return !wordStart;
    }

    public static string? Group(string name) => name.IndexOf('.') is > 0 and var dot ? name[..dot] : null;
}
