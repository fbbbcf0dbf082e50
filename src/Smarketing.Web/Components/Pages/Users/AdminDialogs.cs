using MudBlazor;

namespace Smarketing.Web.Components.Pages.Users;

/// <summary>How the admin pages open their forms: a small dialog, full width on a phone, closed by Escape or its close button.</summary>
internal static class AdminDialogs
{
    public static DialogOptions Options { get; } = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true };
}
