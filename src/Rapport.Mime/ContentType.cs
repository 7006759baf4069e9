namespace Rapport.Mime;

/// <summary>A parsed Content-Type: media type and subtype in lower case, parameters by case-insensitive name.</summary>
public sealed class ContentType
{
    public static readonly ContentType TextPlain = new("text", "plain", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
    public static readonly ContentType MessageRfc822 = new("message", "rfc822", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    internal ContentType(string mediaType, string subtype, IReadOnlyDictionary<string, string> parameters)
    {
        MediaType = mediaType;
        Subtype = subtype;
        Parameters = parameters;
    }

    public string MediaType { get; }

    public string Subtype { get; }

    /// <summary>"type/subtype".</summary>
    public string MimeType => MediaType + "/" + Subtype;

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public string? Charset => Parameters.GetValueOrDefault("charset");

    public string? Boundary => Parameters.GetValueOrDefault("boundary");

    public string? Name => Parameters.GetValueOrDefault("name");

    public bool Is(string mediaType, string subtype) =>
        MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) && Subtype.Equals(subtype, StringComparison.OrdinalIgnoreCase);

    public bool IsMultipart => MediaType == "multipart";

    public override string ToString() => MimeType;

    /// <summary>Parses a Content-Type value; a missing or unreadable one gives <paramref name="fallback"/> (RFC 2045 §5.2).</summary>
    internal static ContentType Parse(string? text, ContentType fallback, DefectList defects, string where)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        var (value, parameters) = HeaderParameters.Parse(text, defects, where);
        var slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            // "text" alone, or junk: keep the parameters (a charset still helps) on the default type.
            defects.Add(DefectKind.InvalidParameter, where, $"unreadable content type \"{Cut(value)}\"");
            return new ContentType(fallback.MediaType, fallback.Subtype, parameters);
        }
        var type = value[..slash].Trim().ToLowerInvariant();
        var subtype = value[(slash + 1)..].Trim().ToLowerInvariant();
        var space = subtype.IndexOfAny([' ', '\t']);
        if (space > 0) subtype = subtype[..space];
        return new ContentType(type, subtype, parameters);
    }

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>A parsed Content-Disposition.</summary>
public sealed class ContentDisposition
{
    internal ContentDisposition(string disposition, IReadOnlyDictionary<string, string> parameters)
    {
        Disposition = disposition;
        Parameters = parameters;
    }

    /// <summary>"inline", "attachment" or whatever was written, in lower case.</summary>
    public string Disposition { get; }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public string? FileName => Parameters.GetValueOrDefault("filename");

    public bool IsAttachment => Disposition == "attachment";

    public bool IsInline => Disposition == "inline";

    internal static ContentDisposition? Parse(string? text, DefectList defects, string where)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var (value, parameters) = HeaderParameters.Parse(text, defects, where);
        return new ContentDisposition(value.Trim().ToLowerInvariant(), parameters);
    }
}
