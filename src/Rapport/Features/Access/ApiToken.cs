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
}
