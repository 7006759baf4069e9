using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Rapport.Features.Tickets.Attachments;

/// <summary>
/// Keeps attachment bytes on disk, outside the database, under a key derived from their SHA-256
/// ("sha256/ab/abcd…"), so identical files are stored once and no name a client sends ever
/// becomes part of a path. Bytes are streamed to a temporary file first and moved into place
/// only once they have been checked.
/// </summary>
public sealed partial class AttachmentStore(IOptions<AttachmentOptions> options)
{
    /// <summary>How much of the start of a file is kept in memory for content sniffing.</summary>
    public const int HeadLength = 4096;
    private const int BufferSize = 81_920;

    private string Root => options.Value.FullPath;

    /// <summary>
    /// Streams the content to a temporary file, hashing and counting as it goes. Returns null
    /// (and keeps nothing) when the content is longer than <paramref name="maxBytes"/>.
    /// </summary>
    public async Task<ReceivedFile?> ReceiveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var temporary = Path.Combine(Directory.CreateDirectory(Path.Combine(Root, "tmp")).FullName, Guid.NewGuid().ToString("N"));
        var head = new MemoryStream();
        long size = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        await file.DisposeAsync();
                        File.Delete(temporary);
                        return null;
                    }
                    if (head.Length < HeadLength) head.Write(buffer, 0, (int)Math.Min(read, HeadLength - head.Length));
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            return new ReceivedFile(this, temporary, Convert.ToHexStringLower(hash.GetHashAndReset()), size, head.ToArray());
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Moves a checked file into place and returns its storage key.</summary>
    internal string Keep(ReceivedFile file)
    {
        var key = $"sha256/{file.Sha256[..2]}/{file.Sha256}";
        var target = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Same key, same bytes: replacing an existing copy is harmless and refreshes it.
        File.Move(file.TemporaryPath, target, overwrite: true);
        return key;
    }

    public bool Exists(string key) => File.Exists(PathFor(key));

    public Stream OpenRead(string key) => new FileStream(PathFor(key), FileMode.Open, FileAccess.Read,
        FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public void DeleteIfUnchangedSince(string key, DateTimeOffset cutoff)
    {
        var path = PathFor(key);
        if (File.Exists(path) && File.GetLastWriteTimeUtc(path) < cutoff.UtcDateTime) File.Delete(path);
    }

    /// <summary>The file for a key; keys are checked so that a corrupted row cannot point outside the store.</summary>
    public string PathFor(string key)
    {
        if (!KeyPattern().IsMatch(key)) throw new ArgumentException($"'{key}' is not an attachment storage key.", nameof(key));
        return Path.Combine(Root, key);
    }

    [GeneratedRegex("^sha256/[0-9a-f]{2}/[0-9a-f]{64}$")]
    private static partial Regex KeyPattern();
}

/// <summary>A file received into the store's temporary area; deleted on dispose unless it was kept.</summary>
public sealed class ReceivedFile(AttachmentStore store, string temporaryPath, string sha256, long size, byte[] head) : IDisposable
{
    private bool _kept;

    public string TemporaryPath { get; } = temporaryPath;
    public string Sha256 { get; } = sha256;
    public long Size { get; } = size;
    /// <summary>The first bytes of the file, for content sniffing.</summary>
    public byte[] Head { get; } = head;

    public Stream OpenRead() => new FileStream(TemporaryPath, FileMode.Open, FileAccess.Read, FileShare.Read);

    public string Keep()
    {
        var key = store.Keep(this);
        _kept = true;
        return key;
    }

    public void Dispose()
    {
        if (!_kept) File.Delete(TemporaryPath);
    }
}
