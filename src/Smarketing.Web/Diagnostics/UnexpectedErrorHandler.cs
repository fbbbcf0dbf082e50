using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Smarketing.Web.Diagnostics;

/// <summary>
/// Every exception that escapes an endpoint or a page ends here, and is logged here once. A malformed request is the
/// caller's mistake: a warning without a stack trace and a 4xx naming the problem in plain words. Anything else is a
/// bug: an error with the exception and a correlation id, and the caller gets only a title and that id, never a stack
/// trace or a message from inside (the API as problem details, a page through <c>/Error</c>).
/// </summary>
internal sealed class UnexpectedErrorHandler(ILogger<UnexpectedErrorHandler> logger) : IExceptionHandler
{
    public const string Title = "Something went wrong on our side.";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // By now the middleware has pointed the request at /Error; the feature keeps the path that failed.
        var path = context.Features.Get<IExceptionHandlerFeature>()?.Path ?? context.Request.Path.Value ?? "";
        var request = $"{context.Request.Method} {path}";
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            logger.LogDebug("The caller went away during {Request}.", request);
            return true;
        }

        var correlationId = Correlation.IdOf(context);
        if (MalformedRequest.Describe(exception) is { } malformed)
        {
            logger.LogWarning("Malformed request {Request} ({Status}): {Reason}; correlation id {CorrelationId}",
                request, malformed.Status, exception.Message, correlationId);
            await WriteProblemAsync(context, malformed.Status, malformed.Title, malformed.Detail, correlationId, cancellationToken);
            return true;
        }

        logger.LogError(exception, "Unexpected error {CorrelationId} during {Request}", correlationId, request);
        if (!IsApi(path))
        {
            // The exception handler middleware re-executes /Error, which shows the same id.
            return false;
        }

        await WriteProblemAsync(context, StatusCodes.Status500InternalServerError, Title, null, correlationId, cancellationToken);
        return true;
    }

    internal static bool IsApi(HttpContext context) => IsApi(context.Request.Path);

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    private static async Task WriteProblemAsync(HttpContext context, int status, string title, string? detail, string correlationId, CancellationToken ct)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["traceId"] = correlationId } };
        await context.Response.WriteAsJsonAsync(problem, JsonSerializerOptions.Web, "application/problem+json", ct);
    }
}
