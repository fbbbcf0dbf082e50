using Smarketing.Domain.Common;

namespace Smarketing.Infrastructure.Identity;

/// <summary>A key a program sends as X-Api-Key. Only the SHA-256 hash of the secret is stored.</summary>
public sealed class ApiKey : IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the secret, so a person can recognise a key without it being usable.</summary>
    public required string Prefix { get; set; }

    public required byte[] Hash { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
