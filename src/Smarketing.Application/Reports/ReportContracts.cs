using Smarketing.Domain.Agreements;

namespace Smarketing.Application.Reports;

public enum GroupBy
{
    Rep,
    Team,
    Week,
}

/// <summary>One row of the response-time report (product.md, reports/response-times).</summary>
public sealed record ResponseTimeRow(
    string Group,
    int HandedOff,
    int Contacted,
    int ContactedWithinSla,
    int Breached,
    int Open,
    decimal? CompliancePct,
    long? P50BusinessMinutesToFirstContact,
    long? P90BusinessMinutesToFirstContact,
    ResponseBands Bands);

/// <summary>Contacted leads by business time to first contact: 0-1 h, 1-4 h, 4-24 h, over 24 h.</summary>
public sealed record ResponseBands(int UpToOneHour, int OneToFourHours, int FourToTwentyFourHours, int OverTwentyFourHours);

/// <summary>One clause judged over a period (product.md, reports/scorecard).</summary>
public sealed record ScorecardRow(
    Guid ClauseId,
    string Title,
    Department Owner,
    ClauseMetric Metric,
    MetricUnit Unit,
    Comparison Comparison,
    decimal Target,
    decimal? Actual,
    bool? Met,
    int SampleSize,
    IReadOnlyList<int> SlaVersions,
    string Description);

public sealed record Scorecard(DateOnly From, DateOnly To, IReadOnlyList<ScorecardRow> Clauses);

public sealed record FunnelStep(string Stage, int Count, decimal? ConversionFromPreviousPct, double? MedianDaysFromPrevious);

public sealed record ReasonCount(string Reason, int Count, decimal SharePct, decimal CumulativePct);

public sealed record WeeklyDelivery(string Week, DateOnly WeekStart, int MqlsDelivered, decimal? WeeklyTarget, int Accepted, int Rejected);

/// <summary>What a drill-down lists: the leads behind one number.</summary>
public enum DrillKind
{
    HandedOff,
    ContactedWithinSla,
    Breached,
    Open,
    Accepted,
    Rejected,
    Contacted,
    UpToOneHour,
    OneToFourHours,
    FourToTwentyFourHours,
    OverTwentyFourHours,
}
