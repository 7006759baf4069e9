using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets.Attachments;

/// <summary>
/// Turns the caller's upload tokens into attachments of a new message. Tokens are checked
/// before anything is written; the attachments are added and the uploads removed in the
/// message's own unit of work, so a message and its files are saved together or not at all.
/// </summary>
public sealed class AttachUploads(RapportDbContext db)
{
    public const int MaxPerMessage = 20;

    /// <summary>Shape checks that need no database: how many, and each token named once.</summary>
    public static void Validate(string[]? tokens, Validator check)
    {
        if (tokens is null) return;
        if (tokens.Length > MaxPerMessage) check.Add("uploads", $"A message takes at most {MaxPerMessage} attachments.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(tokens[i])) check.Add($"uploads[{i}]", "Give an upload token.");
            else if (!seen.Add(tokens[i])) check.Add($"uploads[{i}]", "This upload is already named earlier in the list.");
        }
    }

    /// <summary>The caller's uploads for the tokens, in the order given, or an error naming each token that is not theirs.</summary>
    public async Task<Result<IReadOnlyList<Upload>>> FindAsync(string[]? tokens, Actor actor, CancellationToken ct)
    {
        if (tokens is not { Length: > 0 }) return Array.Empty<Upload>();
        var mine = actor.UserId is { } userId
            ? await db.Uploads.Where(u => tokens.Contains(u.Token) && u.UserId == userId).ToDictionaryAsync(u => u.Token, StringComparer.Ordinal, ct)
            : [];
        var check = new Validator();
        for (var i = 0; i < tokens.Length; i++)
            if (!mine.ContainsKey(tokens[i])) check.Add($"uploads[{i}]", "No upload of yours has this token; it may have expired. Upload the file again.");
        if (!check.IsValid) return check.ToError();
        return tokens.Select(t => mine[t]).ToList();
    }

    /// <summary>Adds the uploads to the message as attachments and removes them as uploads; the caller saves.</summary>
    public void Attach(IReadOnlyList<Upload> uploads, Message message, long ticketNumber, DateTimeOffset now)
    {
        foreach (var upload in uploads)
        {
            message.Attachments.Add(Attachment.Stored(ticketNumber, upload.FileName, upload.ContentType, upload.Size, upload.StorageKey, upload.Sha256, now));
            db.Uploads.Remove(upload);
        }
    }
}
