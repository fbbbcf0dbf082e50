using Smarketing.Domain.Common;

namespace Smarketing.Application.Users;

public sealed record UserSummary(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool Active,
    bool IsServiceAccount,
    string? Team);

/// <summary>An admin adding a person (who signs in with a password) or a service account (which only uses API keys).</summary>
public sealed class CreateUserRequest
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Password { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? Team { get; set; }
    public bool IsServiceAccount { get; set; }
}

public sealed class ChangeRolesRequest
{
    public string UserId { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public string? Team { get; set; }
}

/// <summary>Admin work on accounts. Every method checks that the caller is an admin.</summary>
public interface IUserAdministration
{
    Task<Result<IReadOnlyList<UserSummary>>> ListAsync(CancellationToken ct = default);

    Task<Result<UserSummary>> CreateAsync(CreateUserRequest request, CancellationToken ct = default);

    Task<Result> ChangeRolesAsync(ChangeRolesRequest request, CancellationToken ct = default);

    /// <summary>Deactivates or reactivates an account; a deactivated one cannot sign in or use its keys, and keeps its history.</summary>
    Task<Result> SetActiveAsync(string userId, bool active, CancellationToken ct = default);
}

/// <summary>Read-only look-ups the validators need.</summary>
public interface IUserLookup
{
    Task<bool> EmailInUseAsync(string email, CancellationToken ct = default);
}
