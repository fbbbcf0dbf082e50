using System.Text.Json;
using Smarketing.Application.Reports;
using Smarketing.Domain.Agreements;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>
/// The two-sided scorecard over <see cref="ReportDataSet"/>: version 1 judges L1-L3 (handed off before 16 Nov),
/// version 2 judges L4-L6, and each version's clauses are shown with the version that judged them.
/// </summary>
public sealed class HandMadeHistoryScorecardTests(ReportDataSet data) : IClassFixture<ReportDataSet>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ReportRange Period = ReportDataSet.Period;

    private async Task<ScorecardRow> ClauseAsync(string title, int version)
    {
        var card = await data.AsLeadershipAsync(r => r.ScorecardAsync(Period.From, Period.To, Ct));
        return card.Clauses.Single(c => c.Title == title && c.SlaVersions.SequenceEqual([version]));
    }

    [Fact]
    public async Task APeriodAcrossAVersionChange_ShowsEachVersionsClauses_JudgedByTheLeadsThatVersionJudged()
    {
        var card = await data.AsLeadershipAsync(r => r.ScorecardAsync(Period.From, Period.To, Ct));

        card.Clauses.Count.ShouldBe(14, "seven clauses in each of the two versions");
        card.Clauses.Count(c => c.Owner == Department.Marketing).ShouldBe(4);
        card.Clauses.Select(c => c.SlaVersions.Single()).Distinct().Order().ShouldBe([1, 2]);
    }

    [Fact]
    public async Task MqlsDelivered_CountsEachVersionsHandOffs_AgainstItsTargetProratedToTheDaysItWasInForce()
    {
        var v1 = await ClauseAsync("Monthly MQL volume", 1);
        var v2 = await ClauseAsync("Monthly MQL volume", 2);

        // Version 1: 26 Oct - 15 Nov = 21 days; 400 x 21 / 30.4375 = 275.98 -> 276.0. L1, L2, L3.
        v1.Actual.ShouldBe(3);
        v1.Target.ShouldBe(276.0m);
        v1.Met.ShouldBe(false);
        // Version 2: 16 - 27 Nov = 12 days; 450 x 12 / 30.4375 = 177.41 -> 177.4. L4, L5, L6.
        v2.Actual.ShouldBe(3);
        v2.Target.ShouldBe(177.4m);
        ScorecardStatus.Of(v2).ShouldBe(Rag.Red);
    }

    [Fact]
    public async Task FirstContactOnTime_IsTheShareOnTimeOfTheLeadsDue_UnderEachVersionsOwnBudget()
    {
        var v1 = await ClauseAsync("Fast first contact for A-leads", 1);
        var v2 = await ClauseAsync("Fast first contact for A-leads", 2);

        // v1 (4 h): L1 and L2 on time, L3 late: 2 / 3 = 66.7 %.
        v1.Actual.ShouldBe(66.7m);
        v1.SampleSize.ShouldBe(3);
        v1.Met.ShouldBe(false);
        // v2 (2 h): L4 on time, L5 past due; L6 is still open and not counted: 1 / 2 = 50 %.
        v2.Actual.ShouldBe(50.0m);
        v2.SampleSize.ShouldBe(2);
    }

    [Fact]
    public async Task LeadQuality_IsAcceptedOutOfDecided_AndAVersionWithNoDecisionsHasNoData()
    {
        var v1 = await ClauseAsync("Lead quality", 1);
        var v2 = await ClauseAsync("Lead quality", 2);

        v1.Actual.ShouldBe(50.0m, "L1 accepted, L3 rejected");
        v1.SampleSize.ShouldBe(2);
        v2.Actual.ShouldBeNull();
        v2.Met.ShouldBeNull();
        ScorecardStatus.Of(v2).ShouldBe(Rag.NoData);
    }

    [Fact]
    public async Task TheFunnel_FollowsTheLeadsCreatedInThePeriod()
    {
        var funnel = await data.AsLeadershipAsync(r => r.FunnelAsync(Period.From, Period.To, Ct));

        funnel.Select(s => (s.Stage, s.Count)).ShouldBe([("Leads", 6), ("MQL", 6), ("Handed off", 6), ("Accepted", 1), ("SQL", 0), ("Won", 0)]);
        funnel[3].ConversionFromPreviousPct.ShouldBe(16.7m);   // 1 / 6
        funnel[4].ConversionFromPreviousPct.ShouldBe(0.0m);    // 0 / 1
        funnel[5].ConversionFromPreviousPct.ShouldBeNull();    // 0 / 0
        funnel[2].MedianDaysFromPrevious.ShouldBe(0.0);        // each was handed off the moment it was added
    }

    [Fact]
    public async Task RejectionReasons_AreRankedWithTheirShares()
    {
        var reasons = await data.AsLeadershipAsync(r => r.RejectionReasonsAsync(Period.From, Period.To, Ct));

        reasons.ShouldBe([new ReasonCount("No budget", 1, 100.0m, 100.0m)]);
    }

    [Fact]
    public async Task TheApi_ReturnsEachClauseWithOwnerMetricTargetActualMetAndVersion()
    {
        using var response = await data.ApiClient("demo-leadership").GetAsync("/api/v1/reports/scorecard?from=2026-10-26&to=2026-11-27", Ct);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        json.RootElement.GetProperty("from").GetString().ShouldBe("2026-10-26");
        var clauses = json.RootElement.GetProperty("clauses").EnumerateArray().ToList();
        clauses.Count.ShouldBe(14);
        var v1Volume = clauses.Single(c => c.GetProperty("title").GetString() == "Monthly MQL volume" && c.GetProperty("slaVersions")[0].GetInt32() == 1);
        v1Volume.GetProperty("owner").GetString().ShouldBe("marketing");
        v1Volume.GetProperty("metric").GetString().ShouldBe("mqlsDelivered");
        v1Volume.GetProperty("target").GetDecimal().ShouldBe(276.0m);
        v1Volume.GetProperty("actual").GetDecimal().ShouldBe(3m);
        v1Volume.GetProperty("met").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task EachFunnelStage_DrillsDownToTheLeadsCreatedInThePeriodThatReachedIt()
    {
        var created = await data.AsLeadershipAsync(r => r.FunnelLeadsAsync(Period.From, Period.To, "Leads", Ct));
        var accepted = await data.AsLeadershipAsync(r => r.FunnelLeadsAsync(Period.From, Period.To, "Accepted", Ct));
        var unknown = await data.AsLeadershipAsync(r => r.FunnelLeadsAsync(Period.From, Period.To, "Signed", Ct));

        created!.Select(l => l.Id).ShouldBe(new[] { "L1", "L2", "L3", "L5", "L4", "L6" }.Select(n => data.Leads[n]), "in the order they were added");
        accepted!.Select(l => l.Id).ShouldBe([data.Leads["L1"]]);
        unknown.ShouldBeNull();
    }

    [Fact]
    public async Task ARejectionReason_DrillsDownToTheLeadsRejectedForIt()
    {
        var noBudget = await data.AsLeadershipAsync(r => r.DrillAsync(Period.From, Period.To, DrillKind.Rejected, null, Ct, reason: "No budget"));
        var duplicate = await data.AsLeadershipAsync(r => r.DrillAsync(Period.From, Period.To, DrillKind.Rejected, null, Ct, reason: "Duplicate"));

        noBudget.Select(l => l.Id).ShouldBe([data.Leads["L3"]]);
        duplicate.ShouldBeEmpty();
    }
}
