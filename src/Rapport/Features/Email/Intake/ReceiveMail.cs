using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Features.Tickets.Attachments;
using Rapport.Infrastructure.Problems;
using Rapport.Mime;

namespace Rapport.Features.Email.Intake;

/// <summary>A message as the way in sees it: its row, and whether it had come before (then nothing new was stored).</summary>
public sealed record ReceivedMail(long Id, bool AlreadyReceived, InboundMailStatus Status, long? TicketNumber);

/// <summary>The message is over the size limit; nothing was stored.</summary>
public sealed record MailTooLarge(long MaxBytes)
    : Error(StatusCodes.Status413PayloadTooLarge, "Message too large", $"The message is larger than the limit of {MaxBytes} bytes.");

/// <summary>
/// The first step of every way in (mail ingest, the inbound API, the drop folder): stores the raw message and its
/// row before anything else, keyed by its Message-ID (or its content's hash when it has none). Receiving the same
/// message again — an MTA retry, a restart, two ways in at once — finds the first row and stores nothing new:
/// the unique key decides, not a look-up that two callers could both pass.
/// </summary>
public sealed class ReceiveMail(RapportDbContext db, AttachmentStore store, IOptions<EmailIntakeOptions> options, TimeProvider clock)
{
    /// <summary>The headers are read from at most this much of the start of the message.</summary>
    private const int HeadBytes = 256 * 1024;

    public async Task<Result<ReceivedMail>> ExecuteAsync(Stream raw, MailIntakeVia via, string? mailbox, CancellationToken ct)
    {
        var max = options.Value.MaxMessageBytes;
        using var file = await store.ReceiveAsync(raw, max, ct);
        if (file is null) return new MailTooLarge(max);
        if (file.Size == 0) return ValidationError.For("message", "The message is empty.");

        var head = await ReadHeadAsync(file, ct);
        var key = DedupeKey(head.MessageId, file.Sha256);
        if (await FindAsync(key, ct) is { } earlier) return earlier;

        var mail = new InboundMail
        {
            DedupeKey = key,
            Via = via,
            Mailbox = Clip(mailbox?.Trim(), 120),
            StorageKey = file.Keep(),
            Size = file.Size,
            Sender = SenderOf(head),
            Subject = Clip(head.Subject, 500),
            Status = InboundMailStatus.Received,
            ReceivedAt = clock.GetUtcNow(),
        };
        db.InboundMails.Add(mail);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same message came in another way at the same moment, and its row won the unique key.
            db.Entry(mail).State = EntityState.Detached;
            return await FindAsync(key, ct) ?? throw new InvalidOperationException($"Could not store or find the message {key}.");
        }
        return new ReceivedMail(mail.Id, false, mail.Status, null);
    }

    /// <summary>"id:" and the Message-ID; "sha256:" and the hash for a message without one or with one too long to trust.</summary>
    public static string DedupeKey(string? messageId, string sha256)
    {
        var id = messageId?.Trim();
        return id is { Length: > 0 } && id.Length <= InboundMail.KeyLength - 3 ? "id:" + id : "sha256:" + sha256;
    }

    private Task<ReceivedMail?> FindAsync(string key, CancellationToken ct) =>
        db.InboundMails.AsNoTracking().Where(m => m.DedupeKey == key)
            .Select(m => new ReceivedMail(m.Id, true, m.Status, m.TicketNumber)).FirstOrDefaultAsync(ct);

    /// <summary>Only the header block, parsed on its own: the body waits for processing, which parses the message once.</summary>
    private static async Task<MimeMessage> ReadHeadAsync(ReceivedFile file, CancellationToken ct)
    {
        await using var stream = file.OpenRead();
        var buffer = new byte[(int)Math.Min(file.Size, HeadBytes)];
        await stream.ReadExactlyAsync(buffer, ct);
        return MimeParser.Parse(buffer.AsMemory(0, EndOfHeaders(buffer)));
    }

    private static int EndOfHeaders(ReadOnlySpan<byte> data)
    {
        var crlf = data.IndexOf("\r\n\r\n"u8);
        var lf = data.IndexOf("\n\n"u8);
        var end = crlf < 0 ? lf : lf < 0 ? crlf : Math.Min(crlf, lf);
        return end < 0 ? data.Length : end + 1;
    }

    internal static string? SenderOf(MimeMessage message)
    {
        var from = message.From.FirstOrDefault() ?? message.Sender;
        return from is null || !from.Address.Contains('@', StringComparison.Ordinal) ? null : Clip(EmailAddress.Normalise(from.Address), 320);
    }

    private static string? Clip(string? text, int length) => text is null ? null : text.Length <= length ? text : text[..length];
}
