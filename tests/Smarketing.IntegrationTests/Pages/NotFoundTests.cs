using System.Net;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Pages;

/// <summary>An address with nothing behind it answers 404 with Smarketing's own page, not the browser's bare error.</summary>
public sealed class NotFoundTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/reports/no-such-report")]
    public async Task AnUnknownAddress_Answers404_WithAPageThatSaysSo_AndLeadsHome(string path)
    {
        var response = await app.ApiClient(apiKey: null).GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        page.ShouldContain("Page not found");
        page.ShouldContain("href=\"/\"");
        page.ShouldContain("Go to your home page");
    }

    [Fact]
    public async Task AnUnknownApiAddress_Answers404_AsProblemDetails()
    {
        var response = await app.ApiClient(apiKey: null).GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }
}
