using System.Text.Json;

namespace Rapport.Infrastructure.Json;

public static class EnumNames
{
    public static string ToSnakeCase(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
