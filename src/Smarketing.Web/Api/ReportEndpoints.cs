using Smarketing.Application.Reports;
using Smarketing.Domain.Common;
using Smarketing.Web.Api.OpenApi;

namespace Smarketing.Web.Api;

/// <summary>
/// The scorecard and the response-time report over the API (product.md, reports/*), from the same
/// <see cref="ReportService"/> the pages and the CSV files read, so the numbers can't drift apart.
/// </summary>
internal static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");

        reports.MapGet("/scorecard", async (string? from, string? to, ReportService service, CancellationToken ct) =>
        {
            if (!service.MayRead())
            {
                return Forbidden();
            }

            var range = ReportRange.Parse(from, to);
            if (!range.Succeeded)
            {
                return range.ToProblem();
            }

            var card = await service.ScorecardAsync(range.Value.From, range.Value.To, ct);
            return Results.Ok(new
            {
                from = card.From,
                to = card.To,
                clauses = card.Clauses.Select(c => new
                {
                    clauseId = c.ClauseId,
                    title = c.Title,
                    description = c.Description,
                    owner = c.Owner,
                    metric = c.Metric,
                    unit = c.Unit,
                    comparison = c.Comparison,
                    target = c.Target,
                    actual = c.Actual,
                    met = c.Met,
                    sampleSize = c.SampleSize,
                    slaVersions = c.SlaVersions,
                }),
            });
        })
            .Documented("Each clause's target against its actual over a period (?from=2026-11-01&to=2026-11-30)", ApiExamples.Scorecard);

        reports.MapGet("/response-times", async (string? from, string? to, string? groupBy, ReportService service, CancellationToken ct) =>
        {
            if (!service.MayRead())
            {
                return Forbidden();
            }

            var range = ReportRange.Parse(from, to);
            var grouping = ReportRange.ParseGroupBy(groupBy);
            if (!range.Succeeded || !grouping.Succeeded)
            {
                return ReportRange.Merge(range, grouping).ToProblem();
            }

            var rows = await service.ResponseTimesAsync(range.Value.From, range.Value.To, grouping.Value, ct);
            return Results.Ok(rows.Select(r => new
            {
                group = r.Group,
                handedOff = r.HandedOff,
                contacted = r.Contacted,
                contactedWithinSla = r.ContactedWithinSla,
                breached = r.Breached,
                open = r.Open,
                compliancePct = r.CompliancePct,
                p50BusinessMinutesToFirstContact = r.P50BusinessMinutesToFirstContact,
                p90BusinessMinutesToFirstContact = r.P90BusinessMinutesToFirstContact,
                bands = new
                {
                    upToOneHour = r.Bands.UpToOneHour,
                    oneToFourHours = r.Bands.OneToFourHours,
                    fourToTwentyFourHours = r.Bands.FourToTwentyFourHours,
                    overTwentyFourHours = r.Bands.OverTwentyFourHours,
                },
            }));
        })
            .Documented("Response times per rep, team or ISO week (?from=&to=&groupBy=rep|team|week)", ApiExamples.ResponseTimes);

        return api;
    }

    private static IResult Forbidden() =>
        Result.Forbidden("Reports are for leadership, the marketing and sales managers and admins.").ToProblem();
}
