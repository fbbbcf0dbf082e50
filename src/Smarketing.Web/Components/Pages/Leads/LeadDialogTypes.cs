using MudBlazor;

namespace Smarketing.Web.Components.Pages.Leads;

/// <summary>A lead about to be handed off, as the hand-off dialog lists it.</summary>
public sealed record HandOffCandidate(Guid Id, string Name, bool IsMql);

/// <summary>What the person chose in the hand-off dialog: all the leads with an override reason, or only the MQLs.</summary>
public sealed record HandOffChoice(bool OnlyMqls, string? Reason);

public enum ReasonKind
{
    Reject,
    Lost,
}

/// <summary>One entry of a drop-down: the value and the words shown for it.</summary>
public sealed record Choice<T>(T Value, string Text);

/// <summary>How the lead pages open their dialogs: as wide as a form needs, closed by Escape or Cancel.</summary>
internal static class LeadDialogs
{
    public static DialogOptions Options { get; } = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    /// <summary>For a dialog that sets two leads side by side.</summary>
    public static DialogOptions Wide { get; } = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
}
