using System.Globalization;
using System.Net;
using System.Text.Json;
using Smarketing.IntegrationTests.Leads;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>
/// <c>GET /api/v1/reports/scorecard</c> and <c>/response-times</c> (product.md, "The JSON API"): the same numbers as
/// <see cref="ResponseTimeReportTests"/> and <see cref="ScorecardTests"/> (worked out there), in camelCase JSON, and
/// problem details naming the field for a bad request.
/// </summary>
[Collection(ReportCollection.Name)]
public sealed class ReportApiTests(ReportApp app)
{
    private const string Period = "from=2026-10-26&to=2026-11-29";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetAsync(string path, string key = "demo-leadership")
    {
        using var client = app.ApiClient(key);
        using var response = await client.GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.JsonAsync();
    }

    private async Task<JsonElement> ProblemAsync(string path, int status, string? key = "demo-leadership")
    {
        using var client = app.ApiClient(key);
        using var response = await client.GetAsync(path, Ct);
        return await response.ProblemAsync(status);
    }

    /// <summary>A JSON number as its value (50 and 50 are the same number), or null.</summary>
    private static string N(JsonElement e) =>
        e.ValueKind switch
        {
            JsonValueKind.Null => "null",
            JsonValueKind.Number => e.GetDecimal().ToString("0.##########", CultureInfo.InvariantCulture),
            _ => e.GetRawText(),
        };

    private static string Row(JsonElement r)
    {
        var bands = r.GetProperty("bands");
        return string.Join(" ", r.GetProperty("group").GetString(), N(r.GetProperty("handedOff")), N(r.GetProperty("contacted")),
            N(r.GetProperty("contactedWithinSla")), N(r.GetProperty("breached")), N(r.GetProperty("open")), N(r.GetProperty("compliancePct")),
            N(r.GetProperty("p50BusinessMinutesToFirstContact")), N(r.GetProperty("p90BusinessMinutesToFirstContact")),
            N(bands.GetProperty("upToOneHour")), N(bands.GetProperty("oneToFourHours")), N(bands.GetProperty("fourToTwentyFourHours")),
            N(bands.GetProperty("overTwentyFourHours")));
    }

    [Fact]
    public async Task ResponseTimesByRep_OverTheApi_AreTheNumbersOfTheService_InCamelCaseJson()
    {
        var rows = await GetAsync($"/api/v1/reports/response-times?{Period}&groupBy=rep");

        // group handedOff contacted within breached open compliancePct p50 p90 | bands
        rows.EnumerateArray().Select(Row).ShouldBe(
        [
            "rep1@demo.test 6 5 4 2 0 66.7 180 840 1 2 2 0",
            "rep2@demo.test 3 3 1 2 0 33.3 180 525 0 2 1 0",
            "rep3@demo.test 0 0 0 0 0 null null null 0 0 0 0",
            "(unclaimed) 5 3 2 2 1 50 210 240 1 1 1 0",
        ]);
    }

    [Fact]
    public async Task ResponseTimes_GroupByDefaultsToRep()
    {
        var byDefault = await GetAsync($"/api/v1/reports/response-times?{Period}");
        var byRep = await GetAsync($"/api/v1/reports/response-times?{Period}&groupBy=rep");

        byDefault.GetRawText().ShouldBe(byRep.GetRawText());
    }

    [Fact]
    public async Task ResponseTimesByTeamAndByWeek_OverTheApi()
    {
        var teams = await GetAsync($"/api/v1/reports/response-times?{Period}&groupBy=team");
        var weeks = await GetAsync($"/api/v1/reports/response-times?{Period}&groupBy=WEEK");

        teams.EnumerateArray().Select(Row).ShouldBe(
        [
            "East 9 8 5 4 0 55.6 180 840 1 4 3 0",
            "West 0 0 0 0 0 null null null 0 0 0 0",
            "(unclaimed) 5 3 2 2 1 50 210 240 1 1 1 0",
        ]);
        weeks.EnumerateArray().Select(Row).ShouldBe(
        [
            "2026-W44 3 3 2 1 0 66.7 210 840 1 1 1 0",
            "2026-W45 3 2 1 2 0 33.3 240 240 0 0 2 0",
            "2026-W46 2 2 1 1 0 50 20 525 1 0 1 0",
            "2026-W47 3 3 2 1 0 66.7 180 180 0 3 0 0",
            "2026-W48 3 1 1 1 1 50 60 60 0 1 0 0",
        ]);
    }

