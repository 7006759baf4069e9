using Rapport.Infrastructure.Paging;

namespace Rapport.Features.People;

/// <summary>
/// The keyset cursor of the staff directory, which is sorted by name: the last row's name and
/// its unique normalised user name.
/// </summary>
public readonly record struct DirectoryCursor(string Name, string Key)
{
    public string Encode() => TextCursor.Encode(Name, Key);

    public static bool TryDecode(string? text, out DirectoryCursor cursor)
    {
        cursor = default;
        if (!TextCursor.TryDecode(text, 2, out var parts) || parts[1].Length == 0) return false;
        cursor = new DirectoryCursor(parts[0], parts[1]);
        return true;
    }
}
