using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smarketing.Domain.Agreements;
using Smarketing.IntegrationTests.Leads;
using Smarketing.IntegrationTests.Support;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Smarketing.IntegrationTests.Api;

/// <summary>
/// Every JSON endpoint, taken from the app's own route table, is sent generated malformed input (seeded, a few
/// hundred requests) with the key of a role that may call it, and must answer a 4xx with problem details and write
/// nothing. The SLA monitor is off, so only the requests could change the database.
/// </summary>
public sealed class ApiFuzzTests(SlaAppFactory app) : IClassFixture<SlaAppFactory>
{
    private const int ValueChangesPerEndpoint = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Endpoint(string Name, Type? BodyType, bool BodyOptional);

    /// <summary>A valid request to one endpoint, which the fuzz then breaks one way at a time.</summary>
    private sealed record Example(string Key, string Path, string Query = "", string? Body = null, Type? ReadAs = null, params string[] BadPaths)
    {
        /// <summary>The media type of <see cref="Body"/>: JSON, but for an endpoint that reads a file.</summary>
        public string MediaType { get; init; } = MalformedInput.Json;
    }

    [Fact]
    public async Task Every_api_endpoint_in_the_route_table_has_a_fuzz_example()
    {
        var examples = await ExamplesAsync();

        Endpoints().Select(e => e.Name).Where(name => !examples.ContainsKey(name))
            .ShouldBeEmpty("each new /api endpoint needs an example here, so the fuzz reaches it");
    }

