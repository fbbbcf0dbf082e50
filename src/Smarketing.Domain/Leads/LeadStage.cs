using System.Linq.Expressions;

namespace Smarketing.Domain.Leads;

/// <summary>Where a lead is on its way from marketing to sales.</summary>
public enum LeadStage
{
    New,
    Mql,
    HandedOff,
    Claimed,
    Accepted,
    Rejected,
    Sql,
    Won,
    Lost,

    /// <summary>A duplicate merged by hand into another lead: kept with its history, no longer a lead of its own.</summary>
    Merged,
}

public enum LeadEventType
{
    Created,
    Updated,
    HandedOff,
    Assigned,
    Claimed,
    Reassigned,
    ContactAttempt,
    Accepted,
    Rejected,
    Converted,
    Won,
    Lost,
    Merged,
}

public enum ContactChannel
{
    Phone,
    Email,
    Meeting,
    LinkedIn,
    Other,
}

public enum ContactOutcome
{
    Connected,
    LeftVoicemail,
    NoAnswer,
    Replied,
    MeetingBooked,
    WrongContact,
}

public static class LeadStages
{
    /// <summary>Stages where a rep is working the lead (counted against their capacity).</summary>
    public static IReadOnlyList<LeadStage> Open { get; } = [LeadStage.Claimed, LeadStage.Accepted, LeadStage.Sql];

    /// <summary>Stages where the lead is with sales: handed off and not yet rejected, won or lost.</summary>
    public static IReadOnlyList<LeadStage> HeldBySales { get; } = [LeadStage.HandedOff, .. Open];

    /// <summary>
    /// Every stage of a lead that stands on its own: all but <see cref="LeadStage.Merged"/>. Lists, counts, the pipeline
    /// and the reports show only these; a merged duplicate lives on in the history of the lead it was merged into.
    /// </summary>
    public static IReadOnlyList<LeadStage> OfItsOwn { get; } = [.. Enum.GetValues<LeadStage>().Where(s => s != LeadStage.Merged)];

    /// <summary><see cref="OfItsOwn"/> as a query filter the database runs.</summary>
    public static Expression<Func<Lead, bool>> StandsAlone { get; } = l => l.Stage != LeadStage.Merged;

    public static bool IsOpen(LeadStage stage) => Open.Contains(stage);

    public static bool IsHeldBySales(LeadStage stage) => HeldBySales.Contains(stage);

    public static string Label(LeadStage stage) => stage switch
    {
        LeadStage.New => "New",
        LeadStage.Mql => "MQL",
        LeadStage.HandedOff => "Handed off",
        LeadStage.Claimed => "Claimed",
        LeadStage.Accepted => "Accepted (SAL)",
        LeadStage.Rejected => "Rejected (back to marketing)",
        LeadStage.Sql => "SQL / opportunity",
        LeadStage.Won => "Won",
        LeadStage.Lost => "Lost",
        LeadStage.Merged => "Merged into another lead",
        _ => stage.ToString(),
    };
}
