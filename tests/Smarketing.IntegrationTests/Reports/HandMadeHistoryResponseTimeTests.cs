using System.Text.Json;
using Smarketing.Application.Reports;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>
/// Response times over <see cref="ReportDataSet"/>, every number worked out by hand. Business minutes to first contact
/// of the contacted leads, sorted: 30 (L1), 90 (L4), 210 (L2), 420 (L3). Nearest rank: p50 is the ceil(0.5 x n)-th,
/// p90 the ceil(0.9 x n)-th smallest.
/// </summary>
public sealed class HandMadeHistoryResponseTimeTests(ReportDataSet data) : IClassFixture<ReportDataSet>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ReportRange Period = ReportDataSet.Period;

    private Task<IReadOnlyList<ResponseTimeRow>> ReadAsync(GroupBy groupBy) =>
        data.AsLeadershipAsync(r => r.ResponseTimesAsync(Period.From, Period.To, groupBy, Ct));

    [Fact]
    public async Task AllLeadsOfThePeriod_CountTheLateAndTheUncontactedPastDueAsBreached()
    {
        var total = await data.AsLeadershipAsync(r => r.ResponseTotalAsync(Period.From, Period.To, Ct));

        // L1..L6 handed off in the period; L0 (23 Oct) and L7 (30 Nov) are outside it.
        total.HandedOff.ShouldBe(6);
        total.Contacted.ShouldBe(4);                       // L1, L2, L3, L4
        total.ContactedWithinSla.ShouldBe(3);              // L1, L2, L4
        total.Breached.ShouldBe(2);                        // L3 late, L5 never contacted and past due
        total.Open.ShouldBe(1);                            // L6, due Mon 30 Nov 11:00, now 10:00
        total.CompliancePct.ShouldBe(60.0m);               // 3 / (3 + 2)
        total.P50BusinessMinutesToFirstContact.ShouldBe(90);  // ceil(0.5 x 4) = 2nd of 30, 90, 210, 420
        total.P90BusinessMinutesToFirstContact.ShouldBe(420); // ceil(0.9 x 4) = 4th
        total.Bands.ShouldBe(new ResponseBands(1, 2, 1, 0));  // 30 | 90, 210 | 420 | none
    }

    [Fact]
    public async Task ByRep_EveryRepHasARow_IncludingOneWithNoLeads_AndLeadsWithoutAnOwnerComeLast()
    {
        var rows = await ReadAsync(GroupBy.Rep);

        rows.Select(r => r.Group).ShouldBe([Demo.Rep1, Demo.Rep2, ReportDataSet.Rep3, ReportService.Unclaimed]);

        // rep1: L1 (30), L2 (210), L4 (90), all on time. p50 = ceil(1.5) = 2nd = 90, p90 = ceil(2.7) = 3rd = 210.
        rows[0].ShouldBe(new ResponseTimeRow(Demo.Rep1, 3, 3, 3, 0, 0, 100.0m, 90, 210, new ResponseBands(1, 2, 0, 0)));
        // rep2 owns nothing in the period (L0 is before it): zeros, and no compliance or percentile to speak of.
        rows[1].ShouldBe(new ResponseTimeRow(Demo.Rep2, 0, 0, 0, 0, 0, null, null, null, new ResponseBands(0, 0, 0, 0)));
        // rep3: L5 only (L3 went back to marketing when rep3 rejected it); never contacted, past due.
        rows[2].ShouldBe(new ResponseTimeRow(ReportDataSet.Rep3, 1, 0, 0, 1, 0, 0.0m, null, null, new ResponseBands(0, 0, 0, 0)));
        // No owner: L3 (420, late) and L6 (open).
        rows[3].ShouldBe(new ResponseTimeRow(ReportService.Unclaimed, 2, 1, 0, 1, 1, 0.0m, 420, 420, new ResponseBands(0, 0, 1, 0)));
    }

    [Fact]
    public async Task ByTeam_EastHoldsRep1AndRep2_WestHoldsRep3()
    {
        var rows = await ReadAsync(GroupBy.Team);

        rows.Select(r => r.Group).ShouldBe(["East", "West", ReportService.Unclaimed]);
        rows[0].ShouldBe(new ResponseTimeRow("East", 3, 3, 3, 0, 0, 100.0m, 90, 210, new ResponseBands(1, 2, 0, 0)));
        rows[1].ShouldBe(new ResponseTimeRow("West", 1, 0, 0, 1, 0, 0.0m, null, null, new ResponseBands(0, 0, 0, 0)));
        rows[2].HandedOff.ShouldBe(2);
    }

    [Fact]
    public async Task ByWeek_EachIsoWeekOfTheHandOff_InCalendarOrder()
    {
        var rows = await ReadAsync(GroupBy.Week);

        rows.Select(r => r.Group).ShouldBe(["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"]);
        // W44 (26 Oct - 1 Nov, the week clocks fell back): L1 (30) and L2 (210). p50 = 1st = 30, p90 = ceil(1.8) = 2nd = 210.
        rows[0].ShouldBe(new ResponseTimeRow("2026-W44", 2, 2, 2, 0, 0, 100.0m, 30, 210, new ResponseBands(1, 1, 0, 0)));
        rows[1].ShouldBe(new ResponseTimeRow("2026-W45", 1, 1, 0, 1, 0, 0.0m, 420, 420, new ResponseBands(0, 0, 1, 0)));
        rows[2].ShouldBe(new ResponseTimeRow("2026-W46", 0, 0, 0, 0, 0, null, null, null, new ResponseBands(0, 0, 0, 0)));
        rows[3].ShouldBe(new ResponseTimeRow("2026-W47", 1, 0, 0, 1, 0, 0.0m, null, null, new ResponseBands(0, 0, 0, 0)));
        // W48, clipped to 23-27 Nov: L4 (90, on time across Thanksgiving) and L6 (open).
        rows[4].ShouldBe(new ResponseTimeRow("2026-W48", 2, 1, 1, 0, 1, 100.0m, 90, 90, new ResponseBands(0, 1, 0, 0)));
    }

    [Fact]
    public async Task TheBreachedCount_DrillsDownToExactlyTheLateAndTheUncontactedPastDue()
    {
        var breached = await data.AsLeadershipAsync(r => r.DrillAsync(Period.From, Period.To, DrillKind.Breached, null, Ct));
        var west = await data.AsLeadershipAsync(r => r.DrillAsync(Period.From, Period.To, DrillKind.Breached, null, Ct, team: "West"));
        var open = await data.AsLeadershipAsync(r => r.DrillAsync(Period.From, Period.To, DrillKind.Open, null, Ct));

        breached.Select(l => l.Id).ShouldBe([data.Leads["L3"], data.Leads["L5"]], ignoreOrder: true);
        west.Select(l => l.Id).ShouldBe([data.Leads["L5"]]);
        open.Select(l => l.Id).ShouldBe([data.Leads["L6"]]);
    }

    [Fact]
    public async Task TheApi_ReturnsTheSameNumbersAsThePage()
    {
        using var response = await data.ApiClient("demo-leadership").GetAsync("/api/v1/reports/response-times?from=2026-10-26&to=2026-11-27&groupBy=rep", Ct);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        var rep1 = json.RootElement.EnumerateArray().Single(r => r.GetProperty("group").GetString() == Demo.Rep1);
        rep1.GetProperty("handedOff").GetInt32().ShouldBe(3);
        rep1.GetProperty("contactedWithinSla").GetInt32().ShouldBe(3);
        rep1.GetProperty("compliancePct").GetDecimal().ShouldBe(100.0m);
        rep1.GetProperty("p50BusinessMinutesToFirstContact").GetInt64().ShouldBe(90);
        rep1.GetProperty("p90BusinessMinutesToFirstContact").GetInt64().ShouldBe(210);
        var rep2 = json.RootElement.EnumerateArray().Single(r => r.GetProperty("group").GetString() == Demo.Rep2);
        rep2.GetProperty("compliancePct").ValueKind.ShouldBe(JsonValueKind.Null);
        rep2.GetProperty("p50BusinessMinutesToFirstContact").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
