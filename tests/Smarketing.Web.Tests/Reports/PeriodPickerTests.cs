using Smarketing.Application.Reports;
using Smarketing.Web.Components.Pages.Reports;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Reports;

/// <summary>The period above every report: a named period or two dates, a bad pair refused with a message.</summary>
public sealed class PeriodPickerTests : ComponentTest
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private readonly List<ReportRange> _asked = [];

    private IRenderedComponent<PeriodPicker> RenderPicker(ReportRange range) =>
        Render<PeriodPicker>(p => p
            .Add(x => x.Range, range)
            .Add(x => x.Today, Today)
            .Add(x => x.TimeZoneId, "America/New_York")
            .Add(x => x.RangeChanged, r => _asked.Add(r)));

    [Fact]
    public void ChoosingANamedPeriod_AsksForItsDates()
    {
        var picker = RenderPicker(ReportPeriods.For(Today)[0].Range);
        picker.Find("#period-preset").GetAttribute("value").ShouldBe("last-30-days");

        picker.Find("#period-preset").Change("last-week");

        _asked.ShouldBe([new ReportRange(new(2026, 11, 16), new(2026, 11, 22))]);
    }

    [Fact]
    public void TwoDates_AskForThatPeriod()
    {
        var picker = RenderPicker(ReportPeriods.For(Today)[0].Range);

        picker.Find("input#period-from").Change("2026-10-01");
        picker.Find("input#period-to").Change("2026-10-31");
        picker.Find("form").Submit();

        _asked.ShouldBe([new ReportRange(new(2026, 10, 1), new(2026, 10, 31))]);
        picker.FindAll("[role=alert]").ShouldBeEmpty();
    }

    [Fact]
    public void APeriodEndingBeforeItStarts_IsRefusedWithAMessage_AndNothingIsAskedFor()
    {
        var picker = RenderPicker(ReportPeriods.For(Today)[0].Range);

        picker.Find("input#period-from").Change("2026-11-20");
        picker.Find("input#period-to").Change("2026-11-10");
        picker.Find("form").Submit();

        picker.Find("[role=alert]").TextContent.ShouldContain("To must be on or after From");
        _asked.ShouldBeEmpty();
    }

    [Fact]
    public void APeriodLongerThanAReportCovers_IsRefusedWithAMessage()
    {
        var picker = RenderPicker(ReportPeriods.For(Today)[0].Range);

        picker.Find("input#period-from").Change("2024-01-01");
        picker.Find("input#period-to").Change("2026-11-10");
        picker.Find("form").Submit();

        picker.Find("[role=alert]").TextContent.ShouldContain($"A report covers at most {ReportService.MaxRangeDays} days.");
        _asked.ShouldBeEmpty();
    }

    [Fact]
    public void AMissingDate_IsRefusedWithAMessage()
    {
        var picker = RenderPicker(ReportPeriods.For(Today)[0].Range);

        picker.Find("input#period-from").Change("");
        picker.Find("form").Submit();

        picker.Find("[role=alert]").TextContent.ShouldContain("Enter both dates");
        _asked.ShouldBeEmpty();
    }

    [Fact]
    public void ThePeriodShown_IsSaidInWords_WithTheAgreementsTimeZone()
    {
        var picker = RenderPicker(new ReportRange(new(2026, 11, 1), new(2026, 11, 30)));

        picker.Find("#period-preset").GetAttribute("value").ShouldBe("this-month");
        picker.Find(".period-said").TextContent.ShouldContain("1 Nov – 30 Nov 2026, both days included");
        picker.Find(".period-said").TextContent.ShouldContain("(America/New_York)");
    }
}
