using Scalar.AspNetCore;
using Smarketing.Web.Security;

namespace Smarketing.Web.Api.OpenApi;

/// <summary>
/// GET /openapi/v1.json (the OpenAPI document of /api/v1 and /health, readable without a key) and /api/docs, the
/// interactive page for it. The page loads nothing from another origin: Scalar's script comes from the app, its CDN
/// fonts, telemetry, AI agent and MCP are switched off, and its one inline script runs by the nonce of the response's
/// Content-Security-Policy.
/// </summary>
internal static class ApiDocsSetup
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/api/docs";

    // Scalar's light theme draws muted text, POST and PUT below the 4.5:1 contrast text needs; these are its own hues, darker.
    private const string ReadableColours =
        ".light-mode { --scalar-color-3: #696969; --scalar-color-green: #00754a; --scalar-color-orange: #b83f00; }";

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true
                                                   || description.RelativePath == "api/v1";
            options.AddDocumentTransformer<ApiDocDocumentTransformer>();
            options.AddOperationTransformer<ApiDocOperationTransformer>();
        });

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        endpoints.MapScalarApiReference(PagePath, (options, context) => options
                .WithTitle("Smarketing API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .WithJavaScriptConfiguration("/api-docs.js")
                .WithCustomCss(ReadableColours)
                .WithNonce(ContentSecurityPolicy.NonceFor(context))
                .AddPreferredSecuritySchemes([ApiDocDocumentTransformer.ApiKeyScheme]))
            .AllowAnonymous();
        return endpoints;
    }
}
