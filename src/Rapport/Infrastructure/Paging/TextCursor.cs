using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Rapport.Infrastructure.Paging;

/// <summary>
/// The opaque form of a keyset cursor whose sort key is text (lists sorted by name): the last
/// row's key parts, as a base64url JSON array. <see cref="Cursor"/> covers numeric keys.
/// </summary>
public static class TextCursor
{
    private const int MaxLength = 1200;

    public static string Encode(params string[] parts) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(parts));

    /// <summary>Reads a cursor of exactly <paramref name="count"/> parts; anything else was not made by Rapport.</summary>
    public static bool TryDecode(string? text, int count, out string[] parts)
    {
        parts = [];
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return false;
        try
        {
            var decoded = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(text));
            if (decoded is null || decoded.Length != count || decoded.Any(p => p is null)) return false;
            parts = decoded;
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return false;
        }
    }
}
