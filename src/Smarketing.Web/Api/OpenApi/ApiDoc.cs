using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Smarketing.Web.Api.OpenApi;

/// <summary>
/// What an endpoint says about itself in /openapi/v1.json: a summary, the status and an example of its answer, an example
/// of its body (when it reads one), and the problem details it can answer beyond the ones every /api/v1 call can give.
/// </summary>
internal sealed record ApiDoc(string Summary, int Status, object? Response, object? Request, IReadOnlyList<int> Errors)
{
    /// <summary>What any /api/v1 call can answer: a bad query or body, no valid key, a key without the role, a body where none is taken, too many calls.</summary>
    public static readonly IReadOnlyList<int> Standard =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden,
        StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests,
    ];

    /// <summary>Every error status the operation can answer, in order: the standard ones, 413 when it reads a body, and its own.</summary>
    public IReadOnlyList<int> AllErrors =>
        [.. Standard.Concat(Request is null ? [] : [StatusCodes.Status413PayloadTooLarge]).Concat(Errors).Distinct().Order()];

    /// <summary>Adds the documentation to an endpoint: this record for the document's transformer, and the answers' types for their schemas.</summary>
    public void ApplyTo(EndpointBuilder endpoint)
    {
        endpoint.Metadata.Add(this);
        foreach (var status in AllErrors)
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status,
                status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails),
                ["application/problem+json"]));
        }
    }
}

internal static class ApiDocExtensions
{
    /// <summary>
    /// Documents an endpoint in one line: <c>.Documented("Claims a lead", ApiExamples.Lead, errors: [404, 409])</c>.
    /// <paramref name="response"/> and <paramref name="request"/> are examples, written with the API's own JSON options.
    /// </summary>
    public static TBuilder Documented<TBuilder>(this TBuilder builder, string summary, object? response, object? request = null,
        int status = StatusCodes.Status200OK, int[]? errors = null)
        where TBuilder : IEndpointConventionBuilder
    {
        var doc = new ApiDoc(summary, status, response, request, errors ?? []);
        builder.Add(doc.ApplyTo);
        return builder;
    }

    /// <summary>
    /// Documents one endpoint of a group that was mapped elsewhere, found by its method and its pattern inside the group
    /// (for an endpoint whose own file does not document it).
    /// </summary>
    public static RouteGroupBuilder DocumentedRoute(this RouteGroupBuilder group, string method, string pattern, string summary, object? response,
        object? request = null, int status = StatusCodes.Status200OK, int[]? errors = null)
    {
        var doc = new ApiDoc(summary, status, response, request, errors ?? []);
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route
                && route.RoutePattern.RawText?.TrimEnd('/').EndsWith(pattern, StringComparison.Ordinal) == true
                && route.Metadata.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Contains(method)))
            {
                doc.ApplyTo(endpoint);
            }
        });
        return group;
    }
}
