using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Infrastructure.Json;

/// <summary>
/// Enums travel as snake_case strings ("on_hold", "in_person"); an unknown value fails with a
/// message that lists the allowed ones, which the problem detail passes on to the caller.
/// </summary>
public sealed class SnakeCaseEnumConverter<T> : JsonConverter<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(v => NameOf(v), v => v, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<T, string> ByValue = Enum.GetValues<T>().ToFrozenDictionary(v => v, NameOf);

    public static string Allowed => string.Join(", ", ByValue.Values);

    public static string NameOf(T value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse(string? text, out T value) => ByName.TryGetValue(text ?? "", out value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var value)) return value;
        var shown = reader.TokenType == JsonTokenType.String ? $"'{reader.GetString()}'" : "This value";
        throw new JsonException($"{shown} is not one of: {Allowed}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ByValue.TryGetValue(value, out var name) ? name : NameOf(value));
}

public sealed class SnakeCaseEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(SnakeCaseEnumConverter<>).MakeGenericType(typeToConvert));
}
