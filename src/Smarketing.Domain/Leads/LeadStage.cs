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
        _ => stage.ToString(),
    };
}
