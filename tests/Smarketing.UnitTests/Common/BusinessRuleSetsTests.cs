using Smarketing.Domain.Agreements;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.UnitTests.Common;

/// <summary>The sets that are business rules, each written once in the domain for pages, API and reports to ask.</summary>
public sealed class BusinessRuleSetsTests
{
    [Theory]
    [InlineData(Roles.Leadership, true)]
    [InlineData(Roles.SalesManager, true)]
    [InlineData(Roles.MarketingManager, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.SalesRep, false)]
    public void TheReports_AreReadByLeadershipTheManagersAndAdmins_NotByReps(string role, bool reads) =>
        Roles.ReadsReports(r => r == role).ShouldBe(reads);

    [Fact]
    public void SomeoneWithoutRoles_ReadsNoReports() => Roles.ReadsReports(_ => false).ShouldBeFalse();

    [Theory]
    [InlineData(LeadStage.New, false)]
    [InlineData(LeadStage.Mql, false)]
    [InlineData(LeadStage.HandedOff, true)]
    [InlineData(LeadStage.Claimed, true)]
    [InlineData(LeadStage.Accepted, true)]
    [InlineData(LeadStage.Sql, true)]
    [InlineData(LeadStage.Rejected, false)]
    [InlineData(LeadStage.Won, false)]
    [InlineData(LeadStage.Lost, false)]
    public void SalesHoldsALead_FromHandOffUntilItIsRejectedWonOrLost(LeadStage stage, bool held) =>
        LeadStages.IsHeldBySales(stage).ShouldBe(held);

    [Fact]
    public void ALeadARepIsWorking_IsHeldBySales_ButAHandedOffOneIsNotYetBeingWorked()
    {
        LeadStages.Open.ShouldAllBe(stage => LeadStages.IsHeldBySales(stage));
        LeadStages.IsOpen(LeadStage.HandedOff).ShouldBeFalse();
    }

    [Theory]
    [InlineData(ClauseMetric.FirstContactWithinResponseRule, true)]
    [InlineData(ClauseMetric.DecisionWithinResponseRule, true)]
    [InlineData(ClauseMetric.FollowUpCadenceMet, true)]
    [InlineData(ClauseMetric.MqlsDelivered, false)]
    [InlineData(ClauseMetric.MqlAcceptanceRate, false)]
    [InlineData(ClauseMetric.SqlToWonRate, false)]
    public void OnlyTheResponseRuleMetrics_AreJudgedAgainstAClock(ClauseMetric metric, bool timed) =>
        MetricCatalogue.IsTimed(metric).ShouldBe(timed);
}
