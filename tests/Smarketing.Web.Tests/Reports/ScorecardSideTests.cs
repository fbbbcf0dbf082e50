using AngleSharp.Dom;
using Smarketing.Application.Reports;
using Smarketing.Domain.Agreements;
using Smarketing.Web.Components.Pages.Reports;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Reports;

/// <summary>One department's half of the scorecard: each clause with its target, actual and a result in words.</summary>
public sealed class ScorecardSideTests
{
    private static readonly ReportRange November = new(new(2026, 11, 1), new(2026, 11, 30));

    private static ScorecardRow Row(string title, ClauseMetric metric, MetricUnit unit, decimal target, decimal? actual, int sample) =>
        new(Guid.NewGuid(), title, Department.Sales, metric, unit, Comparison.AtLeast, target, actual,
            actual is null ? null : actual >= target, sample, [1, 2], $"{title} described");

    private static Task<IDocument> RenderAsync(params ScorecardRow[] rows) =>
        ComponentRenderer.RenderAsync<ScorecardSide>(new Dictionary<string, object?>
        {
            [nameof(ScorecardSide.Owner)] = Department.Sales,
            [nameof(ScorecardSide.Rows)] = rows,
            [nameof(ScorecardSide.Range)] = November,
        });

    [Fact]
    public async Task EachClause_ShowsTargetActualAndAResultInWords()
    {
        var page = await RenderAsync(
            Row("First contact on time", ClauseMetric.FirstContactWithinResponseRule, MetricUnit.Percent, 90, 91.5m, 40),
            Row("Accept or reject on time", ClauseMetric.DecisionWithinResponseRule, MetricUnit.Percent, 90, 85m, 40),
            Row("Win rate", ClauseMetric.SqlToWonRate, MetricUnit.Percent, 25, null, 0));

        page.QuerySelector("h2")!.TextContent.ShouldBe("Sales' commitments");
        page.QuerySelector("[data-testid=summary-Sales]")!.TextContent.ShouldContain("1 of 3 kept");
        page.QuerySelectorAll("[data-testid=clause-actual]").Select(c => c.TextContent.Trim()).ShouldBe(["91.5 %", "85 %", "–"]);
        page.QuerySelectorAll("[data-testid=clause-result]").Select(c => c.TextContent.Trim()).ShouldBe(["Kept", "Missed narrowly", "No data yet"]);
        page.QuerySelector("[data-testid=clause-row]")!.TextContent.ShouldContain("versions 1, 2");
    }

    [Fact]
    public async Task EachClausesLeadCount_LinksToTheLeadsItJudged_AndAnEmptySampleLinksNowhere()
    {
        var volume = Row("Monthly MQL volume", ClauseMetric.MqlsDelivered, MetricUnit.Count, 400, 412, 412) with { SlaVersions = [2] };
        var firstContact = Row("First contact on time", ClauseMetric.FirstContactWithinResponseRule, MetricUnit.Percent, 90, 91.5m, 40) with { SlaVersions = [2] };
        var winRate = Row("Win rate", ClauseMetric.SqlToWonRate, MetricUnit.Percent, 25, null, 0) with { SlaVersions = [2] };
        var page = await RenderAsync(volume, firstContact, winRate);

        var links = page.QuerySelectorAll("[data-testid=clause-sample]");
        links.Select(l => l.TextContent).ShouldBe(["412", "40"]);
        links[0].GetAttribute("href").ShouldBe($"/reports/clause-leads?from=2026-11-01&to=2026-11-30&version=2&clause={volume.ClauseId}");
        links[1].GetAttribute("href").ShouldBe($"/reports/clause-leads?from=2026-11-01&to=2026-11-30&version=2&clause={firstContact.ClauseId}");
        links[1].GetAttribute("aria-label").ShouldBe("40 leads judged by First contact on time, version 2");
        page.QuerySelectorAll("[data-testid=clause-row]")[2].QuerySelector("a").ShouldBeNull();
    }

    [Fact]
    public async Task ADepartmentWithoutClauses_SaysSoInsteadOfAnEmptyTable()
    {
        var page = await RenderAsync();

        page.QuerySelector("table").ShouldBeNull();
        page.QuerySelector(".empty-state")!.TextContent.ShouldContain("No sales clause was in force");
    }
}
