using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Smarketing.Web.Auth;

namespace Smarketing.Web.Api.OpenApi;

/// <summary>Writes each endpoint's <see cref="ApiDoc"/> into its operation: summary, key, examples and problem answers.</summary>
internal sealed class ApiDocOperationTransformer(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiDoc>().LastOrDefault() is not { } doc)
        {
            return Task.CompletedTask;
        }

        operation.Summary = doc.Summary;
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocDocumentTransformer.ApiKeyScheme, context.Document)] = [] }];
        // An endpoint that reads its own body (a CSV file) declares no body type for the framework to describe.
        if (doc.Request is not null && operation.RequestBody is null &&
            context.Description.ActionDescriptor.EndpointMetadata.OfType<ReadsOwnBody>().LastOrDefault() is { } own)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [own.MediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
            };
        }

        if (doc.Request is not null && operation.RequestBody?.Content is { } body)
        {
            foreach (var media in body.Values)
            {
                media.Example = Node(doc.Request);
            }
        }

        operation.Responses ??= [];
        var success = Response(operation, doc.Status, ApiProblems.Success(doc.Status));
        var content = success.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (doc.Response is not null)
        {
            var media = content.TryGetValue("application/json", out var found) ? found : content["application/json"] = new OpenApiMediaType();
            media.Example = Node(doc.Response);
        }

        foreach (var status in doc.AllErrors)
        {
            var answer = Response(operation, status, ApiProblems.Description(status));
            if (status == StatusCodes.Status429TooManyRequests)
            {
                answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
                answer.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Whole seconds to wait before calling again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }

            if (answer.Content is { } problems)
            {
                foreach (var media in problems.Values)
                {
                    media.Example = Node(ApiProblems.Example(status));
                }
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse Response(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse response)
        {
            response.Description = description;
            return response;
        }

        response = new OpenApiResponse { Description = description };
        operation.Responses[key] = response;
        return response;
    }

    private JsonNode? Node(object example) => JsonSerializer.SerializeToNode(example, example.GetType(), json.Value.SerializerOptions);
}

/// <summary>The document's title and introduction, the API-key scheme, and /health, which is not a minimal-API endpoint.</summary>
internal sealed class ApiDocDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Smarketing API",
            Version = "v1",
            Description = "Leads, the service-level agreement between marketing and sales, its SLA clocks and reports. " +
                          $"Every /api/v1 call sends an API key in the {ApiKeyAuthenticationHandler.HeaderName} header; errors are RFC 7807 problem details. " +
                          "The guide for integrators is docs/api.md in the repository; the interactive page is /api/docs.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "An API key, created on Settings > API keys. It acts with its user's roles; it is shown once and can be revoked.",
        };
        document.Paths.Add("/health", Health());
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Health() => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                Summary = "Whether the app and its database are up (no key needed)",
                Tags = new HashSet<OpenApiTagReference> { new("Health") },
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse
                    {
                        Description = "The app and its database are up.",
                        Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Example = JsonValue.Create("Healthy") } },
                    },
                    ["503"] = new OpenApiResponse
                    {
                        Description = "The app or its database is down.",
                        Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Example = JsonValue.Create("Unhealthy") } },
                    },
                },
            },
        },
    };
}
