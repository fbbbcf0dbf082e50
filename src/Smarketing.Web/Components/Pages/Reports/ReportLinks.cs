using System.Globalization;
using Smarketing.Application.Reports;

namespace Smarketing.Web.Components.Pages.Reports;

/// <summary>Addresses of the report pages, their drill-downs and their CSV files, all carrying the period.</summary>
internal static class ReportLinks
{
    public static string Query(ReportRange range) =>
        $"from={range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static string Page(string path, ReportRange range) => $"{path}?{Query(range)}";

    public static string Drill(ReportRange range, DrillKind kind, string? owner = null, string? team = null) =>
        $"/reports/leads?{Query(range)}&kind={kind}"
        + (owner is null ? "" : "&owner=" + Uri.EscapeDataString(owner))
        + (team is null ? "" : "&team=" + Uri.EscapeDataString(team));

    public static string Rejected(ReportRange range, string reason) => Drill(range, DrillKind.Rejected) + "&reason=" + Uri.EscapeDataString(reason);

    public static string FunnelStage(ReportRange range, string stage) => $"/reports/leads?{Query(range)}&stage={Uri.EscapeDataString(stage)}";

    public static string Csv(string report, ReportRange range, string? extra = null) =>
        $"/reports/export/{report}.csv?{Query(range)}{(extra is null ? "" : "&" + extra)}";
}
