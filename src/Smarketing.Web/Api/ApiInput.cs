using System.Reflection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Smarketing.Application.Common;

namespace Smarketing.Web.Api;

/// <summary>
/// The door every /api request passes after authorization and before its endpoint binds anything: the query string,
/// the media type, the size and the JSON of the body are checked here, against what the endpoint itself declares, so
/// a malformed request is a 4xx problem details naming what is wrong (never a silent 400, a default or a 500) and
/// never reaches a service.
/// </summary>
internal sealed class ApiInput(RequestDelegate next, IOptions<JsonOptions> json, ILogger<ApiInput> logger)
{
    /// <summary>The largest JSON body the API reads (product.md: volume goes through the batch endpoint).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    // Routing picks this endpoint itself when no endpoint of the route accepts the request's media type.
    private const string UnsupportedMediaTypeEndpoint = "415 HTTP Unsupported Media Type";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (context.Request.Path.StartsWithSegments("/api") && endpoint?.DisplayName == UnsupportedMediaTypeEndpoint)
        {
            await RefuseAsync(context, UnsupportedMediaType(context.Request.ContentType), "its media type is not JSON in UTF-8");
            return;
        }

        if (!context.Request.Path.StartsWithSegments("/api") || endpoint?.Metadata.GetMetadata<MethodInfo>() is null)
        {
            await next(context);
            return;
        }

        var query = ApiQuery.For(endpoint, context.RequestServices).Check(context.Request.Query);
        if (query.Count > 0)
        {
            await RefuseAsync(context, Invalid(query), string.Join("; ", query.Select(q => $"{q.Key}: {string.Join(" ", q.Value)}")));
            return;
        }

        if (endpoint.Metadata.GetMetadata<ReadsOwnBody>() is not null)
        {
            await next(context);
            return;
        }

        if (await CheckBodyAsync(context, endpoint) is { } refused)
        {
            await RefuseAsync(context, refused, "its body could not be used");
            return;
        }

        await next(context);
    }

    // The caller's mistake, not a bug: a warning without a stack trace, with what an operator needs to find it.
    private async Task RefuseAsync(HttpContext context, IResult refusal, string reason)
    {
        await refusal.ExecuteAsync(context);
        logger.LogWarning("Malformed request {Request} ({Status}) refused before its endpoint ran: {Reason}; correlation id {CorrelationId}",
            $"{context.Request.Method} {context.Request.Path}", context.Response.StatusCode, reason, Diagnostics.Correlation.IdOf(context));
    }

    /// <summary>
    /// An empty JSON object where an action takes no body (claim, accept, convert): what many HTTP clients send by habit
    /// with a JSON content type. It says nothing, so it is accepted; any field in it is refused, never ignored.
    /// </summary>
    private static async Task<bool> IsEmptyJsonObjectAsync(HttpRequest request, CancellationToken ct)
    {
        if (!IsUtf8Json(request.ContentType) || request.ContentLength > 64)
        {
            return false;
        }

        var bytes = await ReadAtMostAsync(request.Body, 65, ct);
        return bytes.Length <= 64 && string.Concat(System.Text.Encoding.UTF8.GetString(bytes).Where(c => !char.IsWhiteSpace(c))) == "{}";
    }

    private async Task<IResult?> CheckBodyAsync(HttpContext context, Endpoint endpoint)
    {
        var request = context.Request;
        var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (accepts?.RequestType is not { } bodyType)
        {
            return hasBody && !await IsEmptyJsonObjectAsync(request, context.RequestAborted)
                ? Problem(StatusCodes.Status415UnsupportedMediaType, "This request takes no body", "Send it without a body (or as {}).")
                : null;
        }

        if (!hasBody)
        {
            return accepts.IsOptional ? null : Empty(bodyType);
        }

        if (!IsUtf8Json(request.ContentType))
        {
            // An endpoint that reads another media type (CSV) checks its own body.
            var other = MediaType(request.ContentType) is { } type && !IsJsonType(type)
                        && accepts.ContentTypes.Any(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase));
            return other ? null : UnsupportedMediaType(request.ContentType);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var bytes = await ReadAtMostAsync(request.Body, MaxBodyBytes + 1, context.RequestAborted);
        if (bytes.Length > MaxBodyBytes)
        {
            return TooLarge();
        }

        // The endpoint reads the body again, as it came.
        request.Body = new MemoryStream(bytes, writable: false);
        if (bytes.Length == 0)
        {
            return accepts.IsOptional ? null : Empty(bodyType);
        }

        return Read(bytes, bodyType, accepts.IsOptional);
    }

    private IResult Empty(Type bodyType) =>
        Invalid(JsonInput.Body, $"The body is empty; send {JsonInput.Expected(bodyType, json.Value.SerializerOptions)} as JSON.");

    private IResult? Read(byte[] bytes, Type bodyType, bool optional)
    {
        var parsed = JsonInput.Parse(bytes);
        if (!parsed.Succeeded)
        {
            return parsed.ToProblem();
        }

        using var document = parsed.Value;
        var read = JsonInput.Read(document.RootElement, bodyType, json.Value.SerializerOptions);
        if (!read.Succeeded)
        {
            return read.ToProblem();
        }

        return read.Value is null && !optional && bodyType != typeof(System.Text.Json.JsonElement)
            ? Invalid(JsonInput.Body, $"The body is null; send {JsonInput.Expected(bodyType, json.Value.SerializerOptions)}.")
            : null;
    }

    // application/json or any +json type, in UTF-8 (RFC 8259 allows no other encoding between systems).
    private static bool IsUtf8Json(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !IsJsonType(media.MediaType.Value))
        {
            return false;
        }

        var charset = media.Charset.Value;
        return charset is null || string.Equals(charset.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsJsonType(string? type) =>
        string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase)
        || (type is not null && type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static string? MediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) ? media.MediaType.Value : null;

    /// <summary>A caller's content type as an answer quotes it: "none", or at most 80 characters.</summary>
    internal static string Shown(string? contentType) =>
        string.IsNullOrEmpty(contentType) ? "none" : contentType.Length <= 80 ? contentType : contentType[..80] + "...";

    /// <summary>The body's first <paramref name="limit"/> bytes at most; read one more than allowed to tell a body too large.</summary>
    internal static async Task<byte[]> ReadAtMostAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult UnsupportedMediaType(string? contentType) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
            $"Send the body as JSON in UTF-8 with Content-Type: application/json, not '{Shown(contentType)}'.");

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large",
            $"The API reads bodies of at most {MaxBodyBytes / 1024:N0} KB; send less, or many leads through POST /api/v1/leads/batch.");

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    private static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    private static IResult Invalid(IDictionary<string, string[]> errors) =>
        Domain.Common.Result.Invalid(errors.AsReadOnly()).ToProblem();
}

/// <summary>Marks an endpoint whose body is not JSON (a CSV file): it checks its media type and size itself.</summary>
internal sealed record ReadsOwnBody(string MediaType);

internal static class ApiInputExtensions
{
    /// <summary>Checks every /api request's query string and body before its endpoint runs (see <see cref="ApiInput"/>).</summary>
    public static IApplicationBuilder UseApiInput(this IApplicationBuilder app) => app.UseMiddleware<ApiInput>();
}
