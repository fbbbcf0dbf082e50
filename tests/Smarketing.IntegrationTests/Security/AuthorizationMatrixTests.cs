using System.Net;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Security;

/// <summary>
/// Who may reach what, for every route in the app's own route table: each page and each API read, asked by someone
/// signed out and by each role. The rules are written out below, one line per route, so a route added without a rule
/// fails the first test, and a rule the app stops keeping fails the others. An API write is refused (403) to every role
/// it is not for before its body is read; finer rules (which section a role edits, whose lead a rep works) are proven
/// by the feature tests, e.g. AgreementPermissionTests and LeadApiTests.
/// </summary>
public sealed class AuthorizationMatrixTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Anyone = "anyone, signed in or not";
    private const string SignedIn = "every signed-in role";

    /// <summary>Who each route is for: <see cref="Anyone"/>, <see cref="SignedIn"/>, or a comma-separated role set.</summary>
    private static readonly Dictionary<string, string> Rules = new()
    {
        // Pages
        ["GET /"] = SignedIn,
        ["GET /Account/Login"] = Anyone,
        ["GET /Account/AccessDenied"] = Anyone,
        ["GET /Error"] = Anyone,
        ["GET /not-found"] = Anyone,
        ["GET /admin/users"] = Roles.Admin,
        ["GET /admin/service-accounts"] = Roles.Admin,
        ["GET /admin/history-import"] = Roles.Admin,
        ["GET /agreement"] = SignedIn,
        ["GET /agreement/draft"] = SignedIn,
        ["GET /agreement/versions"] = SignedIn,
        ["GET /agreement/versions/{Number:int}"] = SignedIn,
        ["GET /leads"] = Roles.MarketingManager,
        ["GET /leads/new"] = Roles.MarketingManager,
        ["GET /leads/export.csv"] = Roles.MarketingManager,
        ["GET /leads/import"] = Roles.MarketingManager,
        ["GET /leads/returned"] = Roles.MarketingManager,
        ["GET /leads/{Id:guid}"] = SignedIn,
        ["GET /leads/{Id:guid}/edit"] = Roles.MarketingManager,
        ["GET /my-leads"] = Roles.SalesRep,
        ["GET /notifications"] = SignedIn,
        ["GET /pipeline"] = Roles.SalesManager,
        ["GET /team/availability"] = Roles.SalesManager,
        ["GET /sla/watch"] = Roles.SalesManager,
        ["GET /reports/clause-leads"] = Roles.ReportReaders,
        ["GET /reports/funnel"] = Roles.ReportReaders,
        ["GET /reports/leads"] = Roles.ReportReaders,
        ["GET /reports/marketing"] = Roles.ReportReaders,
        ["GET /reports/response-times"] = Roles.ReportReaders,
        ["GET /scorecard"] = Roles.ReportReaders,
        ["GET /reports/export/{report}.csv"] = Roles.ReportReaders,
        ["GET /settings/api-keys"] = SignedIn,
        ["GET /settings/preferences"] = SignedIn,
        ["GET /health"] = Anyone,
        ["GET /openapi/{documentName}.json"] = Anyone,
        ["GET /api/docs/{documentName?}"] = Anyone,
        ["POST /Account/Logout"] = Anyone, // refused without the page's antiforgery token (SessionTests)

        // API reads
        ["GET /api/v1/me"] = SignedIn,
        ["GET /api/v1/users"] = Roles.Admin,
        ["GET /api/v1/agreement"] = SignedIn,
        ["GET /api/v1/agreement/versions"] = SignedIn,
        ["GET /api/v1/agreement/versions/{number:int}"] = SignedIn,
        ["GET /api/v1/agreement/diff"] = SignedIn,
        ["GET /api/v1/agreement/draft"] = SignedIn,
        ["GET /api/v1/leads"] = SignedIn,
        ["GET /api/v1/leads/{id:guid}"] = SignedIn,
        ["GET /api/v1/leads/{id:guid}/sla"] = SignedIn,
        ["GET /api/v1/reports/scorecard"] = Roles.ReportReaders,
        ["GET /api/v1/reports/response-times"] = Roles.ReportReaders,

        // API writes: refused with 403 before the body is read to every role the route is not for; which section a
        // role may edit, and whose lead a rep may work, are the feature tests' business (AgreementPermissionTests, LeadApiTests)
        ["POST /api/v1/agreement/draft"] = Roles.DepartmentHeads,
        ["PUT /api/v1/agreement/draft/sections/{section}"] = Roles.DraftEditors,
        ["PUT /api/v1/agreement/draft/header"] = Roles.DepartmentHeads,
        ["POST /api/v1/agreement/draft/sign"] = Roles.DepartmentHeads,
        ["POST /api/v1/leads"] = Roles.LeadAdders,
        ["POST /api/v1/leads/batch"] = Roles.LeadAdders,
        ["POST /api/v1/leads/{id:guid}/handoff"] = LeadActionRoles.For(LeadAction.HandOff),
        ["POST /api/v1/leads/{id:guid}/claim"] = Roles.SalesRep,
        ["POST /api/v1/leads/{id:guid}/contacts"] = Roles.SalesRep,
        ["POST /api/v1/leads/{id:guid}/accept"] = Roles.SalesRep,
        ["POST /api/v1/leads/{id:guid}/reject"] = Roles.SalesRep,
        ["POST /api/v1/leads/{id:guid}/convert"] = Roles.SalesRep,
        ["POST /api/v1/leads/{id:guid}/won"] = Roles.SalesRep,
        ["POST /api/v1/leads/{id:guid}/lost"] = Roles.SalesRep,
        ["POST /api/v1/leads/{id:guid}/reassign"] = Roles.SalesManager,
        ["POST /api/v1/imports/history"] = Roles.Admin,
        ["POST /api/v1/leads/{id:guid}/merge"] = Roles.LeadAdders,
    };

    /// <summary>The people who ask: one demo account per role.</summary>
    private static readonly (string Role, string Email, string Key)[] People =
    [
        (Roles.MarketingManager, "marketing@demo.test", "demo-marketing"),
        (Roles.SalesManager, Demo.SalesManager, "demo-sales.manager"),
        (Roles.SalesRep, Demo.Rep1, "demo-rep1"),
        (Roles.Leadership, Demo.Leadership, "demo-leadership"),
        (Roles.Admin, Demo.Admin, "demo-admin"),
    ];

    [Fact]
    public void EveryRouteInTheApp_HasARuleForWhoMayReachIt()
    {
        var routes = Routes().Select(r => r.Name).ToHashSet();

        routes.Where(r => !Rules.ContainsKey(r)).ShouldBeEmpty("a new route needs a line in Rules: who may reach it");
        Rules.Keys.Where(r => !routes.Contains(r)).ShouldBeEmpty("a rule for a route the app no longer has");
    }

    [Fact]
    public async Task EveryPage_OpensForTheRolesItIsFor_SendsOthersAway_AndAsksStrangersToSignIn()
    {
        var failures = new List<string>();
        var pages = Routes().Where(r => !r.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal) && r.Method == "GET").ToList();

        failures.AddRange(await CheckPagesAsync(null, pages));
        var address = 20;
        foreach (var person in People)
        {
            failures.AddRange(await CheckPagesAsync(person, pages, $"192.0.2.{address++}"));
        }

        failures.ShouldBeEmpty($"{failures.Count} page answers broke a rule");
    }

    [Fact]
    public async Task EveryApiWrite_IsRefusedToEachRoleItIsNotFor_AndReachesTheRolesItIsFor()
    {
        var failures = new List<string>();
        var writes = Routes().Where(r => r.Name.Split(' ')[1].StartsWith("/api/", StringComparison.Ordinal) && r.Method != "GET").ToList();
        writes.ShouldNotBeEmpty();

        foreach (var person in People)
        {
            var client = app.ApiClient(person.Key);
            foreach (var route in writes)
            {
                var status = (int)(await SendAsync(client, route)).StatusCode;
                var allowed = IsFor(Rules[route.Name], person.Role);
                if (allowed ? status is 401 or >= 500 : status != 403)
                {
                    failures.Add($"{route.Name} as {person.Role}: {status}, but the route is {(allowed ? "" : "not ")}for {person.Role}");
                }
            }
        }

        failures.ShouldBeEmpty($"{failures.Count} API answers broke a rule");
    }

    [Fact]
    public async Task EveryApiRoute_RefusesACallerWithoutAKey_AndEveryRead_AnswersEachRoleByTheRule()
    {
        var failures = new List<string>();
        var api = Routes().Where(r => r.Name.Split(' ')[1].StartsWith("/api/v1/", StringComparison.Ordinal)).ToList();

        foreach (var route in api)
        {
            var response = await SendAsync(app.ApiClient(null), route);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{route.Name} without a key: {(int)response.StatusCode}, not 401");
            }
        }

        foreach (var person in People)
        {
            var client = app.ApiClient(person.Key);
            foreach (var route in api.Where(r => r.Method == "GET"))
            {
                var status = (int)(await SendAsync(client, route)).StatusCode;
                var allowed = IsFor(Rules[route.Name], person.Role);
                if (allowed ? status is 401 or 403 or >= 500 : status != 403)
                {
                    failures.Add($"{route.Name} as {person.Role}: {status}, but the route is {(allowed ? "" : "not ")}for {person.Role}");
                }
            }
        }

        failures.ShouldBeEmpty($"{failures.Count} API answers broke a rule");
    }

    private async Task<List<string>> CheckPagesAsync((string Role, string Email, string Key)? person, List<Route> pages, string address = "192.0.2.19")
    {
        var failures = new List<string>();
        using var browser = app.Browser(address);
        if (person is { } who)
        {
            await browser.SignInOrFailAsync(who.Email, Demo.Password);
        }

        foreach (var page in pages)
        {
            var response = await browser.Http.GetAsync(Concrete(page.Pattern), Ct);
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? "";
            var rule = Rules[page.Name];
            var role = person?.Role;
            var caller = role ?? "someone signed out";
            var expected = rule == Anyone || (role is not null && IsFor(rule, role)) ? "the page"
                : role is null ? "the sign-in page" : "access denied";
            var got = status is 200 or 404 ? "the page"
                : status == 302 && location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) ? "the sign-in page"
                : status == 302 && location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ? "access denied"
                : status == 403 ? "access denied"
                : $"{status} {location}";
            if (got != expected)
            {
                failures.Add($"{page.Name} as {caller}: {got}, expected {expected}");
            }
        }

        return failures;
    }

    private static bool IsFor(string rule, string role) =>
        rule is Anyone or SignedIn || rule.Split(',').Contains(role);

    private sealed record Route(string Method, string Pattern)
    {
        public string Name => $"{Method} {Pattern}";
    }

    // A page answers GET and its forms' POST alike, under the page's one rule; it is listed once, as GET.
    private IEnumerable<Route> Routes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && IsAppRoute(raw.TrimStart('/')))
            .SelectMany(e => (e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? ["GET"] : e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new Route(method, "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Where(r => r.Method is "GET" or "POST" or "PUT" or "DELETE" or "PATCH")
            .Distinct();

    // Blazor's own endpoints start with "_" (the circuit, the framework scripts) and static files have an extension;
    // the report exports and the OpenAPI document are routes that end in ".csv" or ".json".
    private static bool IsAppRoute(string raw) =>
        !raw.StartsWith('_') && !raw.Contains(":file}", StringComparison.Ordinal)
        && (!raw.Contains('.', StringComparison.Ordinal) || raw.EndsWith(".csv", StringComparison.Ordinal) || raw.EndsWith("}.json", StringComparison.Ordinal));

    /// <summary>A request path for a route pattern: a fresh id, version 1, a section, a report, and the query it needs.</summary>
    private static string Concrete(string pattern)
    {
        var path = pattern
            .Replace("{Id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{Number:int}", "1", StringComparison.Ordinal)
            .Replace("{number:int}", "1", StringComparison.Ordinal)
            .Replace("{section}", "personas", StringComparison.Ordinal)
            .Replace("{report}", "scorecard", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{documentName?}", "", StringComparison.Ordinal);
        return path switch
        {
            "/api/v1/agreement/diff" => path + "?from=1&to=1",
            "/api/v1/reports/scorecard" or "/api/v1/reports/response-times" or "/reports/export/scorecard.csv" => path + "?from=2026-11-01&to=2026-11-30",
            _ => path,
        };
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Route route)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), Concrete(route.Pattern));
        if (route.Method is not "GET" and not "DELETE")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, Ct);
    }
}
