using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets.Attachments;

public sealed record UploadDto(string Token, string FileName, string ContentType, long Size);

/// <summary>
/// Receives a file ahead of the message that will carry it: streams it to the store, checks
/// what it really is, keeps it under its content hash and hands the uploader a token.
/// </summary>
public sealed class CreateUpload(RapportDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    public async Task<Result<UploadDto>> ExecuteAsync(Stream content, string? declaredType, string? fileName, Actor actor, CancellationToken ct)
    {
        var maxBytes = options.Value.MaxBytes;
        using var received = await store.ReceiveAsync(content, maxBytes, ct);
        if (received is null) return new UploadTooLarge(maxBytes);
        if (received.Size == 0) return ValidationError.For("file", "The file is empty.");

        var name = AttachmentFileName.Sanitise(fileName, "attachment");
        var checkedType = AttachmentContent.Check(declaredType, received.Head, name);
        if (!checkedType.Succeeded) return checkedType.Error!;
        var contentType = checkedType.Value!;
        if (AttachmentTypes.IsZipBased(contentType) && ArchiveRefusal(received, contentType) is { } refusal)
            return new AttachmentRefused(refusal);
        if (Path.GetExtension(name).Length == 0) name = AttachmentFileName.Sanitise(name + AttachmentTypes.ExtensionFor(contentType), name);

        var upload = new Upload
        {
            Token = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 40),
            UserId = actor.UserId,
            FileName = name,
            ContentType = contentType,
            Size = received.Size,
            StorageKey = received.Keep(),
            Sha256 = received.Sha256,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Uploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return new UploadDto(upload.Token, upload.FileName, upload.ContentType, upload.Size);
    }

    /// <summary>Reads only the archive's directory of names; nothing is decompressed.</summary>
    private static string? ArchiveRefusal(ReceivedFile file, string contentType)
    {
        try
        {
            using var stream = file.OpenRead();
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
            return AttachmentContent.CheckArchive(contentType, archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal));
        }
        catch (InvalidDataException)
        {
            return $"The file was sent as {AttachmentTypes.Names[contentType]}, but it is not a readable ZIP archive.";
        }
    }
}
