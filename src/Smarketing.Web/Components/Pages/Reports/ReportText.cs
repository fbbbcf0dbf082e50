using System.Globalization;
using Smarketing.Application.Reports;
using Smarketing.Domain.Agreements;

namespace Smarketing.Web.Components.Pages.Reports;

/// <summary>How report numbers read: business minutes as hours and minutes, percentages with one decimal.</summary>
internal static class ReportText
{
    public const string None = "–";

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

    public static string Minutes(long? minutes) => minutes switch
    {
        null => None,
        < 60 => $"{minutes} min",
        _ when minutes % 60 == 0 => $"{minutes / 60} h",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };

    public static string Percent(decimal? pct) => pct is null ? None : pct.Value.ToString("0.#", Culture) + " %";

    public static string Days(double? days) => days is null ? None : days.Value.ToString("0.#", Culture) + (days == 1 ? " day" : " days");

    public static string Number(decimal value) => value.ToString("#,0.#", Culture);

    public static string Value(decimal? value, MetricUnit unit) =>
        value is null ? None : unit == MetricUnit.Percent ? Percent(value) : Number(value.Value);

    public static string Target(ScorecardRow row) =>
        (row.Comparison == Comparison.AtLeast ? "≥ " : "≤ ") + Value(row.Target, row.Unit);

    /// <summary>Why a count target is not the agreement's round number: "400 a month, prorated to 30 days".</summary>
    public static string? Prorated(ScorecardRow row) => row.Prorated is not { } prorated
        ? null
        : $"{Number(prorated.Stated)} a {prorated.Period.ToString().ToLowerInvariant()}, prorated to {(prorated.Days == 1 ? "1 day" : $"{prorated.Days:#,0} days")}";

    public static string Versions(IReadOnlyList<int> versions) =>
        (versions.Count == 1 ? "version " : "versions ") + string.Join(", ", versions);

    public static string Period(ReportRange range) =>
        range.From == range.To
            ? range.From.ToString("ddd d MMM yyyy", Culture)
            : $"{range.From.ToString(range.From.Year == range.To.Year ? "d MMM" : "d MMM yyyy", Culture)} – {range.To.ToString("d MMM yyyy", Culture)}";

    public static string RagClass(Rag rag) => rag switch
    {
        Rag.Green => "rag rag-green",
        Rag.Amber => "rag rag-amber",
        Rag.Red => "rag rag-red",
        _ => "rag rag-none",
    };

    public static string Group(string group) => group switch
    {
        ReportService.Unclaimed => "No rep (unclaimed or returned)",
        ReportService.NoTeam => "Reps without a team",
        _ => group,
    };

    public static string Local(DateTimeOffset? instant, string? timeZoneId)
    {
        if (instant is not { } value)
        {
            return None;
        }

        var zone = timeZoneId is null ? TimeZoneInfo.Utc : Smarketing.Domain.BusinessTime.LocalTime.Zone(timeZoneId);
        return TimeZoneInfo.ConvertTime(value, zone).ToString("ddd d MMM yyyy HH:mm", Culture);
    }
}
