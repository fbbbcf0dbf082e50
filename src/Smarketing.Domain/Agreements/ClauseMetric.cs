namespace Smarketing.Domain.Agreements;

/// <summary>The fixed catalogue of what a clause can measure: only what the scorecard knows how to compute.</summary>
public enum ClauseMetric
{
    /// <summary>Number of MQLs marketing hands off in the period.</summary>
    MqlsDelivered,

    /// <summary>Share of handed-off MQLs that sales accepted (of those accepted or rejected).</summary>
    MqlAcceptanceRate,

    /// <summary>Share of handed-off leads first contacted within their response rule's first-contact budget.</summary>
    FirstContactWithinResponseRule,

    /// <summary>Share of handed-off leads accepted or rejected within the response rule's decision budget.</summary>
    DecisionWithinResponseRule,

    /// <summary>Share of handed-off leads that got the rule's required contact attempts within its follow-up window.</summary>
    FollowUpCadenceMet,

    /// <summary>Share of SQLs (opportunities) closed as won.</summary>
    SqlToWonRate,
}

public sealed record MetricInfo(ClauseMetric Metric, Department Owner, MetricUnit Unit, string Label, string Description);

public static class MetricCatalogue
{
    public static IReadOnlyList<MetricInfo> All { get; } =
    [
        new(ClauseMetric.MqlsDelivered, Department.Marketing, MetricUnit.Count, "MQLs delivered",
            "How many MQLs marketing hands off to sales in the period."),
        new(ClauseMetric.MqlAcceptanceRate, Department.Marketing, MetricUnit.Percent, "MQL acceptance rate",
            "Share of handed-off MQLs that sales accepted, of those accepted or rejected."),
        new(ClauseMetric.FirstContactWithinResponseRule, Department.Sales, MetricUnit.Percent, "First contact on time",
            "Share of handed-off leads first contacted within the response rule's first-contact budget."),
        new(ClauseMetric.DecisionWithinResponseRule, Department.Sales, MetricUnit.Percent, "Accept or reject on time",
            "Share of handed-off leads accepted or rejected within the response rule's decision budget."),
        new(ClauseMetric.FollowUpCadenceMet, Department.Sales, MetricUnit.Percent, "Follow-up cadence kept",
            "Share of handed-off leads that got the required contact attempts within the follow-up window."),
        new(ClauseMetric.SqlToWonRate, Department.Sales, MetricUnit.Percent, "SQL-to-won rate",
            "Share of sales-qualified leads (opportunities) closed as won."),
    ];

    public static MetricInfo Get(ClauseMetric metric) => All.Single(m => m.Metric == metric);

    public static IEnumerable<MetricInfo> For(Department owner) => All.Where(m => m.Owner == owner);

    /// <summary>Metrics judged lead by lead against a clock of the response rules (each lead was on time or late).</summary>
    public static IReadOnlyList<ClauseMetric> Timed { get; } =
        [ClauseMetric.FirstContactWithinResponseRule, ClauseMetric.DecisionWithinResponseRule, ClauseMetric.FollowUpCadenceMet];

    public static bool IsTimed(ClauseMetric metric) => Timed.Contains(metric);
}
