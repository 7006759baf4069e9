using System.Buffers.Binary;
using System.Text;

namespace Rapport.Features.Tickets.Attachments;

/// <summary>What a file's first bytes say it is, by the signatures of the formats Rapport accepts.</summary>
public static class ContentSniffer
{
    /// <summary>The media type whose signature the bytes start with, or null when none matches.</summary>
    public static string? Binary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngSignature)) return AttachmentTypes.Png;
        if (head.StartsWith(JpegSignature)) return AttachmentTypes.Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return AttachmentTypes.Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return AttachmentTypes.WebP;
        if (head.StartsWith("%PDF-"u8)) return AttachmentTypes.Pdf;
        if (head.StartsWith(ZipEntrySignature)) return OpenDocumentType(head) ?? AttachmentTypes.Zip;
        if (head.StartsWith(EmptyZipSignature)) return AttachmentTypes.Zip;
        return null;
    }

    /// <summary>Programs for Windows, Linux and macOS, and Java classes: never accepted, whatever they are called.</summary>
    public static bool IsProgram(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8) || head.StartsWith(ElfSignature)
        || head.StartsWith(MachO32Signature) || head.StartsWith(MachO64Signature)
        || head.StartsWith(MachO32ReversedSignature) || head.StartsWith(MachO64ReversedSignature)
        || head.StartsWith(FatBinarySignature);

    /// <summary>The OLE compound format of old Office files and Windows installers; it can carry macros.</summary>
    public static bool IsCompoundDocument(ReadOnlySpan<byte> head) => head.StartsWith(CompoundSignature);

    /// <summary>
    /// Text has no NUL and no control characters other than tab, line breaks, form feed and
    /// escape (colour codes in logs). UTF-16 is recognised by its byte order mark.
    /// </summary>
    public static bool IsText(ReadOnlySpan<byte> head)
    {
        if (Utf16(head) is { } text)
        {
            foreach (var c in text) if (c < ' ' && !IsTextControl(c)) return false;
            return true;
        }
        foreach (var b in head) if (b < 0x20 && !IsTextControl((char)b)) return false;
        return true;
    }

    /// <summary>The start of the text, decoded for pattern checks (HTML, calendar, mail headers).</summary>
    public static string Decode(ReadOnlySpan<byte> head)
    {
        var text = Utf16(head) ?? Encoding.UTF8.GetString(head);
        return text.TrimStart('\uFEFF');
    }

    private static string? Utf16(ReadOnlySpan<byte> head)
    {
        var even = head[..(head.Length & ~1)];
        if (even.StartsWith(Utf16LittleEndianMark)) return Encoding.Unicode.GetString(even[2..]);
        if (even.StartsWith(Utf16BigEndianMark)) return Encoding.BigEndianUnicode.GetString(even[2..]);
        return null;
    }

    private static bool IsTextControl(char c) => c is '\t' or '\n' or '\r' or '\f' or '\x1b';

    /// <summary>An OpenDocument file names its type in a first, uncompressed entry called "mimetype".</summary>
    private static string? OpenDocumentType(ReadOnlySpan<byte> head)
    {
        if (head.Length < 38 || !head[30..38].SequenceEqual("mimetype"u8)) return null;
        var size = BinaryPrimitives.ReadInt32LittleEndian(head[18..22]);
        var extra = BinaryPrimitives.ReadUInt16LittleEndian(head[28..30]);
        var start = 38 + extra;
        if (size is <= 0 or > 100 || start + size > head.Length) return null;
        var type = Encoding.ASCII.GetString(head.Slice(start, size));
        return type is AttachmentTypes.Odt or AttachmentTypes.Ods or AttachmentTypes.Odp ? type : null;
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> ZipEntrySignature => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> EmptyZipSignature => [0x50, 0x4B, 0x05, 0x06];
    private static ReadOnlySpan<byte> ElfSignature => [0x7F, 0x45, 0x4C, 0x46];
    private static ReadOnlySpan<byte> MachO32Signature => [0xFE, 0xED, 0xFA, 0xCE];
    private static ReadOnlySpan<byte> MachO64Signature => [0xFE, 0xED, 0xFA, 0xCF];
    private static ReadOnlySpan<byte> MachO32ReversedSignature => [0xCE, 0xFA, 0xED, 0xFE];
    private static ReadOnlySpan<byte> MachO64ReversedSignature => [0xCF, 0xFA, 0xED, 0xFE];
    private static ReadOnlySpan<byte> FatBinarySignature => [0xCA, 0xFE, 0xBA, 0xBE];
    private static ReadOnlySpan<byte> CompoundSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> Utf16LittleEndianMark => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BigEndianMark => [0xFE, 0xFF];
}
