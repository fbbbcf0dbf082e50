using Microsoft.AspNetCore.Components;
using Smarketing.Application.Agreements;
using Smarketing.Application.Reports;
using Smarketing.Domain.BusinessTime;

namespace Smarketing.Web.Components.Pages.Reports;

/// <summary>
/// What every report page shares: its period lives in the address (<c>?from=2026-11-01&amp;to=2026-11-30</c>) so a
/// link, a bookmark or a drill-down keeps it, and "today" is today in the agreement's calendar, not the server's.
/// </summary>
public abstract class ReportPage : ComponentBase
{
    [Inject] protected ReportService Reports { get; set; } = default!;
    [Inject] protected AgreementService Agreements { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")] public string? FromText { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToText { get; set; }

    protected DateOnly Today { get; private set; }
    protected ReportRange Range { get; private set; }
    protected string? TimeZoneId { get; private set; }

    /// <summary>Why the address's period could not be used, shown above the report (which falls back to the default).</summary>
    protected string? RangeProblem { get; private set; }

    /// <summary>
    /// True while a period's numbers are being fetched. The page keeps showing what it has meanwhile: the numbers the
    /// server rendered first stay in place while the live page fetches them again, instead of collapsing to a
    /// "loading" line and back (a layout shift on every visit).
    /// </summary>
    protected bool Loading { get; private set; } = true;

    protected override async Task OnParametersSetAsync()
    {
        var inForce = await Agreements.GetInForceAsync();
        TimeZoneId = inForce?.Content.Calendar.TimeZone;
        var zone = TimeZoneId is null ? TimeZoneInfo.Utc : LocalTime.Zone(TimeZoneId);
        Today = LocalTime.DateAt(Clock.GetUtcNow(), zone);
        RangeProblem = null;
        var fallback = ReportPeriods.For(Today)[0].Range;
        if (FromText is null && ToText is null)
        {
            Range = fallback;
        }
        else
        {
            var parsed = ReportRange.Parse(FromText, ToText);
            if (parsed.Succeeded)
            {
                Range = parsed.Value;
            }
            else
            {
                var messages = parsed.Errors.Count > 0 ? parsed.Errors.SelectMany(e => e.Value) : [parsed.Message ?? "That period can't be read."];
                RangeProblem = string.Join(" ", messages) + " Showing the last 30 days instead.";
                Range = fallback;
            }
        }

        Loading = true;
        await LoadAsync();
        Loading = false;
    }

    protected abstract Task LoadAsync();

    protected void ShowRange(ReportRange range) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["from"] = range.From.ToString("yyyy-MM-dd"),
            ["to"] = range.To.ToString("yyyy-MM-dd"),
        }));

    protected string Query(ReportRange? range = null) => ReportLinks.Query(range ?? Range);
}
