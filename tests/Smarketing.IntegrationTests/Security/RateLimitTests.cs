using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.ApiKeys;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Security;

/// <summary>Budgets per API key and per client address (here 5 and 3 a minute): past them, 429 with Retry-After.</summary>
public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKeyPastItsBudget_Gets429_WithRetryAfter_AndProblemDetails()
    {
        var client = app.ApiClient(await NewKeyAsync(), "198.51.100.1");

        for (var i = 0; i < RateLimitedApp.ApiRequestsPerMinute; i++)
        {
            (await client.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, $"request {i + 1} is within the budget");
        }

        var refused = await client.GetAsync("/api/v1/me", Ct);

        await ShouldBeTooManyRequestsAsync(refused);
    }

    [Fact]
    public async Task WhileOneKeyIsLimited_AnotherKeyFromTheSameAddress_KeepsWorking()
    {
        var busy = app.ApiClient(await NewKeyAsync(), "198.51.100.2");
        var quiet = app.ApiClient(await NewKeyAsync(), "198.51.100.2");
        for (var i = 0; i <= RateLimitedApp.ApiRequestsPerMinute; i++)
        {
            await busy.GetAsync("/api/v1/me", Ct);
        }

        (await busy.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await quiet.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignInsPastAnAddressesBudget_Get429_WhileAnotherAddressCanStillSignIn()
    {
        const string password = "Right-Password1";
        var (_, email) = await app.NewPersonAsync(password);
        using var guesser = app.Browser("203.0.113.50");
        for (var i = 0; i < RateLimitedApp.SignInAttemptsPerMinute; i++)
        {
            (await guesser.SignInAsync(email, $"Wrong-Guess{i}")).StatusCode.ShouldBe(HttpStatusCode.OK, "a refused sign-in shows the page again");
        }

        await ShouldBeTooManyRequestsAsync(await guesser.SignInAsync(email, password));

        using var owner = app.Browser("203.0.113.51");
        await owner.SignInOrFailAsync(email, password);
    }

    [Fact]
    public async Task AddressesInsideOneIpv6Slash64_ShareOneSignInBudget()
    {
        for (var i = 0; i < RateLimitedApp.SignInAttemptsPerMinute; i++)
        {
            using var guesser = app.Browser($"2001:db8:7:1::{i + 1:x}");
            (await guesser.SignInAsync(Demo.UniqueEmail(), "Wrong-Guess1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var sameBlock = app.Browser("2001:db8:7:1:ffff:ffff:ffff:fffe");
        await ShouldBeTooManyRequestsAsync(await sameBlock.SignInAsync(Demo.UniqueEmail(), "Wrong-Guess1"));
        using var nextBlock = app.Browser("2001:db8:7:2::1");
        (await nextBlock.SignInAsync(Demo.UniqueEmail(), "Wrong-Guess1")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ApiKeysThatDoNotWork_UseUpTheAddressesSignInBudget_NotOtherAddresses()
    {
        for (var i = 0; i < RateLimitedApp.SignInAttemptsPerMinute; i++)
        {
            var wrong = await app.ApiClient($"smk_guess{i}", "203.0.113.60").GetAsync("/api/v1/me", Ct);
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        await ShouldBeTooManyRequestsAsync(await app.ApiClient("smk_oneGuessTooMany", "203.0.113.60").GetAsync("/api/v1/me", Ct));
        (await app.ApiClient(await NewKeyAsync(), "203.0.113.61").GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> NewKeyAsync()
    {
        await using var rep = await app.SignedInAsAsync(Demo.Rep2);
        var created = await rep.ServiceProvider.GetRequiredService<IApiKeyService>()
            .CreateAsync(new CreateApiKeyRequest { Name = $"Rate test {Guid.NewGuid():N}"[..30] }, Ct);
        created.Succeeded.ShouldBeTrue(created.Message);
        return created.Value.Secret;
    }

    internal static async Task ShouldBeTooManyRequestsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.ShouldNotBeNull("a 429 says when to try again");
        response.Headers.RetryAfter.Delta.ShouldNotBeNull();
        response.Headers.RetryAfter.Delta.Value.TotalSeconds.ShouldBeInRange(1, 60);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(429);
        problem.GetProperty("detail").GetString()!.ShouldContain("Try again in");
    }
}

/// <summary>0 turns a limit off.</summary>
public sealed class RateLimitOffTests(RateLimitOffTests.UnlimitedApp app) : IClassFixture<RateLimitOffTests.UnlimitedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithBothLimitsAtZero_NeitherAKeyNorAnAddressIsEverRefused()
    {
        var client = app.ApiClient("demo-rep1", "198.51.100.9");
        for (var i = 0; i < 60; i++)
        {
            (await client.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        for (var i = 0; i < 30; i++)
        {
            (await app.ApiClient($"smk_guess{i}", "198.51.100.9").GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var browser = app.Browser("198.51.100.9");
        for (var i = 0; i < 15; i++)
        {
            (await browser.SignInAsync(Demo.UniqueEmail(), "Wrong-Guess1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    public sealed class UnlimitedApp : SecurityApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimiting:ApiRequestsPerMinute", "0");
            builder.UseSetting("RateLimiting:SignInAttemptsPerMinute", "0");
        }
    }
}

/// <summary>A limit that makes no sense stops the app at start, naming the setting.</summary>
public sealed class RateLimitSettingTests
{
    [Fact]
    public void ANegativeLimit_StopsTheAppAtStart_WithAMessageNamingTheSetting()
    {
        using var app = new NegativeLimitApp();

        var error = Should.Throw<Exception>(() => app.CreateClient());

        error.ToString().ShouldContain("RateLimiting:ApiRequestsPerMinute must be a whole number from 0");
    }

    private sealed class NegativeLimitApp : SmarketingAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimiting:ApiRequestsPerMinute", "-5");
        }
    }
}
