using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd;

/// <summary>/api/docs: the interactive page for /openapi/v1.json, offline and under the app's Content-Security-Policy.</summary>
public sealed class ApiDocsPageTests(SmarketingApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_api_page_shows_every_endpoint_without_a_key_and_asks_nothing_of_another_origin_or_of_the_policy()
    {
        var outside = new List<string>();
        await Page.Context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" or "ws" or "wss" && url.Authority != App.BaseUrl.Authority)
            {
                lock (outside)
                {
                    outside.Add(route.Request.Url);
                }

                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        await Page.AddInitScriptAsync("""
            window.__policyViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__policyViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);

        await OpenStaticAsync("/api/docs#tag/leads", Page);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Smarketing API", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Claims a handed-off lead for the key's rep; exactly one rep wins").First).ToBeVisibleAsync();
        await Expect(Page.GetByText("A page of leads, newest first, filtered by externalId, email, stage or owner").First).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            await Page.SetViewportSizeAsync(width, height);
            await Page.ScreenshotAsync(new() { Path = Path.Combine(SmarketingApp.ScreenshotDirectory, $"ApiDocsPageTests-api-docs-{width}.png") });
        }

        outside.ShouldBeEmpty("the page works offline: nothing from another origin");
        // Scalar's schema validator (zod) probes once whether eval works, with Function(""). The policy refuses it and the
        // validator carries on without eval, as the page above shows; that refused probe is the one violation allowed.
        var violations = await Page.EvaluateAsync<string[]>("() => window.__policyViolations");
        violations.Where(v => v != "script-src eval").ShouldBeEmpty("nothing else on the page breaks the Content-Security-Policy");
        BrowserErrors.Where(e => !e.Contains("'unsafe-eval'", StringComparison.Ordinal)).ShouldBeEmpty();
        // Scalar's API-key value field is a contenteditable role="combobox" without aria-expanded (axe aria-required-attr);
        // no setting of Scalar changes that element.
        await Page.ShouldHaveNoAxeViolationsAsync("the API docs page",
            (rule, html) => rule == "aria-required-attr" && html.Contains("code-input-lite__editor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_keys_page_links_to_the_api_reference()
    {
        await SignInAsync(Page, "rep1@demo.test");
        await OpenAsync("/settings/api-keys");

        await Page.GetByRole(AriaRole.Link, new() { Name = "API reference" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Smarketing API", Level = 1 })).ToBeVisibleAsync();
        Page.Url.ShouldContain("/api/docs");
    }
}
