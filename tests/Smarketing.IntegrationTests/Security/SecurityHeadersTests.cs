using System.Net;
using System.Text.RegularExpressions;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Security;

/// <summary>Every answer carries the security headers: pages, API answers, static files and errors.</summary>
public sealed partial class SecurityHeadersTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/Account/Login", "demo-none", HttpStatusCode.OK)]
    [InlineData("/api/v1/me", "demo-rep1", HttpStatusCode.OK)]
    [InlineData("/api/v1/me", "not-a-key", HttpStatusCode.Unauthorized)]
    [InlineData("/favicon.png", "demo-none", HttpStatusCode.OK)]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js", "demo-none", HttpStatusCode.OK)]
    [InlineData("/no-such-page", "demo-none", HttpStatusCode.NotFound)]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string path, string apiKey, HttpStatusCode status)
    {
        var response = await app.ApiClient(apiKey).GetAsync(path, Ct);

        response.StatusCode.ShouldBe(status);
        var policy = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem("one policy, not Blazor's beside ours");
        Directives(policy).ShouldContainKeyAndValue("frame-ancestors", "'none'");
        Directives(policy).ShouldContainKeyAndValue("default-src", "'self'");
        Directives(policy).ShouldContainKeyAndValue("connect-src", "'self'");
        Directives(policy).ShouldContainKeyAndValue("object-src", "'none'");
        Directives(policy)["script-src"].ShouldStartWith("'self'");
        policy.ShouldNotContain("unsafe-eval");
        Directives(policy)["script-src"].ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["same-origin"]);
        response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");
    }

    [Fact]
    public async Task APagesOnlyInlineScript_TheImportMap_RunsByTheNonceOfItsOwnPolicy()
    {
        var first = await app.ApiClient(null).GetAsync("/Account/Login", Ct);
        var second = await app.ApiClient(null).GetAsync("/Account/Login", Ct);

        var html = await first.Content.ReadAsStringAsync(Ct);
        var nonce = WebUtility.HtmlDecode(ImportMapNonce().Match(html).Groups[1].Value);
        nonce.ShouldNotBeNullOrEmpty("the import map carries a nonce");
        Directives(first.Headers.GetValues("Content-Security-Policy").Single())["script-src"].ShouldBe($"'self' 'nonce-{nonce}'");
        second.Headers.GetValues("Content-Security-Policy").Single().ShouldNotContain(nonce, Case.Sensitive, "each page gets a nonce of its own");
        InlineScripts().Matches(html).Count.ShouldBe(1, "the import map is the page's only inline script");
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [GeneratedRegex("<script type=\"importmap\"[^>]*nonce=\"([^\"]+)\"")]
    private static partial Regex ImportMapNonce();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScripts();
}
