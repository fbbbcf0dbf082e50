namespace Smarketing.Application.Common;

/// <summary>The person (or service account) on whose behalf the current operation runs.</summary>
public interface ICurrentUser
{
    string? UserId { get; }

    string? Email { get; }

    string? DisplayName { get; }

    bool IsAuthenticated { get; }

    bool IsInRole(string role);
}
