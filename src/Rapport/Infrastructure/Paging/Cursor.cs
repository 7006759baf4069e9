using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Rapport.Infrastructure.Paging;

/// <summary>
/// A keyset cursor: the sort key and id of the last row of a page, opaque to clients.
/// The next page starts strictly after it, so paging stays fast at any depth and stable under inserts.
/// </summary>
public readonly record struct Cursor(long SortKey, long Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{SortKey}.{Id}")));

    public static bool TryDecode(string? text, out Cursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64) return false;
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
            if (parts.Length != 2
                || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sortKey)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
            cursor = new Cursor(sortKey, id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static Cursor From(DateTimeOffset sortKey, long id) => new(sortKey.UtcTicks, id);

    public DateTimeOffset SortKeyAsTime => new(SortKey, TimeSpan.Zero);
}

/// <summary>One page of a list and the cursor for the next, null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class PageLimits
{
    public const int Default = 25;
    public const int Max = 100;

    public const string UnknownCursor = "This cursor is not one Rapport gave out.";

    public static int Clamp(int? limit) => limit is null or < 1 ? Default : Math.Min(limit.Value, Max);

    /// <summary>Refuses a page size outside 1…<see cref="Max"/> rather than quietly changing it.</summary>
    public static void Check(int? limit, Problems.Validator check)
    {
        if (limit is < 1 or > Max) check.Add("limit", $"Must be between 1 and {Max}.");
    }
}
