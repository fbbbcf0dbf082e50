using Smarketing.Application.Leads;
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
    string Description)
{
    /// <summary>
    /// When <see cref="Target"/> is a count scaled to the days judged: the target the agreement states, for its period.
    /// Null when the target is the agreement's own (a percentage).
    /// </summary>
    public ProratedTarget? Prorated { get; init; }
}

/// <summary>
/// A count target as the agreement states it (<see cref="Stated"/> a <see cref="Period"/>), scaled to the
/// <see cref="Days"/> of the report the clause's version was in force.
/// </summary>
public sealed record ProratedTarget(decimal Stated, Period Period, int Days);

public sealed record Scorecard(DateOnly From, DateOnly To, IReadOnlyList<ScorecardRow> Clauses);

public sealed record FunnelStep(string Stage, int Count, decimal? ConversionFromPreviousPct, double? MedianDaysFromPrevious);

public sealed record ReasonCount(string Reason, int Count, decimal SharePct, decimal CumulativePct);

public sealed record WeeklyDelivery(string Week, DateOnly WeekStart, int MqlsDelivered, decimal? WeeklyTarget, int Accepted, int Rejected);

/// <summary>
/// The leads one scorecard clause judged over a period, under one agreement version: its sample, each lead marked
/// kept or missed, the missed ones first. <see cref="Kept"/> and <see cref="Missed"/> count the whole sample even when
/// only the first <see cref="ReportService.DrillLimit"/> leads are listed.
/// </summary>
public sealed record ClauseLeads(
    int Version,
    Guid ClauseId,
    string Title,
    Department Owner,
    ClauseMetric Metric,
    string Description,
    int Kept,
    int Missed,
    IReadOnlyList<ClauseLead> Leads);

/// <summary>One lead in a clause's sample; for timed clauses, when it was due and when it was done.</summary>
public sealed record ClauseLead(LeadSummary Lead, bool Kept, string Outcome, DateTimeOffset? DueAt, DateTimeOffset? DoneAt);

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
