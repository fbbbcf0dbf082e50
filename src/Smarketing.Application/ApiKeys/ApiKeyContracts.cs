using Smarketing.Domain.Common;

namespace Smarketing.Application.ApiKeys;

public sealed record ApiKeySummary(
    Guid Id,
    string Name,
    string Prefix,
    string OwnerEmail,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public bool Active => RevokedAt is null;
}

/// <summary>A new key: <see cref="Secret"/> is shown once and never stored.</summary>
public sealed record CreatedApiKey(ApiKeySummary Key, string Secret);

public sealed class CreateApiKeyRequest
{
    public string Name { get; set; } = "";

    /// <summary>Null for the caller's own key; a service account's id when an admin makes one for an integration.</summary>
    public string? ForUserId { get; set; }
}

/// <summary>The identity an API key authenticates as.</summary>
public sealed record ApiKeyOwner(string UserId, string Email, string DisplayName, IReadOnlyList<string> Roles);

public interface IApiKeyService
{
    /// <summary>The caller's own keys, or (for an admin) a service account's.</summary>
    Task<Result<IReadOnlyList<ApiKeySummary>>> ListAsync(string? forUserId = null, CancellationToken ct = default);

    Task<Result<CreatedApiKey>> CreateAsync(CreateApiKeyRequest request, CancellationToken ct = default);

    Task<Result> RevokeAsync(Guid keyId, CancellationToken ct = default);

    /// <summary>The active user a presented key belongs to, or null for an unknown or revoked key or one whose user is deactivated or locked.</summary>
    Task<ApiKeyOwner?> AuthenticateAsync(string presentedKey, CancellationToken ct = default);
}
