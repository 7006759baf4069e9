namespace Rapport.Mime;

/// <summary>An attachment or inline part of a message, as a mail client lists it.</summary>
public sealed class MimeAttachment(MimeEntity entity)
{
    public MimeEntity Entity { get; } = entity;

    /// <summary>The file name, or null when the part has none (an inline image or a report may not).</summary>
    public string? FileName => Entity.FileName;

    public ContentType ContentType => Entity.ContentType;

    /// <summary>Decoded size in bytes.</summary>
    public long Size => Entity.Size;

    public string? ContentId => Entity.ContentId;

    /// <summary>Meant to be shown in the body (an image referenced by cid:, or disposition inline) rather than listed.</summary>
    public bool IsInline => Entity.ContentDisposition?.IsInline == true || Entity.ContentDisposition is null && Entity.ContentId is not null;

    /// <summary>The message inside a message/rfc822 attachment.</summary>
    public MimeMessage? Message => Entity.Message;

    public Stream OpenRead() => Entity.OpenRead();

    public byte[] GetBytes() => Entity.GetBytes();

    public override string ToString() => $"{FileName ?? "(no name)"} {ContentType.MimeType} {Size} bytes";
}
