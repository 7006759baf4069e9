using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Rapport.Features.People;

/// <summary>
/// The keyset cursor of the staff directory, which is sorted by name: the last row's name and
/// its unique normalised user name. The shared numeric cursor cannot carry text, hence this one.
/// </summary>
public readonly record struct DirectoryCursor(string Name, string Key)
{
    private const int MaxLength = 1200;

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { Name, Key }));

    public static bool TryDecode(string? text, out DirectoryCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return false;
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(text));
            if (parts is not [{ } name, { Length: > 0 } key]) return false;
            cursor = new DirectoryCursor(name, key);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return false;
        }
    }
}
