using AngleSharp.Dom;
using Smarketing.Application.Clocks;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Leads;
using Smarketing.Web.Components.Pages.Clocks;
using Smarketing.Web.Components.Pages.Leads;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Clocks;

/// <summary>
/// The SLA clocks on a lead page and the deadline in a queue, under New York 09:00-17:00 Monday to Friday: business
/// time in words a rep reads at a glance, "was due" once a deadline has passed, and no "took" for a contact never made.
/// </summary>
public sealed class TimerTableTests : ComponentTest
{
    private static readonly BusinessCalendar NewYork = BusinessCalendar.Standard("America/New_York");
    private static readonly BusinessClock NewYorkClock = new(NewYork);

    // Friday 20 Nov 2026 16:00 in New York; a first contact within 4 business hours is due Monday 23 Nov 12:00.
    private static readonly DateTimeOffset HandOff = new(2026, 11, 20, 21, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = new(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);

    // A stop with contacted: false is one ended by the next hand-off, before anyone contacted the lead.
    private static SlaTimer FirstContact(DateTimeOffset? stoppedAt = null, long? took = null, bool contacted = true) => new()
    {
        Cycle = 1, Kind = TimerKind.FirstContact, Clause = "First contact within 4 business hours (A-leads)", SlaVersion = 1,
        BudgetBusinessMinutes = 240, RequiredAttempts = 1, StartedAt = HandOff, AtRiskAt = Due.AddHours(-1), DueAt = Due,
        StoppedAt = stoppedAt, BusinessMinutesElapsed = took, AttemptsMade = stoppedAt is not null && contacted ? 1 : 0,
    };

    private static TimerView View(SlaTimer timer, TimerEnding? ended = null) =>
        new(timer, "(not shown)", 0, NewYorkClock, NewYork.MinutesPerBusinessDay, ended);

    private IElement Row(TimerView view, DateTimeOffset now)
    {
        var page = Render<TimerTable>(p => p.Add(t => t.Timers, [view]).Add(t => t.Now, now));
        return page.Find($"[data-testid='timer-{view.Timer.Kind}']");
    }

    private static string Cell(IElement row, int index) => row.QuerySelectorAll("td")[index].TextContent.Trim();

    [Theory]
    [InlineData(12, "12 min")]
    [InlineData(96, "1 h 36 min")]
    [InlineData(479, "7 h 59 min")]
    [InlineData(480, "1 business day")]
    [InlineData(480 + 185, "1 business day 3 h 05 min")]
    [InlineData(456 * 60, "57 business days")]
    public void BusinessTime_ReadsInBusinessDaysOnceItIsADayOrMore(long minutes, string text) =>
        TimerText.BusinessTime(minutes, 480).ShouldBe(text);

    [Fact]
    public void BusinessTime_StaysInHours_UnderACalendarWithNoWorkingDay() =>
        TimerText.BusinessTime(600, 0).ShouldBe("10 h 00 min");

    [Fact]
    public void AFirstContactOverdueByWeeks_SaysHowManyBusinessDaysLate_AndWhenItWasDue()
    {
        // Thursday 11 Feb 2027 at noon: 11 weeks and 3 working days (464 business hours) after the due minute; this calendar has no holidays.
        var row = Row(View(FirstContact()), Due.AddDays(7 * 11 + 3));

        Cell(row, 1).ShouldBe("Breached");
        Cell(row, 2).ShouldStartWith("Was due Mon 23 Nov 12:00 (America/New_York)");
        Cell(row, 3).ShouldBe("overdue by 58 business days");
    }

    [Fact]
    public void ARunningFirstContact_SaysWhatIsLeft_AndWhenItIsDue()
    {
        var row = Row(View(FirstContact()), HandOff.AddMinutes(30));

        Cell(row, 1).ShouldBe("On track");
        Cell(row, 2).ShouldStartWith("Due Mon 23 Nov 12:00 (America/New_York)");
        Cell(row, 3).ShouldBe("3 h 30 min left");
    }

    [Fact]
    public void AFirstContactMadeInTime_SaysWhatItTook()
    {
        var row = Row(View(FirstContact(stoppedAt: HandOff.AddMinutes(25), took: 25)), Due.AddDays(1));

        Cell(row, 1).ShouldBe("Met");
        Cell(row, 3).ShouldBe("took 25 min");
    }

    [Fact]
    public void ALeadRejectedBeforeAnyContact_SaysNoContactWasMade_AndThatItCountsAsBreachedOnceDue()
    {
        var row = Row(View(FirstContact(), new TimerEnding(LeadEventType.Rejected, 30)), HandOff.AddMinutes(45));

        Cell(row, 3).ShouldBe(
            "No contact was made before the lead left sales: it was rejected back to marketing after 30 min. It counts as breached once due.");
        Cell(row, 3).ShouldNotContain("took");
        Cell(row, 3).ShouldNotContain("min left"); // never "3 h 15 min left" for a lead nobody will call
    }

    [Fact]
    public void ALeadRejectedBeforeAnyContact_ReadsBreachedOncePastDue_StillWithoutATook()
    {
        var row = Row(View(FirstContact(), new TimerEnding(LeadEventType.Rejected, 30)), Due.AddDays(30));

        Cell(row, 1).ShouldBe("Breached");
        Cell(row, 3).ShouldBe("No contact was made before the lead left sales: it was rejected back to marketing after 30 min.");
    }

    [Fact]
    public void ACycleEndedByAnotherHandOff_DoesNotReadAsAContactThatTookItsTime()
    {
        // The next hand-off stops cycle one's first contact, with the business minutes up to it, but no contact.
        var stopped = FirstContact(stoppedAt: Due.AddDays(1), took: 540, contacted: false);

        var row = Row(View(stopped, new TimerEnding(LeadEventType.Rejected, 30)), Due.AddDays(2));

        Cell(row, 3).ShouldBe("No contact was made before the lead left sales: it was rejected back to marketing after 30 min.");
    }

    [Fact]
    public void AFollowUpCutShortByAConversion_SaysHowManyAttemptsWereMade()
    {
        var followUp = new SlaTimer
        {
            Cycle = 1, Kind = TimerKind.FollowUp, Clause = "6 contact attempts within 10 business days (A-leads)", SlaVersion = 1,
            BudgetBusinessMinutes = 4800, RequiredAttempts = 6, AttemptsMade = 2, StartedAt = HandOff, AtRiskAt = Due.AddDays(8),
            DueAt = Due.AddDays(10), StoppedAt = HandOff.AddMinutes(50), BusinessMinutesElapsed = 50,
        };

        var row = Row(View(followUp, new TimerEnding(LeadEventType.Converted, 50)), HandOff.AddHours(1));

        Cell(row, 3).ShouldBe("Ended after 2 of 6 attempts, when the lead became an opportunity.");
    }

    [Fact]
    public void AQueueDeadline_SaysBy_WhileRunning_AndWasDue_OnceBreached()
    {
        string DeadlineAt(DateTimeOffset now) =>
            Render<DeadlineCell>(p => p.Add(d => d.Timer, FirstContact()).Add(d => d.Now, now)).Find(".deadline").TextContent.Trim();

        DeadlineAt(HandOff.AddMinutes(5)).ShouldBe("First contact by 23 Nov 2026, 17:00");
        DeadlineAt(Due.AddMinutes(1)).ShouldBe("First contact was due 23 Nov 2026, 17:00");
    }
}

/// <summary>The lead's facts beside its clocks: a rejected lead nobody contacted says so, rather than "not yet".</summary>
public sealed class LeadFactsCardTests : ComponentTest
{
    private string FactOf(Lead lead, string term)
    {
        var page = Render<LeadFactsCard>(p => p.Add(c => c.Lead, lead));
        var dt = page.FindAll("dt").Single(d => d.TextContent.Trim() == term);
        return dt.NextElementSibling!.TextContent.Trim();
    }

    private static Lead Lead(LeadStage stage) => new()
    {
        FirstName = "Ava", LastName = "Evans", Email = "ava@example.test", Company = "Blue Yonder", Stage = stage,
        HandedOffAt = new DateTimeOffset(2026, 12, 4, 12, 17, 0, TimeSpan.Zero), HandedOffVersion = 1,
    };

    [Fact]
    public void ALeadRejectedBeforeAnyContact_SaysNoneWasMadeBeforeItLeftSales()
    {
        FactOf(Lead(LeadStage.Rejected), "First contact").ShouldBe("none was made before the lead left sales");
        FactOf(Lead(LeadStage.Rejected), "Owner").ShouldBe("none: the lead left sales");
    }

    [Fact]
    public void ALeadStillInThePool_SaysNotYet()
    {
        FactOf(Lead(LeadStage.HandedOff), "First contact").ShouldBe("not yet");
        FactOf(Lead(LeadStage.HandedOff), "Owner").ShouldBe("nobody yet");
    }
}
