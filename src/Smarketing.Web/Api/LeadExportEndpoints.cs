using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Smarketing.Application.Leads;
using Smarketing.Domain.Common;

namespace Smarketing.Web.Api;

/// <summary>
/// GET /leads/export.csv?search=&amp;stage=: the lead list's leads with their events as a CSV download, for people
/// signed in with the browser's cookie who may read the list. The file is streamed as the rows are read.
/// </summary>
internal static class LeadExportEndpoints
{
    public const string Path = "/leads/export.csv";

    public static IEndpointRouteBuilder MapLeadExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (string? search, string? stage, LeadExport export, CancellationToken ct) =>
            {
                var parsed = LeadEndpoints.ParseStage(stage);
                if (!parsed.Succeeded)
                {
                    return parsed.ToProblem();
                }

                if (export.MayExport() is { Succeeded: false } refused)
                {
                    return refused.ToProblem();
                }

                var filter = new LeadQuery { Search = search, Stage = parsed.Value };
                return Results.Stream(async body =>
                {
                    await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
                    await export.WriteAsync(filter, writer, ct);
                }, "text/csv; charset=utf-8", await export.FileNameAsync(ct));
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.MarketingManager });
        return endpoints;
    }

    /// <summary>The export of what the lead list shows under <paramref name="filter"/>.</summary>
    public static string For(LeadQuery filter)
    {
        var query = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            query["search"] = filter.Search;
        }

        if (filter.Stage is { } stage)
        {
            query["stage"] = stage.ToString();
        }

        return QueryHelpers.AddQueryString(Path, query);
    }
}
