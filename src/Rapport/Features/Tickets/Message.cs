using Rapport.Features.Customers;
using Rapport.Features.People;

namespace Rapport.Features.Tickets;

/// <summary>One contact on a ticket: a public reply or an internal note, with its channel and direction.</summary>
public sealed class Message
{
    public long Id { get; set; }
    public long TicketNumber { get; set; }
    public MessageVisibility Visibility { get; set; }
    public Guid? AuthorUserId { get; set; }
    public User? AuthorUser { get; set; }
    public long? AuthorCustomerId { get; set; }
    public Customer? AuthorCustomer { get; set; }
    public Channel Channel { get; set; }
    public Direction Direction { get; set; }
    public required string BodyText { get; set; }
    /// <summary>Sanitised HTML, safe to render as is.</summary>
    public required string BodyHtml { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The email's Message-ID (without angle brackets), received or sent: replies that refer to it thread here.</summary>
    public string? EmailMessageId { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
}

/// <summary>A file on a message; the bytes live in the attachment store, not in the row.</summary>
public sealed class Attachment
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public long TicketNumber { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StorageKey { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A file already in the attachment store, for a message of the ticket.</summary>
    public static Attachment Stored(long ticketNumber, string fileName, string contentType, long size, string storageKey, string sha256, DateTimeOffset now) => new()
    {
        TicketNumber = ticketNumber,
        FileName = fileName,
        ContentType = contentType,
        Size = size,
        StorageKey = storageKey,
        Sha256 = sha256,
        CreatedAt = now,
    };
}