    [Fact]
    public async Task TheScorecard_OverTheApi_ShowsEachClauseWithOwnerMetricTargetActualMetAndItsVersion()
    {
        var card = await GetAsync($"/api/v1/reports/scorecard?{Period}");

        card.GetProperty("from").GetString().ShouldBe("2026-10-26");
        card.GetProperty("to").GetString().ShouldBe("2026-11-29");
        var clauses = card.GetProperty("clauses").EnumerateArray().Select(c => string.Join(" | ",
            string.Join(",", c.GetProperty("slaVersions").EnumerateArray().Select(v => v.GetInt32())),
            c.GetProperty("owner").GetString(), c.GetProperty("metric").GetString(), c.GetProperty("title").GetString(),
            N(c.GetProperty("target")), N(c.GetProperty("actual")), N(c.GetProperty("met")), N(c.GetProperty("sampleSize")))).ToList();

        // The numbers of ScorecardTests.APeriodSpanningTheVersionChange_..., worked out there.
        clauses.ShouldBe(
        [
            "1 | marketing | mqlsDelivered | Monthly MQL volume | 276 | 8 | false | 8",
            "1 | marketing | mqlAcceptanceRate | Lead quality | 70 | 50 | false | 6",
            "1 | sales | firstContactWithinResponseRule | Fast first contact for A-leads | 95 | 66.7 | false | 6",
            "1 | sales | firstContactWithinResponseRule | First contact on time | 90 | 50 | false | 8",
            "1 | sales | decisionWithinResponseRule | Accept or reject within the budget | 90 | 75 | false | 8",
            "1 | sales | followUpCadenceMet | Follow-up cadence | 85 | 71.4 | false | 7",
            "1 | sales | sqlToWonRate | Win rate | 25 | 50 | true | 2",
            "2 | marketing | mqlsDelivered | Monthly MQL volume | 207 | 6 | false | 6",
            "2 | marketing | mqlAcceptanceRate | Lead quality | 70 | 100 | true | 2",
            "2 | sales | firstContactWithinResponseRule | Fast first contact for A-leads | 95 | 50 | false | 4",
            "2 | sales | firstContactWithinResponseRule | First contact on time | 90 | 60 | false | 5",
            "2 | sales | decisionWithinResponseRule | Accept or reject within the budget | 90 | 66.7 | false | 3",
            "2 | sales | followUpCadenceMet | Follow-up cadence | 85 | 100 | true | 1",
            "2 | sales | sqlToWonRate | Win rate | 25 | null | null | 0",
        ]);
    }

    [Fact]
    public async Task TheManagers_MayReadTheReportsToo()
    {
        foreach (var key in new[] { "demo-marketing", "demo-sales.manager", "demo-admin" })
        {
            (await GetAsync($"/api/v1/reports/scorecard?{Period}", key)).GetProperty("clauses").GetArrayLength().ShouldBe(14, key);
        }
    }

    [Theory]
    [InlineData("/api/v1/reports/scorecard?to=2026-11-29", "from", "'from' is required, as a date like 2026-11-01.")]
    [InlineData("/api/v1/reports/scorecard?from=2026-10-26", "to", "'to' is required, as a date like 2026-11-01.")]
    [InlineData("/api/v1/reports/scorecard?from=26/10/2026&to=2026-11-29", "from", "'from' must be a date like 2026-11-01, not '26/10/2026'.")]
    [InlineData("/api/v1/reports/scorecard?from=2026-10-26&to=2026-13-01", "to", "'to' must be a date like 2026-11-01, not '2026-13-01'.")]
    [InlineData("/api/v1/reports/scorecard?from=2026-11-29&to=2026-10-26", "to", "'to' must be on or after 'from'.")]
    [InlineData("/api/v1/reports/response-times?from=2026-11-29&to=2026-11-28&groupBy=week", "to", "'to' must be on or after 'from'.")]
    [InlineData("/api/v1/reports/response-times?from=2026-10-26&to=2026-11-29&groupBy=persona", "groupBy", "groupBy must be rep, team or week, not 'persona'.")]
    // 2026-01-01 .. 2027-02-05 is 401 days, both ends included.
    [InlineData("/api/v1/reports/response-times?from=2026-01-01&to=2027-02-05", "to", "A report covers at most 400 days.")]
    [InlineData("/api/v1/reports/scorecard?from=2025-01-01&to=2026-12-31", "to", "A report covers at most 400 days.")]
    public async Task ABadPeriodOrGrouping_Is400_WithProblemDetailsNamingTheField(string path, string field, string message)
    {
        var problem = await ProblemAsync(path, 400);

        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe([field]);
        errors.GetProperty(field)[0].GetString().ShouldBe(message);
    }

    [Fact]
    public async Task EveryBadFieldIsNamedAtOnce()
    {
        var problem = await ProblemAsync("/api/v1/reports/response-times?from=yesterday&groupBy=month", 400);

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["from", "groupBy", "to"]);
    }

    [Fact]
    public async Task APeriodOfExactly400Days_IsAccepted()
    {
        // 2026-01-01 .. 2027-02-04: 365 + 35 = 400 days.
        var rows = await GetAsync("/api/v1/reports/response-times?from=2026-01-01&to=2027-02-04&groupBy=team");

        rows.GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("/api/v1/reports/scorecard?from=2026-10-26&to=2026-11-29")]
    [InlineData("/api/v1/reports/response-times?from=2026-10-26&to=2026-11-29&groupBy=rep")]
    public async Task ASalesRepsKey_IsForbidden(string path)
    {
        await ProblemAsync(path, 403, "demo-rep1");
    }

    [Theory]
    [InlineData("/api/v1/reports/scorecard?from=2026-10-26&to=2026-11-29")]
    [InlineData("/api/v1/reports/response-times?from=2026-10-26&to=2026-11-29&groupBy=rep")]
    public async Task NoKey_IsUnauthorized(string path)
    {
        await ProblemAsync(path, 401, key: null);
    }

    [Fact]
    public async Task ASalesRepsKey_IsForbiddenEvenWithABadPeriod_SoAnUnauthorisedCallerLearnsNothingAboutValidation()
    {
        await ProblemAsync("/api/v1/reports/scorecard?from=nope", 403, "demo-rep1");
    }
}
