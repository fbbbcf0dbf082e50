using Microsoft.AspNetCore.Mvc;
using Smarketing.Web.Auth;

namespace Smarketing.Web.Api.OpenApi;

/// <summary>The API's answers in words, and an example of each problem, as the document shows them.</summary>
internal static class ApiProblems
{
    public static string Success(int status) => status switch
    {
        StatusCodes.Status201Created => "Created; the Location header names the new resource.",
        StatusCodes.Status204NoContent => "Done; nothing to answer.",
        _ => "OK.",
    };

    public static string Description(int status) => status switch
    {
        400 => "Invalid input: a query parameter, the JSON of the body or a field's value. `errors` names each field with its messages.",
        401 => $"No valid API key: the {ApiKeyAuthenticationHandler.HeaderName} header is missing, unknown, revoked, or its user is deactivated.",
        403 => "The key's user does not have a role that may do this.",
        404 => "Not found.",
        409 => "A conflict: the state changed (for example the lead was claimed by someone else first, or a step came in the wrong order).",
        413 => $"The body is larger than {ApiInput.MaxBodyBytes / 1024:N0} KB; send many leads through POST /api/v1/leads/batch.",
        415 => "The body is not JSON in UTF-8, or the request takes no body.",
        429 => "Too many calls for this key (or too many keys that don't work from this address). Retry-After says when to call again.",
        _ => "An error.",
    };

    public static object Example(int status) => status switch
    {
        400 => new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["email"] = ["Email must be an address like name@company.com."] })
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1", Title = "The request has invalid fields.", Status = 400,
        },
        _ => new ProblemDetails { Title = Title(status), Status = status, Detail = Detail(status) },
    };

    private static string Title(int status) => status switch
    {
        401 => "API key required",
        403 => "Not allowed",
        404 => "Not found",
        409 => "Conflict",
        413 => "The body is too large",
        415 => "Unsupported media type",
        429 => "Too many requests",
        _ => "Error",
    };

    private static string Detail(int status) => status switch
    {
        401 => $"Send a valid, unrevoked API key in the {ApiKeyAuthenticationHandler.HeaderName} header.",
        403 => "This API key's user does not have a role that may do this.",
        404 => "That lead does not exist.",
        409 => "Ava Adams is already claimed by rep2@demo.test.",
        413 => $"The API reads bodies of at most {ApiInput.MaxBodyBytes / 1024:N0} KB; send less, or many leads through POST /api/v1/leads/batch.",
        415 => "Send the body as JSON in UTF-8 with Content-Type: application/json, not 'text/plain'.",
        429 => "This caller has used its request budget for now. Try again in 3 seconds.",
        _ => "",
    };
}
