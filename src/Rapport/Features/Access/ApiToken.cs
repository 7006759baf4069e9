using Rapport.Features.People;

namespace Rapport.Features.Access;

/// <summary>A named, revocable API token. Only a SHA-256 hash of the secret is stored.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public User User { get; set; } = null!;
    public required string Name { get; set; }
    /// <summary>The first characters of the token, shown so people can tell their tokens apart.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>Null: the token acts as its user in everything. Otherwise the one thing it may do (<see cref="TokenScopes"/>).</summary>
    public string? Scope { get; set; }
}

/// <summary>What a narrowed token may do. A scoped token carries no role, so no role policy lets it through.</summary>
public static class TokenScopes
{
    /// <summary>Only POST /api/v1/mail/inbound: for a mail relay, which should hold no key to anything else.</summary>
    public const string MailIntake = "mail_intake";

    public static readonly string[] All = [MailIntake];
}
