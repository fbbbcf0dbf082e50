using System.Text.Json;

namespace Smarketing.Web.Diagnostics;

/// <summary>A request the server could not read (bad JSON, a wrong media type, a body too large): the caller's mistake, not a bug.</summary>
public sealed record MalformedRequest(int Status, string Title, string Detail)
{
    /// <summary>What was wrong with the request, in plain words; null when <paramref name="exception"/> is not about the request.</summary>
    public static MalformedRequest? Describe(Exception exception)
    {
        var json = Find<JsonException>(exception) is not null;
        var status = exception is BadHttpRequestException bad ? bad.StatusCode : json ? StatusCodes.Status400BadRequest : (int?)null;
        return status switch
        {
            null => null,
            StatusCodes.Status413PayloadTooLarge => new(413, "Request body too large", "The request body is larger than the server accepts."),
            StatusCodes.Status415UnsupportedMediaType => new(415, "Unsupported media type", "Send the body as application/json (UTF-8)."),
            _ when json => new(400, "Malformed JSON", "The request body is not valid JSON, or a value in it has the wrong type."),
            int other and >= 400 and < 500 => new(other, "Bad request", "The request could not be read: check its parameters, headers and body."),
            _ => null,
        };
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }
}
