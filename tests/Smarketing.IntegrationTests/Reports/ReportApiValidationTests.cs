using System.Net;
using System.Text.Json;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>What a program gets back when it asks for a report wrongly, or without the right to read it.</summary>
public sealed class ReportApiValidationTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/reports/scorecard", "from")]
    [InlineData("/api/v1/reports/scorecard?from=2026-11-01", "to")]
    [InlineData("/api/v1/reports/scorecard?from=1/11/2026&to=2026-11-30", "from")]
    [InlineData("/api/v1/reports/scorecard?from=2026-11-30&to=2026-11-01", "to")]
    [InlineData("/api/v1/reports/response-times?from=2025-01-01&to=2026-11-30", "to")]
    [InlineData("/api/v1/reports/response-times?from=2026-11-01&to=2026-11-30&groupBy=month", "groupBy")]
    public async Task ABadPeriodOrGrouping_Answers400_NamingTheField(string url, string field)
    {
        using var response = await app.ApiClient("demo-leadership").GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue($"the problem names '{field}'");
        messages[0].GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("demo-rep1", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("demo-marketing", HttpStatusCode.OK)]
    [InlineData("demo-sales.manager", HttpStatusCode.OK)]
    public async Task ReportsAreForLeadershipAndTheManagers_NotForReps(string? key, HttpStatusCode expected)
    {
        using var response = await app.ApiClient(key).GetAsync("/api/v1/reports/response-times?from=2026-11-01&to=2026-11-30", Ct);

        response.StatusCode.ShouldBe(expected);
    }
}