    [Fact]
    public async Task Malformed_input_to_every_json_endpoint_is_a_4xx_problem_and_writes_nothing()
    {
        var examples = await ExamplesAsync();
        var options = app.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var random = new Random(1307);
        var failures = new List<string>();
        var sent = 0;

        foreach (var endpoint in Endpoints().Where(e => examples.ContainsKey(e.Name)))
        {
            var example = examples[endpoint.Name];
            var client = app.ApiClient(example.Key);
            var before = await DatabaseFingerprint.TakeAsync(app.DatabasePath, Ct);
            foreach (var request in Requests(endpoint, example, options, random))
            {
                sent++;
                if (await RefusalProblemAsync(client, endpoint, example, request) is { } problem)
                {
                    failures.Add($"{endpoint.Name} with {request.What}: {problem}");
                }
            }

            var changed = DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(app.DatabasePath, Ct)).ToList();
            if (changed.Count > 0)
            {
                failures.Add($"{endpoint.Name}: malformed requests changed {string.Join(", ", changed)}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{sent} malformed requests sent");
        failures.ShouldBeEmpty($"{failures.Count} of {sent} malformed requests were not refused cleanly");
        sent.ShouldBeGreaterThan(250);
    }

    [Fact]
    public async Task The_fuzz_examples_are_requests_the_api_accepts_as_well_formed()
    {
        var examples = await ExamplesAsync();

        foreach (var endpoint in Endpoints().Where(e => examples.ContainsKey(e.Name)))
        {
            var example = examples[endpoint.Name];
            var response = await SendAsync(app.ApiClient(example.Key), endpoint, example,
                new Malformed("the example", example.Query, example.Body is null ? null : Encoding.UTF8.GetBytes(example.Body), example.Body is null ? null : example.MediaType));

            // A state the lead or the draft is in now may refuse it (409, or 403 after a reassignment); its input may not.
            ((int)response.StatusCode).ShouldNotBeOneOf([400, 401, 413, 415], $"{endpoint.Name}: {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    private IEnumerable<Malformed> Requests(Endpoint endpoint, Example example, JsonSerializerOptions options, Random random)
    {
        var exampleBody = example.Body is null ? null : Encoding.UTF8.GetBytes(example.Body);
        var contentType = example.Body is null ? null : example.MediaType;
        var parameters = example.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => int.TryParse(pair[1], out _) ? typeof(int) : typeof(string));

        foreach (var request in MalformedInput.Queries(example.Query, parameters, exampleBody, contentType))
        {
            yield return request;
        }

        foreach (var path in example.BadPaths)
        {
            yield return new Malformed($"the route {path}", example.Query, exampleBody, contentType, path);
        }

        if (endpoint.BodyType is null)
        {
            foreach (var request in MalformedInput.UnwantedBodies(example.Query))
            {
                yield return request;
            }

            yield break;
        }

        foreach (var request in MalformedInput.Bodies(example.Query, example.Body!, endpoint.BodyOptional))
        {
            yield return request;
        }

        var changes = MalformedInput.Values(example.Body!, example.ReadAs ?? endpoint.BodyType, options);
        foreach (var (what, json) in changes.OrderBy(_ => random.Next()).Take(ValueChangesPerEndpoint))
        {
            yield return new Malformed(what, example.Query, Encoding.UTF8.GetBytes(json), MalformedInput.Json);
        }
    }

    private static async Task<string?> RefusalProblemAsync(HttpClient client, Endpoint endpoint, Example example, Malformed request)
    {
        var response = await SendAsync(client, endpoint, example, request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (status == 200 && endpoint.Name == "POST /api/v1/leads/batch" && EveryItemRefused(text))
        {
            // A batch answers per item: a malformed item is refused in its own result, the request itself is fine.
            return null;
        }

        if (status is < 400 or >= 500 or 401 or 403)
        {
            return $"{status} {Cut(text)}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not problem details";
        }

        using var problem = JsonDocument.Parse(text);
        return problem.RootElement.TryGetProperty("status", out var stated) && stated.GetInt32() == status ? null : $"{status} with a problem of another status: {Cut(text)}";
    }

    private static bool EveryItemRefused(string text)
    {
        using var answer = JsonDocument.Parse(text);
        var results = answer.RootElement.GetProperty("results");
        return results.GetArrayLength() > 0
            && results.EnumerateArray().All(r => r.GetProperty("status").GetString() == "invalid" && r.GetProperty("errors").EnumerateObject().Any());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Endpoint endpoint, Example example, Malformed request)
    {
        var method = new HttpMethod(endpoint.Name[..endpoint.Name.IndexOf(' ')]);
        var message = new HttpRequestMessage(method, (request.Route ?? example.Path) + request.Query);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = request.ContentType is null ? null : MediaTypeHeaderValue.Parse(request.ContentType);
        }

        return await client.SendAsync(message, Ct);
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "...";

    private List<Endpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method =>
                new Endpoint($"{method} {e.RoutePattern.RawText}", e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType,
                    e.Metadata.GetMetadata<IAcceptsMetadata>()?.IsOptional ?? true)))
            .ToList();

    private static string HistoryFile() =>
        Imports.HandMadeHistory.Header + "\r\n" +
        $"fuzz-{Guid.NewGuid():N},{Demo.UniqueEmail("history")},Hal,History,Northwind,IT Director,600,Software,US,Demo request,,2026-09-01T09:00:00-04:00,,2026-09-01T10:00:00-04:00,{Demo.Rep1},2026-09-01T10:30:00-04:00,,,,,,\r\n";

    /// <summary>One valid request per endpoint, on leads made for it: each would succeed if its input were ignored.</summary>
    private async Task<Dictionary<string, Example>> ExamplesAsync()
    {
        var fresh = (await Pipeline.CreateAsync(app)).Lead.Id;
        var duplicate = (await Pipeline.CreateAsync(app)).Lead.Id;
        var pool = await Pipeline.InThePoolAsync(app);
        var claimed = await Pipeline.ClaimedByAsync(app, Demo.Rep1);
        var accepted = await Pipeline.ClaimedByAsync(app, Demo.Rep1);
        var sql = await Pipeline.ClaimedByAsync(app, Demo.Rep1);
        var rep1 = app.ApiClient("demo-rep1");
        (await rep1.PostEmptyAsync($"/api/v1/leads/{accepted}/accept")).EnsureSuccessStatusCode();
        (await rep1.PostEmptyAsync($"/api/v1/leads/{sql}/accept")).EnsureSuccessStatusCode();
        (await rep1.PostEmptyAsync($"/api/v1/leads/{sql}/convert")).EnsureSuccessStatusCode();

        var draft = await (await app.ApiClient("demo-marketing").GetAsync("/api/v1/agreement/draft", Ct)).JsonAsync();
        var rules = draft.GetProperty("responseRules").GetRawText();
        var rulesRevision = draft.GetProperty("sectionRevisions").GetProperty("responseRules").GetInt32();
        var contentRevision = draft.GetProperty("contentRevision").GetInt32();
        var effectiveFrom = draft.GetProperty("effectiveFrom").GetString();
        var lead = $$"""{"externalId":"fuzz-{{Guid.NewGuid():N}}","email":"{{Demo.UniqueEmail("fuzz")}}","firstName":"Fay","lastName":"Fuzz","company":"Northwind","title":"IT Director","companySize":600,"industry":"Software","country":"US","source":"Demo request","campaign":"Q3 webinar series","engagementScore":30}""";
        const string period = "?from=2026-09-01&to=2026-09-30";
        string[] badLead = ["/api/v1/leads/not-a-guid", "/api/v1/leads/99999999999"];

        return new Dictionary<string, Example>
        {
            ["GET /api/v1/me"] = new("demo-rep1", "/api/v1/me"),
            ["GET /api/v1/users"] = new("demo-admin", "/api/v1/users"),
            ["GET /api/v1/agreement/"] = new("demo-marketing", "/api/v1/agreement"),
            ["GET /api/v1/agreement/versions"] = new("demo-marketing", "/api/v1/agreement/versions"),
            ["GET /api/v1/agreement/versions/{number:int}"] = new("demo-marketing", "/api/v1/agreement/versions/1",
                BadPaths: ["/api/v1/agreement/versions/one", "/api/v1/agreement/versions/99999999999"]),
            ["GET /api/v1/agreement/diff"] = new("demo-marketing", "/api/v1/agreement/diff", "?from=1&to=2"),
            ["GET /api/v1/agreement/draft"] = new("demo-marketing", "/api/v1/agreement/draft"),
            ["POST /api/v1/agreement/draft"] = new("demo-marketing", "/api/v1/agreement/draft"),
            ["PUT /api/v1/agreement/draft/sections/{section}"] = new("demo-sales.manager", "/api/v1/agreement/draft/sections/responseRules",
                $"?revision={rulesRevision}", rules, typeof(ResponseRules), "/api/v1/agreement/draft/sections/bogus"),
            ["PUT /api/v1/agreement/draft/header"] = new("demo-marketing", "/api/v1/agreement/draft/header",
                Body: $$"""{"effectiveFrom":"{{effectiveFrom}}","summary":"Fuzzed summary","expectedContentRevision":{{contentRevision}}}"""),
            ["POST /api/v1/agreement/draft/sign"] = new("demo-marketing", "/api/v1/agreement/draft/sign",
                Body: $$"""{"department":"marketing","contentRevision":{{contentRevision}}}"""),
            ["POST /api/v1/leads/"] = new("demo-marketing", "/api/v1/leads", Body: lead),
            ["POST /api/v1/leads/batch"] = new("demo-marketing", "/api/v1/leads/batch", Body: $"[{lead}]"),
            ["GET /api/v1/leads/"] = new("demo-marketing", "/api/v1/leads", "?page=1&pageSize=10"),
            ["GET /api/v1/leads/{id:guid}"] = new("demo-marketing", $"/api/v1/leads/{claimed}", BadPaths: badLead),
            ["GET /api/v1/leads/{id:guid}/sla"] = new("demo-marketing", $"/api/v1/leads/{claimed}/sla"),
            ["POST /api/v1/leads/{id:guid}/handoff"] = new("demo-marketing", $"/api/v1/leads/{fresh}/handoff", Body: """{"overrideReason":"Met at the trade show"}"""),
            ["POST /api/v1/leads/{id:guid}/claim"] = new("demo-rep1", $"/api/v1/leads/{pool}/claim"),
            ["POST /api/v1/leads/{id:guid}/contacts"] = new("demo-rep1", $"/api/v1/leads/{claimed}/contacts", Body: """{"channel":"phone","outcome":"connected","note":"Called back"}"""),
            ["POST /api/v1/leads/{id:guid}/accept"] = new("demo-rep1", $"/api/v1/leads/{claimed}/accept"),
            ["POST /api/v1/leads/{id:guid}/reject"] = new("demo-rep1", $"/api/v1/leads/{claimed}/reject", Body: """{"reason":"No budget"}"""),
            ["POST /api/v1/leads/{id:guid}/convert"] = new("demo-rep1", $"/api/v1/leads/{accepted}/convert"),
            ["POST /api/v1/leads/{id:guid}/won"] = new("demo-rep1", $"/api/v1/leads/{sql}/won", Body: """{"amount":12000}"""),
            ["POST /api/v1/leads/{id:guid}/lost"] = new("demo-rep1", $"/api/v1/leads/{sql}/lost", Body: """{"reason":"Price"}"""),
            ["POST /api/v1/leads/{id:guid}/reassign"] = new("demo-sales.manager", $"/api/v1/leads/{claimed}/reassign",
                Body: $$"""{"ownerEmail":"{{Demo.Rep2}}","reason":"Rep 1 is on leave"}"""),
            ["POST /api/v1/leads/{id:guid}/merge"] = new("demo-marketing", $"/api/v1/leads/{fresh}/merge",
                Body: $$"""{"duplicateId":"{{duplicate}}","takeFromDuplicate":["company","title"]}"""),
            ["GET /api/v1/reports/scorecard"] = new("demo-leadership", "/api/v1/reports/scorecard", period),
            ["GET /api/v1/reports/response-times"] = new("demo-leadership", "/api/v1/reports/response-times", period + "&groupBy=rep"),
            ["POST /api/v1/imports/history"] = new("demo-admin", "/api/v1/imports/history", Body: HistoryFile()) { MediaType = "text/csv" },
        };
    }
}
