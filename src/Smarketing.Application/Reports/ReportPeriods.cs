namespace Smarketing.Application.Reports;

/// <summary>A named period a report can be read for, computed from today's date in the agreement's calendar.</summary>
public sealed record PeriodPreset(string Key, string Label, ReportRange Range);

public static class ReportPeriods
{
    public const string Custom = "custom";

    /// <summary>The periods offered on every report page, newest first; weeks start on Monday (ISO).</summary>
    public static IReadOnlyList<PeriodPreset> For(DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var quarterStart = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        return
        [
            new("last-30-days", "Last 30 days", new(today.AddDays(-29), today)),
            new("this-week", "This week", new(monday, monday.AddDays(6))),
            new("last-week", "Last week", new(monday.AddDays(-7), monday.AddDays(-1))),
            new("this-month", "This month", new(monthStart, monthStart.AddMonths(1).AddDays(-1))),
            new("last-month", "Last month", new(monthStart.AddMonths(-1), monthStart.AddDays(-1))),
            new("this-quarter", "This quarter", new(quarterStart, quarterStart.AddMonths(3).AddDays(-1))),
            new("last-quarter", "Last quarter", new(quarterStart.AddMonths(-3), quarterStart.AddDays(-1))),
            new("last-12-weeks", "Last 12 weeks", new(monday.AddDays(-7 * 11), monday.AddDays(6))),
        ];
    }

    /// <summary>The preset a range matches, or <see cref="Custom"/>.</summary>
    public static string KeyOf(ReportRange range, DateOnly today) =>
        For(today).FirstOrDefault(p => p.Range == range)?.Key ?? Custom;
}
