using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Rapport.Features.Customers;

/// <summary>
/// The keyset cursor of lists sorted by name then id (customers, organisations). The shared
/// numeric cursor cannot carry text, hence this one.
/// </summary>
public readonly record struct NameCursor(string Name, long Id)
{
    private const int MaxLength = 1200;

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new object[] { Name, Id }));

    public static bool TryDecode(string? text, out NameCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return false;
        try
        {
            using var parts = JsonDocument.Parse(Base64Url.DecodeFromChars(text));
            if (parts.RootElement is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() != 2
                || array[0].ValueKind != JsonValueKind.String || !array[1].TryGetInt64(out var id)) return false;
            cursor = new NameCursor(array[0].GetString()!, id);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException or InvalidOperationException)
        {
            return false;
        }
    }
}
