namespace Smarketing.Domain.Agreements;

/// <summary>
/// The largest values an agreement takes. The validators refuse anything beyond them, and the business-time
/// arithmetic never overflows within them (365 business days of 1,440 minutes is far below int.MaxValue).
/// </summary>
public static class AgreementLimits
{
    /// <summary>A clause title, a persona, scoring-rule or response-rule name.</summary>
    public const int Name = 120;

    /// <summary>A persona's pains, goals and notes; a version's summary.</summary>
    public const int Text = 2000;

    public const int GradeName = 10;

    /// <summary>An item of a list: a rejection or lost reason, a job title, an industry, a region, a channel, a value a rule compares with.</summary>
    public const int ReasonItem = 100;

    public const int ListItem = 100;

    /// <summary>An IANA time zone id.</summary>
    public const int TimeZone = 64;

    /// <summary>How many items any one list of an agreement holds (clauses, personas, rules, working hours, holidays, values).</summary>
    public const int ListCount = 200;

    public const int MaxDurationDays = 365;
    public const int MaxFollowUpAttempts = 100;

    /// <summary>Points a scoring rule gives or takes away.</summary>
    public const int MaxPoints = 1000;

    /// <summary>The largest MQL threshold or lowest score of a grade.</summary>
    public const int MaxScore = 100_000;

    /// <summary>The largest count a clause can promise (MQLs delivered in a period).</summary>
    public const int MaxCountTarget = 1_000_000;

    public const int MaxCompanySize = Leads.LeadLimits.MaxCompanySize;

    /// <summary>The latest date an agreement or a report speaks of; the business-time arithmetic stays far from DateTime's end.</summary>
    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    /// <summary>The earliest date a report covers.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>The largest value a duration takes in its unit: 365 business days, or as many hours or minutes.</summary>
    public static int MaxDuration(DurationUnit unit) => unit switch
    {
        DurationUnit.Minutes => MaxDurationDays * 24 * 60,
        DurationUnit.Hours => MaxDurationDays * 24,
        _ => MaxDurationDays,
    };
}
