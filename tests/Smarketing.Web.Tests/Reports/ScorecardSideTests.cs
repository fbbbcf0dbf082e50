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
    public async Task TheMqlCount_LinksToTheLeadsHandedOffInThePeriod()
    {
        var page = await RenderAsync(Row("Monthly MQL volume", ClauseMetric.MqlsDelivered, MetricUnit.Count, 400, 412, 412));

        var link = page.QuerySelector("[data-testid=clause-row] a")!;
        link.TextContent.ShouldBe("412");
        link.GetAttribute("href").ShouldBe("/reports/leads?from=2026-11-01&to=2026-11-30&kind=HandedOff");
    }

    [Fact]
    public async Task ADepartmentWithoutClauses_SaysSoInsteadOfAnEmptyTable()
    {
        var page = await RenderAsync();

        page.QuerySelector("table").ShouldBeNull();
        page.QuerySelector(".empty-state")!.TextContent.ShouldContain("No sales clause was in force");
    }
}
