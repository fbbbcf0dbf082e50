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
    public const string ReaderRoles = $"{Roles.Leadership},{Roles.SalesManager},{Roles.MarketingManager},{Roles.Admin}";

    public static IEndpointRouteBuilder MapReportExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/export/{report}.csv", async (string report, string? from, string? to, string? groupBy, string? kind, string? owner, string? team, string? reason, string? stage,
                ReportService service, CancellationToken ct) =>
            {
                var range = ReportRange.Parse(from, to);
                var grouping = ReportRange.ParseGroupBy(groupBy);
                if (!range.Succeeded || !grouping.Succeeded)
                {
                    return ReportRange.Merge(range, grouping).ToProblem();
                }

                var (f, t) = (range.Value.From, range.Value.To);
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

                var name = $"smarketing-{report}-{f:yyyy-MM-dd}-to-{t:yyyy-MM-dd}.csv";
                return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name);
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = ReaderRoles });
        return endpoints;
    }
}
