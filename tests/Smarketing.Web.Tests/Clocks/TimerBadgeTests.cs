using Smarketing.Application.Clocks;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Clocks;
using Smarketing.Web.Components.Pages.Clocks;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Clocks;

/// <summary>
/// A timer's status in words and in a palette colour (never in colour alone): on track, at risk, breached, met; the
/// lead page's clocks table shows the one the clock reads now.
/// </summary>
public sealed class TimerBadgeTests : ComponentTest
{
    private static readonly BusinessCalendar NewYork = BusinessCalendar.Standard("America/New_York");

    // Handed off at Now (Monday 10:00 in New York): at risk from 13:00, due at 14:00.
    private static SlaTimer FirstContact(DateTimeOffset? stoppedAt = null) => new()
    {
        Cycle = 1, Kind = TimerKind.FirstContact, Clause = "First contact within 4 business hours (A-leads)", SlaVersion = 1,
        BudgetBusinessMinutes = 240, RequiredAttempts = 1, StartedAt = Now, AtRiskAt = Now.AddHours(3), DueAt = Now.AddHours(4),
        StoppedAt = stoppedAt, BusinessMinutesElapsed = stoppedAt is null ? null : 30, AttemptsMade = stoppedAt is null ? 0 : 1,
    };

    [Theory]
    [InlineData(TimerStatus.Running, "On track", "info")]
    [InlineData(TimerStatus.AtRisk, "At risk", "warning")]
    [InlineData(TimerStatus.Breached, "Breached", "error")]
    [InlineData(TimerStatus.Met, "Met", "success")]
    public void EachStatus_HasItsWords_AndItsColour(TimerStatus status, string words, string colour)
    {
        var badge = Render<TimerBadge>(p => p.Add(b => b.Status, status)).Find(".timer-badge");

        badge.TextContent.Trim().ShouldBe(words);
        badge.GetAttribute("data-status").ShouldBe(status.ToString());
        badge.ClassList.ShouldContain($"mud-chip-color-{colour}");
        badge.ClassList.ShouldContain("mud-chip-outlined");
    }

    [Theory]
    [InlineData(60, null, "On track", "info")]
    [InlineData(3 * 60, null, "At risk", "warning")]
    [InlineData(4 * 60 + 1, null, "Breached", "error")]
    [InlineData(5 * 60, 30, "Met", "success")]
    public void TheClocksTable_ShowsTheStatusTheClockReadsNow(int minutesAfterHandOff, int? stoppedAfter, string words, string colour)
    {
        var timer = FirstContact(stoppedAfter is { } m ? Now.AddMinutes(m) : null);
        Clock.Advance(TimeSpan.FromMinutes(minutesAfterHandOff));

        var table = Render<TimerTable>(p => p
            .Add(t => t.Timers, [new TimerView(timer, "(not shown)", 0, new BusinessClock(NewYork), NewYork.MinutesPerBusinessDay, null)])
            .Add(t => t.Now, Clock.GetUtcNow()));

        var badge = table.Find("[data-testid='timer-FirstContact'] .timer-badge");
        badge.TextContent.Trim().ShouldBe(words);
        badge.ClassList.ShouldContain($"mud-chip-color-{colour}");
    }
}
