namespace Rapport.Features.Tickets.Attachments;

/// <summary>
/// A file uploaded ahead of the message that will carry it. The uploader gets a token and
/// names it when adding the message; the upload then becomes an <see cref="Attachment"/>.
/// </summary>
public sealed class Upload
{
    public long Id { get; set; }
    public required string Token { get; set; }
    public Guid? UserId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StorageKey { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
