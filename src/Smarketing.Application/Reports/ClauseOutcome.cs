using Smarketing.Domain.Agreements;

namespace Smarketing.Application.Reports;

/// <summary>How one lead fared against one clause, in the words the scorecard's drill-down and its CSV use.</summary>
public static class ClauseOutcome
{
    public static string Describe(ClauseMetric metric, bool kept, DateTimeOffset? doneAt) => metric switch
    {
        ClauseMetric.MqlsDelivered => "Handed off",
        ClauseMetric.MqlAcceptanceRate => kept ? "Accepted" : "Rejected",
        ClauseMetric.SqlToWonRate => kept ? "Won" : "Lost",
        ClauseMetric.FirstContactWithinResponseRule => kept ? "Contacted on time" : doneAt is null ? "Not contacted by the due time" : "Contacted late",
        ClauseMetric.DecisionWithinResponseRule => kept ? "Decided on time" : doneAt is null ? "Not decided by the due time" : "Decided late",
        ClauseMetric.FollowUpCadenceMet => kept ? "Follow-ups done on time" : doneAt is null ? "Follow-ups not done by the due time" : "Follow-ups done late",
        _ => kept ? "Kept" : "Missed",
    };
}
