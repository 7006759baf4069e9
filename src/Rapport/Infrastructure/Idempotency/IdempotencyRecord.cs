namespace Rapport.Infrastructure.Idempotency;

/// <summary>The first response to a POST with an Idempotency-Key, replayed for repeats of the same key.</summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    /// <summary>Who sent it: keys are scoped per caller so one caller cannot replay another's.</summary>
    public required string Caller { get; set; }
    public required string Key { get; set; }
    /// <summary>Method and path; a key reused for another request is refused.</summary>
    public required string Request { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public string? Location { get; set; }
    public string? ContentType { get; set; }
    public byte[] Body { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
