using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.IntegrationTests.Leads;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Api;

/// <summary>
/// GET /openapi/v1.json: readable without a key, and every /api/v1 operation documented, so an endpoint added without
/// its summary, examples and key answers fails here (Web/Api/OpenApi, <c>.Documented(...)</c>).
/// </summary>
public sealed class OpenApiDocumentTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await app.ApiClient(apiKey: null).GetAsync("/openapi/v1.json", Pipeline.Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    private static IEnumerable<(string Name, JsonElement Operation)> ApiOperations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(o => Methods.Contains(o.Name))
                .Select(o => ($"{o.Name.ToUpperInvariant()} {path.Name}", o.Value)));

    [Fact]
    public async Task The_document_is_read_without_a_key_and_names_the_api_key_header()
    {
        var document = await DocumentAsync();

        document.GetProperty("openapi").GetString()!.ShouldStartWith("3.1");
        document.GetProperty("info").GetProperty("title").GetString().ShouldBe("Smarketing API");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString())
            .ShouldBe(("apiKey", "header", "X-Api-Key"));
    }

    [Fact]
    public async Task Every_api_v1_operation_has_a_summary_examples_the_key_and_its_401_and_403_as_problem_details()
    {
        var failures = new List<string>();
        foreach (var (name, operation) in ApiOperations(await DocumentAsync()))
        {
            if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            {
                failures.Add($"{name}: no summary");
            }

            if (!operation.TryGetProperty("security", out var security) || !security.EnumerateArray().Any(s => s.TryGetProperty("ApiKey", out _)))
            {
                failures.Add($"{name}: does not say it needs the API key");
            }

            var responses = operation.GetProperty("responses");
            var success = responses.EnumerateObject().FirstOrDefault(r => r.Name.StartsWith('2'));
            if (success.Value.ValueKind == JsonValueKind.Undefined || !HasExample(success.Value, "application/json"))
            {
                failures.Add($"{name}: no example of its answer");
            }

            if (operation.TryGetProperty("requestBody", out var body) && !body.GetProperty("content").EnumerateObject().Any(m => HasExample(body, m.Name)))
            {
                failures.Add($"{name}: no example of its body");
            }

            foreach (var status in new[] { "401", "403" })
            {
                if (!responses.TryGetProperty(status, out var problem) || !HasExample(problem, "application/problem+json"))
                {
                    failures.Add($"{name}: no {status} problem details");
                }
            }
        }

        failures.ShouldBeEmpty("document each endpoint with .Documented(...) (Web/Api/OpenApi/ApiDoc.cs)");
    }

    [Fact]
    public async Task Every_api_v1_endpoint_in_the_route_table_is_in_the_document()
    {
        var documented = ApiOperations(await DocumentAsync()).Select(o => o.Name).ToHashSet();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} /{string.Join('/', e.RoutePattern.RawText!.Trim('/').Split('/').Select(Unconstrained))}"))
            .ToList();

        routes.Count.ShouldBeGreaterThan(20);
        routes.Where(r => !documented.Contains(r)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Health_is_documented_as_needing_no_key()
    {
        var health = (await DocumentAsync()).GetProperty("paths").GetProperty("/health").GetProperty("get");

        health.TryGetProperty("security", out _).ShouldBeFalse();
        health.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("text/plain").GetProperty("example").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_lead_examples_have_the_fields_the_api_really_answers_with()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        var lead = await Pipeline.CreateAsync(app);
        var marketing = app.ApiClient("demo-marketing");

        var real = await (await marketing.GetAsync($"/api/v1/leads/{lead.Lead.Id}", Pipeline.Ct)).JsonAsync();
        var page = await (await marketing.GetAsync("/api/v1/leads?pageSize=1", Pipeline.Ct)).JsonAsync();

        Fields(Example(paths, "/api/v1/leads/{id}", "get")).ShouldBe(Fields(real));
        Fields(Example(paths, "/api/v1/leads/{id}", "get").GetProperty("events")[0]).ShouldBe(Fields(real.GetProperty("events")[0]));
        Fields(Example(paths, "/api/v1/leads", "get")).ShouldBe(Fields(page));
        Fields(Example(paths, "/api/v1/leads", "get").GetProperty("items")[0]).ShouldBe(Fields(page.GetProperty("items")[0]));
        Fields(Example(paths, "/api/v1/leads", "post")).ShouldBe(Fields(real));
    }

    private static JsonElement Example(JsonElement paths, string path, string method) =>
        paths.GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().First(r => r.Name.StartsWith('2')).Value
            .GetProperty("content").GetProperty("application/json").GetProperty("example");

    private static List<string> Fields(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order()];

    private static bool HasExample(JsonElement holder, string mediaType) =>
        holder.TryGetProperty("content", out var content) && content.TryGetProperty(mediaType, out var media)
        && media.TryGetProperty("example", out var example) && example.ValueKind != JsonValueKind.Null;

    // "{id:guid}" in the route table is "{id}" in the document.
    private static string Unconstrained(string segment) =>
        segment.StartsWith('{') && segment.Contains(':', StringComparison.Ordinal) ? segment[..segment.IndexOf(':', StringComparison.Ordinal)] + "}" : segment;
}
