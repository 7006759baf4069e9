using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using Rapport.Infrastructure.Problems;
using static Rapport.Features.Tickets.Attachments.AttachmentTypes;

namespace Rapport.Features.Tickets.Attachments;

/// <summary>
/// Which files Rapport keeps, and as what type: decided from the file's own bytes, with the
/// client's declared type and file name only as claims to check. Programs, HTML, SVG and
/// macro-carrying formats are refused, as are files whose content is not what they claim.
/// </summary>
public static partial class AttachmentContent
{
    /// <summary>Names that make an operating system or a browser run the file when it is opened.</summary>
    private static readonly HashSet<string> RunnableExtensions =
    [
        ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".cpl", ".msi", ".msp", ".mst", ".msc", ".dll", ".ocx", ".sys",
        ".js", ".mjs", ".jse", ".vbs", ".vbe", ".wsf", ".wsh", ".ws", ".ps1", ".psm1", ".psd1", ".hta", ".htc",
        ".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt",
        ".jar", ".jnlp", ".class", ".lnk", ".url", ".scf", ".inf", ".reg", ".chm", ".gadget", ".application",
        ".appref-ms", ".settingcontent-ms", ".library-ms", ".appx", ".appxbundle", ".msix", ".msixbundle", ".xbap", ".xll",
        ".sh", ".bash", ".command", ".desktop", ".app", ".pkg", ".dmg", ".apk", ".deb", ".rpm", ".iso", ".img", ".vhd", ".vhdx",
        ".py", ".pyw", ".swf", ".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm", ".ppam", ".ppsm",
    ];

    private static readonly string[] MarkupStarts =
    [
        "<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<style", "<title", "<meta", "<link", "<base",
        "<h1", "<div", "<font", "<table", "<a", "<b", "<br", "<p", "<img", "<form", "<object", "<embed", "<svg", "<?xml", "<xml",
    ];

    private const string Accepted = "Rapport accepts images (PNG, JPEG, GIF, WebP), PDF, Office and OpenDocument files, " +
        "ZIP archives, plain text, CSV, email messages (.eml) and calendars (.ics).";

    /// <summary>The media type to store for a file, or why it is refused.</summary>
    public static Result<string> Check(string? declaredType, ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (RunnableExtensions.Contains(extension))
            return Refuse($"Files ending in '{extension}' can run code when opened, so Rapport does not accept them.");
        if (ContentSniffer.IsProgram(head)) return Refuse("This file is a program; Rapport does not accept programs.");
        if (ContentSniffer.IsCompoundDocument(head))
            return Refuse("This file is in the old Office or installer format, which can carry macros; save it as .docx, .xlsx, .pptx or PDF.");

        var declared = Declared(declaredType, extension, out var refusal);
        if (refusal is not null) return Refuse(refusal);
        var sniffed = ContentSniffer.Binary(head);
        return sniffed is not null ? Binary(declared, sniffed, extension) : Text(declared, head, extension);
    }

    /// <summary>Checks a ZIP-based file's entry names: Office files must be the kind they claim, and carry no macros.</summary>
    public static string? CheckArchive(string contentType, IReadOnlyCollection<string> entries)
    {
        if (contentType is Docx or Xlsx or Pptx or Odt or Ods or Odp
            && entries.Any(e => e.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
                || e.StartsWith("Basic/", StringComparison.Ordinal) || e.StartsWith("Scripts/", StringComparison.Ordinal)))
            return "This document contains macros, which can run code when it is opened; save it without macros.";
        var folder = contentType switch { Docx => "word/", Xlsx => "xl/", Pptx => "ppt/", _ => null };
        if (folder is not null && !(entries.Contains("[Content_Types].xml") && entries.Any(e => e.StartsWith(folder, StringComparison.Ordinal))))
            return $"The file was sent as {Names[contentType]}, but its content is a different kind of ZIP archive.";
        return null;
    }

    private static string? Declared(string? declaredType, string extension, out string? refusal)
    {
        refusal = null;
        if (string.IsNullOrWhiteSpace(declaredType)) return null;
        if (!MediaTypeHeaderValue.TryParse(declaredType, out var parsed) || parsed.MediaType.Value is not { } essence)
        {
            refusal = "The Content-Type of the file is not a media type.";
            return null;
        }
        var type = essence.ToLowerInvariant();
        if (type is "application/octet-stream" or "binary/octet-stream" or "application/unknown") return null;
        // Windows labels .csv files as Excel sheets.
        if (type == "application/vnd.ms-excel" && extension == ".csv") return Csv;
        type = Aliases.GetValueOrDefault(type, type);
        if (!Names.ContainsKey(type)) refusal = $"Rapport does not accept files of type '{type}'. {Accepted}";
        return type;
    }

    private static Result<string> Binary(string? declared, string sniffed, string extension)
    {
        if (sniffed == Zip)
        {
            // Office files are ZIP archives; that the entries match the claimed kind is checked once the whole file is in.
            var claimed = declared ?? FromExtension(extension) ?? Zip;
            return claimed is Zip or Docx or Xlsx or Pptx ? claimed : Mismatch(claimed, Names[Zip]);
        }
        if (declared is null || declared == sniffed || declared == Zip && IsZipBased(sniffed)) return sniffed;
        return Mismatch(declared, Names[sniffed]);
    }

    private static Result<string> Text(string? declared, ReadOnlySpan<byte> head, string extension)
    {
        if (!ContentSniffer.IsText(head))
            return declared is null ? Refuse($"Rapport does not recognise this file's content. {Accepted}") : Mismatch(declared, "not " + Names[declared]);
        var text = ContentSniffer.Decode(head);
        if (IsMarkup(text)) return Refuse("This file's content is HTML or XML, which Rapport does not accept; send it as a PDF or inside a ZIP archive.");
        var claimed = declared ?? FromExtension(extension);
        if (claimed is null or PlainText) return PlainText;
        if (!IsText(claimed)) return Mismatch(claimed, "text");
        var fits = claimed switch
        {
            Calendar => text.TrimStart().StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase),
            AttachmentTypes.Email => MailHeader().IsMatch(text),
            _ => true,
        };
        if (fits) return claimed;
        // A name alone is a weak claim: such a file is still fine as plain text.
        return declared is null ? PlainText : Mismatch(declared, "not " + Names[declared]);
    }

    private static bool IsMarkup(string text)
    {
        var start = text.TrimStart();
        foreach (var tag in MarkupStarts)
        {
            if (!start.StartsWith(tag, StringComparison.OrdinalIgnoreCase)) continue;
            if (start.Length == tag.Length || start[tag.Length] is ' ' or '>' or '\t' or '\r' or '\n' or '/') return true;
        }
        return start.StartsWith("<!--", StringComparison.Ordinal);
    }

    private static AttachmentRefused Refuse(string reason) => new(reason);

    private static AttachmentRefused Mismatch(string claimed, string actual) =>
        new($"The file was sent as {Names[claimed]} ('{claimed}'), but its content is {actual}.");

    /// <summary>A message starts with a header field ("Name: value") or an mbox "From " line.</summary>
    [GeneratedRegex(@"\A(From |[!-9;-~]+:)")]
    private static partial Regex MailHeader();
}
