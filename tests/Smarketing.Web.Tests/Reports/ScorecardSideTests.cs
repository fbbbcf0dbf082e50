using Smarketing.Application.Reports;
using Smarketing.Domain.Agreements;
using Smarketing.Web.Components.Pages.Reports;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Reports;

/// <summary>One department's half of the scorecard: each clause with its target, actual and a result in words.</summary>
public sealed class ScorecardSideTests : ComponentTest
{
    private static readonly ReportRange November = new(new(2026, 11, 1), new(2026, 11, 30));

    private static ScorecardRow Row(string title, ClauseMetric metric, MetricUnit unit, decimal target, decimal? actual, int sample) =>
        new(Guid.NewGuid(), title, Department.Sales, metric, unit, Comparison.AtLeast, target, actual,
            actual is null ? null : actual >= target, sample, [1, 2], $"{title} described");

    private IRenderedComponent<ScorecardSide> RenderSide(params ScorecardRow[] rows) =>
        Render<ScorecardSide>(p => p
            .Add(x => x.Owner, Department.Sales)
            .Add(x => x.Rows, rows)
            .Add(x => x.Range, November));

    [Fact]
    public void EachClause_ShowsTargetActualAndAResultInWords()
    {
        var page = RenderSide(
            Row("First contact on time", ClauseMetric.FirstContactWithinResponseRule, MetricUnit.Percent, 90, 91.5m, 40),
            Row("Accept or reject on time", ClauseMetric.DecisionWithinResponseRule, MetricUnit.Percent, 90, 85m, 40),
            Row("Win rate", ClauseMetric.SqlToWonRate, MetricUnit.Percent, 25, null, 0));

        page.Find("h2").TextContent.ShouldBe("Sales' commitments");
        page.Find("[data-testid=summary-Sales]").TextContent.ShouldContain("1 of 3 kept");
        page.FindAll("[data-testid=clause-actual]").Select(c => c.TextContent.Trim()).ShouldBe(["91.5 %", "85 %", "–"]);
        page.FindAll("[data-testid=clause-result]").Select(c => c.TextContent.Trim()).ShouldBe(["Kept", "Missed narrowly", "No data yet"]);
        page.Find("[data-testid=clause-row]").TextContent.ShouldContain("versions 1, 2");
    }

    [Fact]
    public void EachResult_HasAColourAndAnIconOfItsOwn_BesidesItsWords()
    {
        var page = RenderSide(
            Row("First contact on time", ClauseMetric.FirstContactWithinResponseRule, MetricUnit.Percent, 90, 91.5m, 40),
            Row("Accept or reject on time", ClauseMetric.DecisionWithinResponseRule, MetricUnit.Percent, 90, 85m, 40),
            Row("Follow-up cadence", ClauseMetric.FollowUpCadenceMet, MetricUnit.Percent, 90, 50m, 40));

        var results = page.FindAll("[data-testid=clause-result]");
        results.Select(r => r.ClassList.Single(c => c.StartsWith("result-rag-", StringComparison.Ordinal))).ShouldBe(["result-rag-green", "result-rag-amber", "result-rag-red"]);
        results.Select(r => r.ClassList.Single(c => c.StartsWith("mud-chip-color-", StringComparison.Ordinal)))
            .ShouldBe(["mud-chip-color-success", "mud-chip-color-warning", "mud-chip-color-error"]);
        results.Select(r => r.QuerySelector("svg")!.InnerHtml).Distinct().Count().ShouldBe(3, "each result has its own icon");
    }

    [Fact]
    public void EachClausesLeadCount_LinksToTheLeadsItJudged_AndAnEmptySampleLinksNowhere()
    {
        var volume = Row("Monthly MQL volume", ClauseMetric.MqlsDelivered, MetricUnit.Count, 400, 412, 412) with { SlaVersions = [2] };
        var firstContact = Row("First contact on time", ClauseMetric.FirstContactWithinResponseRule, MetricUnit.Percent, 90, 91.5m, 40) with { SlaVersions = [2] };
        var winRate = Row("Win rate", ClauseMetric.SqlToWonRate, MetricUnit.Percent, 25, null, 0) with { SlaVersions = [2] };
        var page = RenderSide(volume, firstContact, winRate);

        var links = page.FindAll("[data-testid=clause-sample]");
        links.Select(l => l.TextContent).ShouldBe(["412", "40"]);
        links[0].GetAttribute("href").ShouldBe($"/reports/clause-leads?from=2026-11-01&to=2026-11-30&version=2&clause={volume.ClauseId}");
        links[1].GetAttribute("href").ShouldBe($"/reports/clause-leads?from=2026-11-01&to=2026-11-30&version=2&clause={firstContact.ClauseId}");
        links[1].GetAttribute("aria-label").ShouldBe("40 leads judged by First contact on time, version 2");
        page.FindAll("[data-testid=clause-row]")[2].QuerySelector("a").ShouldBeNull();
    }

    [Fact]
    public void AProratedTarget_SaysWhatTheAgreementStatesAndTheDaysItWasScaledTo()
    {
        var volume = Row("Monthly MQL volume", ClauseMetric.MqlsDelivered, MetricUnit.Count, 394.3m, 380, 380)
            with { Prorated = new ProratedTarget(400m, Period.Month, 30) };
        var quality = Row("Lead quality", ClauseMetric.MqlAcceptanceRate, MetricUnit.Percent, 70, 75, 100);
        var page = RenderSide(volume, quality);

        var targets = page.FindAll("[data-testid=clause-target]");
        targets[0].TextContent.Trim().ShouldBe("≥ 394.3 (400 a month, prorated to 30 days)");
        targets[1].TextContent.Trim().ShouldBe("≥ 70 %", "a percentage is the agreement's own target");
        page.FindAll("[data-testid=clause-target-basis]").ShouldHaveSingleItem();
    }

    [Fact]
    public void ADepartmentWithoutClauses_SaysSoInsteadOfAnEmptyTable()
    {
        var page = RenderSide();

        page.FindAll("table").ShouldBeEmpty();
        page.Find(".empty-state").TextContent.ShouldContain("No sales clause was in force");
    }
}
