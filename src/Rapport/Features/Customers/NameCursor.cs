using System.Globalization;
using Rapport.Infrastructure.Paging;

namespace Rapport.Features.Customers;

/// <summary>The keyset cursor of lists sorted by name then id (customers, organisations).</summary>
public readonly record struct NameCursor(string Name, long Id)
{
    public string Encode() => TextCursor.Encode(Name, Id.ToString(CultureInfo.InvariantCulture));

    public static bool TryDecode(string? text, out NameCursor cursor)
    {
        cursor = default;
        if (!TextCursor.TryDecode(text, 2, out var parts)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        cursor = new NameCursor(parts[0], id);
        return true;
    }
}
