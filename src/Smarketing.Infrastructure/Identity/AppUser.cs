using Microsoft.AspNetCore.Identity;
using Smarketing.Domain.Common;

namespace Smarketing.Infrastructure.Identity;

public sealed class AppUser : IdentityUser, IAuditable
{
    public string DisplayName { get; set; } = "";

    /// <summary>False once an admin deactivates the account: no sign-in, no API access, history kept.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>An account for an integration: it has API keys but no password and never signs in.</summary>
    public bool IsServiceAccount { get; set; }

    /// <summary>The sales team a rep belongs to (reports group by it).</summary>
    public string? Team { get; set; }

    /// <summary>The time zone this person reads times in; null: the agreement calendar's zone.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>This person chose dark mode.</summary>
    public bool PrefersDarkMode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
