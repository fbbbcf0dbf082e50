using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Smarketing.IntegrationTests.Security;

/// <summary>
/// Outside Development: HTTPS only (redirect and HSTS), the sign-in cookie marked Secure, and X-Forwarded-Proto believed
/// only from the proxies named in ForwardedHeaders:KnownProxies (here 10.0.0.5).
/// </summary>
public sealed class HttpsTests(HttpsTests.ProductionApp app) : IClassFixture<HttpsTests.ProductionApp>
{
    private const string Proxy = "10.0.0.5";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlainHttp_IsRedirectedToHttps()
    {
        var response = await Client("http://smarketing.example", "203.0.113.7").GetAsync("/Account/Login", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location.ShouldBe(new Uri("https://smarketing.example/Account/Login"));
    }

    [Fact]
    public async Task AnswersOverHttps_CarryHsts()
    {
        var response = await Client("https://smarketing.example", "203.0.113.7").GetAsync("/Account/Login", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
    }

    [Fact]
    public async Task AKnownProxyForwardingHttps_IsServedAsHttps()
    {
        var client = Client("http://smarketing.example", Proxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.77");

        var response = await client.GetAsync("/Account/Login", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }

    [Fact]
    public async Task AnyoneElseClaimingHttps_IsStillRedirected()
    {
        var client = Client("http://smarketing.example", "203.0.113.8");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("/Account/Login", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
    }

    [Fact]
    public async Task TheHealthProbe_IsAnsweredOverPlainHttp()
    {
        var response = await Client("http://smarketing.example", "10.0.0.9").GetAsync("/health", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheSignInAndAntiforgeryCookies_AreSecure()
    {
        const string password = "Right-Password1";
        var (_, email) = await app.NewPersonAsync(password);
        using var browser = new BrowserClient(Client("https://smarketing.example", "203.0.113.9"));

        var page = await browser.Http.GetAsync("/Account/Login", Ct);
        var signedIn = await browser.SignInAsync(email, password);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        cookies.ShouldContain(c => c.StartsWith(BrowserClient.CookieName + "=", StringComparison.Ordinal));
        cookies.ShouldContain(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        cookies.ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase) && c.Contains("; httponly", StringComparison.OrdinalIgnoreCase));
    }

    private HttpClient Client(string baseAddress, string clientAddress)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });
        client.DefaultRequestHeaders.Add(SecurityApp.ClientAddressHeader, clientAddress);
        return client;
    }

    public sealed class ProductionApp : SecurityApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("https_port", "443");
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
        }
    }
}
