namespace Rapport.Features.Tickets.Attachments;

/// <summary>The media types Rapport stores, with the names people know them by.</summary>
public static class AttachmentTypes
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";
    public const string Pdf = "application/pdf";
    public const string Zip = "application/zip";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public const string Odt = "application/vnd.oasis.opendocument.text";
    public const string Ods = "application/vnd.oasis.opendocument.spreadsheet";
    public const string Odp = "application/vnd.oasis.opendocument.presentation";
    public const string PlainText = "text/plain";
    public const string Csv = "text/csv";
    public const string Email = "message/rfc822";
    public const string Calendar = "text/calendar";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Png] = "a PNG image", [Jpeg] = "a JPEG image", [Gif] = "a GIF image", [WebP] = "a WebP image",
        [Pdf] = "a PDF document", [Zip] = "a ZIP archive",
        [Docx] = "a Word document", [Xlsx] = "an Excel workbook", [Pptx] = "a PowerPoint presentation",
        [Odt] = "an OpenDocument text", [Ods] = "an OpenDocument spreadsheet", [Odp] = "an OpenDocument presentation",
        [PlainText] = "plain text", [Csv] = "CSV text", [Email] = "an email message", [Calendar] = "a calendar (iCalendar)",
    };

    /// <summary>Other names clients send for the same types.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["image/jpg"] = Jpeg, ["image/pjpeg"] = Jpeg, ["application/x-pdf"] = Pdf,
        ["application/x-zip-compressed"] = Zip, ["application/x-zip"] = Zip,
        ["text/comma-separated-values"] = Csv, ["text/x-csv"] = Csv, ["application/csv"] = Csv,
        ["text/markdown"] = PlainText, ["text/x-markdown"] = PlainText, ["text/x-log"] = PlainText,
        ["text/tab-separated-values"] = PlainText, ["text/x-diff"] = PlainText, ["text/x-patch"] = PlainText,
        ["text/x-vcalendar"] = Calendar, ["application/ics"] = Calendar,
    };

    /// <summary>Types a browser may show in place: images it decodes itself, never SVG, which is a document that runs script.</summary>
    public static bool IsSafeInline(string contentType) => contentType is Png or Jpeg or Gif or WebP;

    public static bool IsZipBased(string contentType) => contentType is Zip or Docx or Xlsx or Pptx or Odt or Ods or Odp;

    public static bool IsText(string contentType) => contentType is PlainText or Csv or Email or Calendar;

    /// <summary>The type a file name suggests, for clients that send no type of their own.</summary>
    public static string? FromExtension(string extension) => extension switch
    {
        ".docx" => Docx, ".xlsx" => Xlsx, ".pptx" => Pptx,
        ".csv" => Csv, ".eml" => Email, ".ics" => Calendar,
        _ => null,
    };

    public static string ExtensionFor(string contentType) => contentType switch
    {
        Png => ".png", Jpeg => ".jpg", Gif => ".gif", WebP => ".webp", Pdf => ".pdf", Zip => ".zip",
        Docx => ".docx", Xlsx => ".xlsx", Pptx => ".pptx", Odt => ".odt", Ods => ".ods", Odp => ".odp",
        Csv => ".csv", Email => ".eml", Calendar => ".ics",
        _ => ".txt",
    };
}
