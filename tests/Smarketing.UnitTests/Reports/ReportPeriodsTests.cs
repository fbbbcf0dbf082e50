using Smarketing.Application.Reports;

namespace Smarketing.UnitTests.Reports;

public sealed class ReportPeriodsTests
{
    // Wednesday 18 November 2026.
    private static readonly DateOnly Today = new(2026, 11, 18);

    private static ReportRange Range(string key) => ReportPeriods.For(Today).Single(p => p.Key == key).Range;

    [Fact]
    public void ThisWeek_RunsMondayToSunday() => Range("this-week").ShouldBe(new ReportRange(new(2026, 11, 16), new(2026, 11, 22)));

    [Fact]
    public void LastWeek_IsTheSevenDaysBeforeThisMonday() => Range("last-week").ShouldBe(new ReportRange(new(2026, 11, 9), new(2026, 11, 15)));

    [Fact]
    public void LastMonth_IsTheWholeCalendarMonth() => Range("last-month").ShouldBe(new ReportRange(new(2026, 10, 1), new(2026, 10, 31)));

    [Fact]
    public void ThisQuarter_StartsInOctober_InNovember() => Range("this-quarter").ShouldBe(new ReportRange(new(2026, 10, 1), new(2026, 12, 31)));

    [Fact]
    public void LastQuarter_CrossesNoYearBoundaryByMistake() =>
        ReportPeriods.For(new DateOnly(2027, 2, 3)).Single(p => p.Key == "last-quarter").Range.ShouldBe(new ReportRange(new(2026, 10, 1), new(2026, 12, 31)));

    [Fact]
    public void TheLast30Days_IncludeToday() => Range("last-30-days").ShouldBe(new ReportRange(new(2026, 10, 20), Today));

    [Fact]
    public void ARangeThatIsNoPreset_IsCustom() =>
        ReportPeriods.KeyOf(new ReportRange(new(2026, 11, 2), new(2026, 11, 5)), Today).ShouldBe(ReportPeriods.Custom);

    [Fact]
    public void EveryPreset_IsAValidReportRange() =>
        ReportPeriods.For(Today).ShouldAllBe(p => ReportService.RefuseRange(p.Range.From, p.Range.To) == null);
}
