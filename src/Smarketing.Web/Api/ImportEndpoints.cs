using Microsoft.Net.Http.Headers;
using Smarketing.Application.Imports;
using Smarketing.Web.Api.OpenApi;
using Smarketing.Web.Auth;

namespace Smarketing.Web.Api;

/// <summary>
/// POST /api/v1/imports/history (admin): a history backfill file as text/csv. 200 with what was written, or 400 with
/// every bad row under <c>errors</c>, keyed "line N" (the header is line 1), and nothing written; a file that can't be
/// read at all is 400 under <c>errors.file</c>.
/// </summary>
internal static class ImportEndpoints
{
    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/imports/history", ImportHistoryAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithMetadata(new ReadsOwnBody(HistoryColumns.MediaType))
            .Documented("Backfills past leads from a CSV file (admins): each lead, its events at their times and its SLA timers judged by the version in force at each hand-off; all or nothing, every bad row listed by line",
                new HistoryImportCounts(Leads: 2, HandedOff: 2, Contacted: 1, Accepted: 1, Rejected: 0, Won: 0, Lost: 0, Events: 9, Timers: 6, TimersBreached: 1),
                request: HistoryColumns.Header + "\n" +
                         "crm-1001,ada@example.com,Ada,Lovelace,Analytical Engines,CTO,250,Software,GB,Webinar,Q3 webinar,2026-10-01T09:00:00-04:00,2026-10-01T09:05:00-04:00,2026-10-01T10:00:00-04:00,rep1@demo.test,2026-10-01T10:30:00-04:00,2026-10-02T11:00:00-04:00,,,,,",
                errors: [409]);
        return api;
    }

    private static async Task<IResult> ImportHistoryAsync(HttpRequest request, HistoryImport import, CancellationToken ct)
    {
        if (!IsUtf8Csv(request.ContentType))
        {
            return TypedResults.Problem(
                $"Send the history as a CSV file in UTF-8 with Content-Type: {HistoryColumns.MediaType}, not '{ApiInput.Shown(request.ContentType)}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        if (request.ContentLength > HistoryColumns.MaxBytes || (await ApiInput.ReadAtMostAsync(request.Body, HistoryColumns.MaxBytes + 1, ct) is var body && body.Length > HistoryColumns.MaxBytes))
        {
            return TypedResults.Problem(
                $"A history file holds at most {HistoryColumns.MaxSize} and {HistoryColumns.MaxRows:N0} rows; split it into smaller files.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large");
        }

        return (await import.ImportAsync(body, ct)).ToHttp(outcome => outcome.Succeeded
            ? TypedResults.Ok(outcome.Imported)
            : TypedResults.ValidationProblem(
                outcome.Problems.ToDictionary(p => $"line {p.Line}", p => p.Reasons.ToArray()),
                detail: $"{outcome.Problems.Count:N0} of {outcome.Rows:N0} rows can't be imported, so nothing was imported. Fix every row listed (by its line in the file; the header is line 1) and send the whole file again.",
                title: "The file has rows that can't be imported."));
    }

    private static bool IsUtf8Csv(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType.Value, HistoryColumns.MediaType, StringComparison.OrdinalIgnoreCase)
        && (media.Charset.Value is not { } charset || string.Equals(charset.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));
}
