using System.Globalization;
using Smarketing.Application.Clocks;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Clocks;
using Smarketing.Infrastructure.Demo;

namespace Smarketing.UnitTests.Clocks;

/// <summary>The line under each timer on the lead page that says when it is due and why then.</summary>
public sealed class SlaClockExplainTests
{
    private static readonly BusinessClock _newYork = new(DemoAgreement.Version1().Calendar);

    [Theory]
    [InlineData("a hand-off early on a Monday", "2026-11-23T09:00:00-05:00",
        "Due Mon 23 Nov 13:00 (America/New_York): 4 business hours after hand-off.")]
    [InlineData("a Friday afternoon hand-off", "2026-11-20T16:00:00-05:00",
        "Due Mon 23 Nov 12:00 (America/New_York): 4 business hours after hand-off, weekend skipped.")]
    [InlineData("a hand-off the day before Thanksgiving", "2026-11-25T16:00:00-05:00",
        "Due Mon 30 Nov 12:00 (America/New_York): 4 business hours after hand-off, weekend and holiday Thu 26 Nov, Fri 27 Nov skipped.")]
    [InlineData("a hand-off before the clocks go back", "2026-10-30T16:00:00-04:00",
        "Due Mon 2 Nov 12:00 (America/New_York): 4 business hours after hand-off, weekend skipped.")]
    public void TheFirstContactLine_SaysWhenItIsDueInTheCalendarsZone_AndWhichDaysWereSkipped(string story, string handOff, string line)
    {
        _ = story;
        var timer = new LeadStory().HandOff(handOff).TimerAt(handOff, TimerKind.FirstContact);

        SlaClock.Explain(timer, _newYork).ShouldBe(line);
    }

    [Fact]
    public void TheDecisionLine_CountsItsTwoBusinessDaysAsSixteenBusinessHours()
    {
        var timer = new LeadStory().HandOff("2026-11-25T16:00:00-05:00").TimerAt("2026-11-25T16:00:00-05:00", TimerKind.Decision);

        SlaClock.Explain(timer, _newYork)
            .ShouldBe("Due Tue 1 Dec 16:00 (America/New_York): 16 business hours after hand-off, weekend and holiday Thu 26 Nov, Fri 27 Nov skipped.");
    }

    [Fact]
    public void TheLine_ReadsTheSame_OnAServerWithAnotherCulture()
    {
        var timer = new LeadStory().HandOff("2026-11-25T16:00:00-05:00").TimerAt("2026-11-25T16:00:00-05:00", TimerKind.FirstContact);
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            SlaClock.Explain(timer, _newYork)
                .ShouldBe("Due Mon 30 Nov 12:00 (America/New_York): 4 business hours after hand-off, weekend and holiday Thu 26 Nov, Fri 27 Nov skipped.");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
