using System.Net;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Api;

public sealed class HealthTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    [Fact]
    public async Task TheHealthEndpoint_AnswersOkWithoutAKey()
    {
        var response = await app.ApiClient(apiKey: null).GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Healthy");
    }
}
