using Smarketing.Domain.Common;

namespace Smarketing.Domain.Leads;

/// <summary>Something a person can do to a lead from its page.</summary>
public enum LeadAction
{
    HandOff,
    Edit,
    Claim,
    LogContact,
    Accept,
    Reject,
    Convert,
    MarkWon,
    MarkLost,
    Reassign,

    /// <summary>Merge a duplicate into this lead (a marketing manager, on a lead of its own).</summary>
    Merge,
}

/// <summary>Which role may take each action; the lead itself then checks its stage and, for a rep, its owner.</summary>
public static class LeadActionRoles
{
    public static string For(LeadAction action) => action switch
    {
        LeadAction.HandOff or LeadAction.Edit or LeadAction.Merge => Roles.LeadAdders,
        LeadAction.Claim or LeadAction.LogContact or LeadAction.Accept or LeadAction.Reject or LeadAction.Convert
            or LeadAction.MarkWon or LeadAction.MarkLost => Roles.SalesRep,
        LeadAction.Reassign => Roles.SalesManager,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Every lead action needs its role here."),
    };
}

/// <summary>
/// What one person may do to a lead right now, worked out by <see cref="Lead.ActionsFor"/> from their roles and the
/// same guards the lead's moves enforce. <see cref="OnlyOwnerMayAct"/> names the owner when the person is a rep who
/// could act on the lead if it were theirs.
/// </summary>
public sealed record AvailableActions(IReadOnlySet<LeadAction> Available, string? OnlyOwnerMayAct)
{
    public bool Allows(LeadAction action) => Available.Contains(action);

    /// <summary>True when there is something to show: an action, or the note that someone else owns the lead.</summary>
    public bool Any => Available.Count > 0 || OnlyOwnerMayAct is not null;
}
