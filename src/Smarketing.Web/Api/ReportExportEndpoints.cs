using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Smarketing.Application.Reports;
using Smarketing.Domain.Common;

namespace Smarketing.Web.Api;

/// <summary>
/// CSV downloads behind the report pages, for people signed in with the browser's cookie. Each file is built from
/// the same <see cref="ReportService"/> rows the page shows, so a spreadsheet never disagrees with the screen.
/// </summary>
internal static class ReportExportEndpoints
{

    public static IEndpointRouteBuilder MapReportExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/export/{report}.csv", async (string report, string? from, string? to, string? groupBy, string? kind, string? owner, string? team, string? reason, string? stage, string? version, string? clause,
                ReportService service, CancellationToken ct) =>
            {
                var range = ReportRange.Parse(from, to);
                var grouping = ReportRange.ParseGroupBy(groupBy);
                if (!range.Succeeded || !grouping.Succeeded)
                {
                    return ReportRange.Merge(range, grouping).ToProblem();
                }

                var (f, t) = (range.Value.From, range.Value.To);
                if (report == "clause-leads")
                {
                    return await ClauseLeadsAsync(service, f, t, version, clause, ct);
                }

                string? csv = report switch
                {
                    "scorecard" => ReportCsv.Scorecard(await service.ScorecardAsync(f, t, ct)),
                    "response-times" => ReportCsv.ResponseTimes(await service.ResponseTimesAsync(f, t, grouping.Value, ct)),
                    "funnel" => ReportCsv.Funnel(await service.FunnelAsync(f, t, ct)),
                    "rejection-reasons" => ReportCsv.RejectionReasons(await service.RejectionReasonsAsync(f, t, ct)),
                    "weekly-delivery" => ReportCsv.WeeklyDelivery(await service.WeeklyDeliveryAsync(f, t, ct)),
                    "leads" when stage is not null =>
                        await service.FunnelLeadsAsync(f, t, stage, ct) is { } reached ? ReportCsv.Leads(reached) : null,
                    "leads" when Enum.TryParse<DrillKind>(kind, ignoreCase: true, out var drill) && !int.TryParse(kind, out _) =>
                        ReportCsv.Leads(await service.DrillAsync(f, t, drill, owner, ct, team, reason)),
                    "leads" => null,
                    _ => null,
                };
                if (csv is null)
                {
                    return report == "leads" && stage is not null
                        ? Result.Invalid("stage", $"stage must be one of {string.Join(", ", ReportService.FunnelStages)}.").ToProblem()
                        : report == "leads"
                        ? Result.Invalid("kind", $"kind must be one of {string.Join(", ", Enum.GetNames<DrillKind>())}.").ToProblem()
                        : Result.NotFound($"There is no report called '{report}'.").ToProblem();
                }

                return File(csv, report, f, t);
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.ReportReaders });
        return endpoints;
    }

    private static async Task<IResult> ClauseLeadsAsync(ReportService service, DateOnly from, DateOnly to, string? version, string? clause, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            errors["version"] = ["version must be the number of an adopted agreement version, such as 2."];
        }

        if (!Guid.TryParse(clause, out var clauseId))
        {
            errors["clause"] = ["clause must be the id of a clause of that version."];
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors).ToProblem();
        }

        return await service.ClauseLeadsAsync(from, to, number, clauseId, ct) is { } drill
            ? File(ReportCsv.ClauseLeads(drill), "clause-leads", from, to)
            : Result.NotFound($"Version {number} of the agreement has no clause {clauseId}.").ToProblem();
    }

    private static IResult File(string csv, string report, DateOnly from, DateOnly to) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
            $"smarketing-{report}-{from:yyyy-MM-dd}-to-{to:yyyy-MM-dd}.csv");
}
