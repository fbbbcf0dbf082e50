using Smarketing.Domain.Agreements;
using Smarketing.Domain.Clocks;
using Smarketing.Infrastructure.Demo;
using static Smarketing.UnitTests.Clocks.LeadStory;

namespace Smarketing.UnitTests.Clocks;

/// <summary>
/// The timers SlaTimekeeper works out from a lead's history under the demo agreement: New York, 09:00-17:00 Monday to
/// Friday, US holidays (Thanksgiving is Thu 26 and Fri 27 Nov 2026); A-leads get a first contact within 4 business
/// hours, a decision within 2 business days and 6 attempts within 10 business days, at risk at 75%; other leads get
/// 1 business day for the first contact.
/// </summary>
public sealed class SlaTimekeeperTests
{
    // Friday 20 Nov 2026, one business hour before closing.
    private const string FridayAfternoon = "2026-11-20T16:00:00-05:00";

    [Theory]
    [InlineData("a Friday 16:00 hand-off carries over the weekend", "A", TimerKind.FirstContact, FridayAfternoon,
        "2026-11-23T11:00:00-05:00", "2026-11-23T12:00:00-05:00")]
    [InlineData("a Wednesday 16:00 hand-off skips Thanksgiving, the Friday after and the weekend", "A", TimerKind.FirstContact,
        "2026-11-25T16:00:00-05:00", "2026-11-30T11:00:00-05:00", "2026-11-30T12:00:00-05:00")]
    [InlineData("a Friday 16:00 hand-off before the clocks go back is due at noon standard time", "A", TimerKind.FirstContact,
        "2026-10-30T16:00:00-04:00", "2026-11-02T11:00:00-05:00", "2026-11-02T12:00:00-05:00")]
    [InlineData("a Saturday hand-off starts counting at Monday's opening", "A", TimerKind.FirstContact,
        "2026-11-21T10:00:00-05:00", "2026-11-23T12:00:00-05:00", "2026-11-23T13:00:00-05:00")]
    [InlineData("an evening hand-off starts counting the next morning", "A", TimerKind.FirstContact,
        "2026-11-23T20:00:00-05:00", "2026-11-24T12:00:00-05:00", "2026-11-24T13:00:00-05:00")]
    [InlineData("a lead that is not an A-lead gets one business day", "B", TimerKind.FirstContact, FridayAfternoon,
        "2026-11-23T14:00:00-05:00", "2026-11-23T16:00:00-05:00")]
    [InlineData("the decision gets two business days", "A", TimerKind.Decision, FridayAfternoon,
        "2026-11-24T12:00:00-05:00", "2026-11-24T16:00:00-05:00")]
    [InlineData("the decision skips Thanksgiving too", "A", TimerKind.Decision, "2026-11-25T16:00:00-05:00",
        "2026-12-01T12:00:00-05:00", "2026-12-01T16:00:00-05:00")]
    [InlineData("the follow-up window is ten business days, Thanksgiving not counted", "A", TimerKind.FollowUp, FridayAfternoon,
        "2026-12-04T12:00:00-05:00", "2026-12-08T16:00:00-05:00")]
    public void EachTimer_IsAtRiskAndDue_ExactlyToTheMinute_InNewYorkTime(
        string story, string grade, TimerKind kind, string handOff, string atRisk, string due)
    {
        _ = story;
        var timer = new LeadStory(grade).HandOff(handOff).TimerAt(handOff, kind);

        Iso(timer.StartedAt).ShouldBe(handOff);
        Iso(timer.AtRiskAt).ShouldBe(atRisk);
        Iso(timer.DueAt).ShouldBe(due);
        timer.Status.ShouldBe(TimerStatus.Running);
    }

    [Fact]
    public void AHandOff_StartsThreeTimers_WithTheirBudgetsAndTheRuleInWords()
    {
        var timers = new LeadStory().HandOff(FridayAfternoon).TimersAt(FridayAfternoon);

        timers.Select(t => (t.Kind, t.BudgetBusinessMinutes, t.RequiredAttempts, t.Clause)).ShouldBe(
        [
            (TimerKind.FirstContact, 240, 1, "First contact within 4 business hours (A-leads)"),
            (TimerKind.Decision, 960, 0, "Accept or reject within 2 business days (A-leads)"),
            (TimerKind.FollowUp, 4800, 6, "6 contact attempts within 10 business days (A-leads)"),
        ]);
        timers.ShouldAllBe(t => t.Cycle == 1 && t.SlaVersion == 1 && t.RuleName == "A-leads" && t.StoppedAt == null);
    }

    [Theory]
    [InlineData("half an hour after hand-off", "2026-11-20T16:30:00-05:00", TimerStatus.Met, 30)]
    [InlineData("a minute before due", "2026-11-23T11:59:00-05:00", TimerStatus.Met, 239)]
    [InlineData("exactly at the due minute", "2026-11-23T12:00:00-05:00", TimerStatus.Met, 240)]
    [InlineData("a minute after due", "2026-11-23T12:01:00-05:00", TimerStatus.Breached, 241)]
    [InlineData("the next day", "2026-11-24T09:30:00-05:00", TimerStatus.Breached, 570)]
    public void AContactAttempt_StopsFirstContact_MetUpToTheDueMinute_AndStoresTheBusinessMinutesItTook(
        string when, string contactAt, TimerStatus status, long businessMinutes)
    {
        _ = when;
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00").Contact(contactAt);

        // Judged long afterwards: a stopped timer keeps its verdict.
        var timer = story.TimerAt("2027-03-01T12:00:00-05:00", TimerKind.FirstContact);

        timer.StoppedAt.ShouldBe(At(contactAt));
        timer.Status.ShouldBe(status);
        timer.BusinessMinutesElapsed.ShouldBe(businessMinutes);
    }

    [Fact]
    public void AContactLoggedAfterwards_StopsTheClockWhenTheCallHappened_NotWhenItWasTyped()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00")
            .Contact("2026-11-23T11:30:00-05:00", loggedAt: "2026-11-23T14:00:00-05:00");

        var timer = story.TimerAt("2026-11-23T14:00:00-05:00", TimerKind.FirstContact);

        timer.StoppedAt.ShouldBe(At("2026-11-23T11:30:00-05:00"));
        timer.Status.ShouldBe(TimerStatus.Met);
        timer.BusinessMinutesElapsed.ShouldBe(210);
    }

    [Fact]
    public void RejectingWithoutAContact_DecidesTheLead_ButTheFirstContactPromiseKeepsRunningAndFallsDue()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00").Reject("2026-11-20T16:30:00-05:00");

        var decision = story.TimerAt("2026-11-23T12:00:00-05:00", TimerKind.Decision);
        decision.StoppedAt.ShouldBe(At("2026-11-20T16:30:00-05:00"));
        decision.Status.ShouldBe(TimerStatus.Met);
        decision.BusinessMinutesElapsed.ShouldBe(30);

        story.TimerAt("2026-11-23T11:00:00-05:00", TimerKind.FirstContact).Status.ShouldBe(TimerStatus.AtRisk);
        var firstContact = story.TimerAt("2026-11-23T12:00:00-05:00", TimerKind.FirstContact);
        firstContact.StoppedAt.ShouldBeNull();
        firstContact.BusinessMinutesElapsed.ShouldBeNull();
        firstContact.Status.ShouldBe(TimerStatus.Breached);
    }

    [Fact]
    public void AnUncontactedLeadHandedOffAgain_EndsCycleOnesFirstContactWithoutAContact_AndItReadsBreachedOnceDue()
    {
        // Friday 16:00, A-lead: first contact due Monday 12:00 after one business hour on Friday.
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00")
            .Reject("2026-11-20T16:30:00-05:00").HandOff("2026-11-23T09:30:00-05:00");

        var beforeDue = story.TimerAt("2026-11-23T10:00:00-05:00", TimerKind.FirstContact);
        beforeDue.StoppedAt.ShouldBe(At("2026-11-23T09:30:00-05:00"));
        beforeDue.EndedWithoutContact.ShouldBeTrue();
        beforeDue.AttemptsMade.ShouldBe(0);
        beforeDue.Status.ShouldBe(TimerStatus.Running, "nobody contacted the lead, so the stop can't be a kept promise");
        story.TimerAt("2026-11-23T12:00:00-05:00", TimerKind.FirstContact).Status.ShouldBe(TimerStatus.Breached);
    }

    [Fact]
    public void AContactAttempt_IsRecordedOnTheFirstContactItStops()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00")
            .Contact("2026-11-20T16:20:00-05:00").Contact("2026-11-20T16:40:00-05:00");

        var firstContact = story.TimerAt("2026-11-23T12:00:00-05:00", TimerKind.FirstContact);
        firstContact.AttemptsMade.ShouldBe(1);
        firstContact.EndedWithoutContact.ShouldBeFalse();
        firstContact.StoppedAt.ShouldBe(At("2026-11-20T16:20:00-05:00"));
        firstContact.Status.ShouldBe(TimerStatus.Met);
    }

    [Fact]
    public void AcceptingWithoutAContact_StopsTheDecision_ButNotTheFirstContact()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00").Accept("2026-11-20T16:10:00-05:00");

        story.TimerAt("2026-11-20T16:10:00-05:00", TimerKind.Decision).Status.ShouldBe(TimerStatus.Met);
        var firstContact = story.TimerAt("2026-11-20T16:10:00-05:00", TimerKind.FirstContact);
        firstContact.StoppedAt.ShouldBeNull();
        firstContact.Status.ShouldBe(TimerStatus.Running);
    }

    [Fact]
    public void ASecondHandOff_StartsCycleTwoWithFreshTimers_WhileCycleOnesHistoryStaysAsItWas()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00")
            .Contact("2026-11-23T10:00:00-05:00").Reject("2026-11-23T10:30:00-05:00")
            .HandOff("2026-11-24T09:00:00-05:00");

        var timers = story.TimersAt("2026-11-24T10:00:00-05:00");

        timers.Count.ShouldBe(6);
        var first = timers.Single(t => t.Cycle == 1 && t.Kind == TimerKind.FirstContact);
        first.StartedAt.ShouldBe(At(FridayAfternoon));
        first.StoppedAt.ShouldBe(At("2026-11-23T10:00:00-05:00"));
        first.BusinessMinutesElapsed.ShouldBe(120);
        first.Status.ShouldBe(TimerStatus.Met);
        timers.Single(t => t.Cycle == 1 && t.Kind == TimerKind.Decision).StoppedAt.ShouldBe(At("2026-11-23T10:30:00-05:00"));
        timers.Single(t => t.Cycle == 1 && t.Kind == TimerKind.FollowUp).AttemptsMade.ShouldBe(1);

        var again = timers.Where(t => t.Cycle == 2).ToList();
        again.Count.ShouldBe(3);
        again.ShouldAllBe(t => t.StartedAt == At("2026-11-24T09:00:00-05:00") && t.StoppedAt == null && t.Status == TimerStatus.Running);
        var secondFirstContact = again.Single(t => t.Kind == TimerKind.FirstContact);
        Iso(secondFirstContact.AtRiskAt).ShouldBe("2026-11-24T12:00:00-05:00");
        Iso(secondFirstContact.DueAt).ShouldBe("2026-11-24T13:00:00-05:00");
        again.Single(t => t.Kind == TimerKind.FollowUp).AttemptsMade.ShouldBe(0);
    }

    [Fact]
    public void ReassigningALead_KeepsItsClocksRunningFromTheHandOff_UnderTheNewOwner()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00")
            .Reassign("2026-11-23T09:30:00-05:00", Rep2);

        var timers = story.TimersAt("2026-11-23T11:30:00-05:00");

        timers.Count.ShouldBe(3);
        var firstContact = timers.Single(t => t.Kind == TimerKind.FirstContact);
        firstContact.StartedAt.ShouldBe(At(FridayAfternoon));
        Iso(firstContact.DueAt).ShouldBe("2026-11-23T12:00:00-05:00");
        firstContact.Status.ShouldBe(TimerStatus.AtRisk);
        timers.ShouldAllBe(t => t.OwnerId == Rep2.Id);
    }

    [Fact]
    public void ReassigningFromThePool_DoesNotRestartTheClockEither()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Reassign("2026-11-23T10:00:00-05:00", Rep2);

        var timers = story.TimersAt("2026-11-23T10:00:00-05:00");

        timers.Count.ShouldBe(3);
        var firstContact = timers.Single(t => t.Kind == TimerKind.FirstContact);
        Iso(firstContact.DueAt).ShouldBe("2026-11-23T12:00:00-05:00");
        firstContact.StoppedAt.ShouldBeNull();
        firstContact.OwnerId.ShouldBe(Rep2.Id);
    }

    [Fact]
    public void TheFollowUpCadence_IsMetOnTheSixthAttempt_NotBefore()
    {
        // Monday 2 Nov 09:00: ten business days end on Friday 13 Nov at closing.
        var story = new LeadStory().HandOff("2026-11-02T09:00:00-05:00").Claim("2026-11-02T09:05:00-05:00");
        string[] attempts =
        [
            "2026-11-02T09:30:00-05:00", "2026-11-03T10:00:00-05:00", "2026-11-04T11:00:00-05:00",
            "2026-11-05T12:00:00-05:00", "2026-11-06T13:00:00-05:00",
        ];
        foreach (var attempt in attempts)
        {
            story.Contact(attempt);
        }

        var afterFive = story.TimerAt("2026-11-09T09:00:00-05:00", TimerKind.FollowUp);
        Iso(afterFive.DueAt).ShouldBe("2026-11-13T17:00:00-05:00");
        afterFive.AttemptsMade.ShouldBe(5);
        afterFive.StoppedAt.ShouldBeNull();
        afterFive.Status.ShouldBe(TimerStatus.Running);

        story.Contact("2026-11-09T14:00:00-05:00");
        var afterSix = story.TimerAt("2026-11-20T09:00:00-05:00", TimerKind.FollowUp);
        afterSix.AttemptsMade.ShouldBe(6);
        afterSix.StoppedAt.ShouldBe(At("2026-11-09T14:00:00-05:00"));
        afterSix.Status.ShouldBe(TimerStatus.Met);
        afterSix.BusinessMinutesElapsed.ShouldBe((5 * 480) + 300);

        // The first attempt is what stopped the first contact.
        story.TimerAt("2026-11-20T09:00:00-05:00", TimerKind.FirstContact).StoppedAt.ShouldBe(At("2026-11-02T09:30:00-05:00"));
    }

    [Fact]
    public void ASixthAttemptAfterTheWindow_StopsTheCadenceAsBreached()
    {
        var story = new LeadStory().HandOff("2026-11-02T09:00:00-05:00").Claim("2026-11-02T09:05:00-05:00");
        for (var day = 2; day <= 6; day++)
        {
            story.Contact($"2026-11-0{day}T10:00:00-05:00");
        }

        story.TimerAt("2026-11-13T17:00:00-05:00", TimerKind.FollowUp).Status.ShouldBe(TimerStatus.Breached);

        story.Contact("2026-11-16T09:30:00-05:00");
        var followUp = story.TimerAt("2026-11-16T09:30:00-05:00", TimerKind.FollowUp);
        followUp.StoppedAt.ShouldBe(At("2026-11-16T09:30:00-05:00"));
        followUp.Status.ShouldBe(TimerStatus.Breached);
    }

    [Fact]
    public void ConvertingTheLead_StopsTheFollowUp()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00")
            .Contact("2026-11-20T16:10:00-05:00").Accept("2026-11-20T16:20:00-05:00").Convert("2026-11-23T10:00:00-05:00");

        story.TimerAt("2026-11-23T10:00:00-05:00", TimerKind.FollowUp).StoppedAt.ShouldBe(At("2026-11-23T10:00:00-05:00"));
        story.TimerAt("2026-11-23T10:00:00-05:00", TimerKind.Decision).StoppedAt.ShouldBe(At("2026-11-20T16:20:00-05:00"));
    }

    [Fact]
    public void TheVersionInForceAtHandOff_SetsTheBudget_EvenWhenANewerVersionExists()
    {
        // Version 2 gives A-leads 2 business hours instead of 4.
        var versions = new Dictionary<int, AgreementContent> { [1] = DemoAgreement.Version1(), [2] = DemoAgreement.Version2Draft() };

        var underVersion1 = new LeadStory(versions: versions).HandOff(FridayAfternoon, version: 1)
            .TimerAt(FridayAfternoon, TimerKind.FirstContact);
        var underVersion2 = new LeadStory(versions: versions).HandOff(FridayAfternoon, version: 2)
            .TimerAt(FridayAfternoon, TimerKind.FirstContact);

        (underVersion1.SlaVersion, underVersion1.BudgetBusinessMinutes, Iso(underVersion1.DueAt))
            .ShouldBe((1, 240, "2026-11-23T12:00:00-05:00"));
        (underVersion2.SlaVersion, underVersion2.BudgetBusinessMinutes, Iso(underVersion2.AtRiskAt), Iso(underVersion2.DueAt))
            .ShouldBe((2, 120, "2026-11-23T09:30:00-05:00", "2026-11-23T10:00:00-05:00"));
        underVersion2.Clause.ShouldBe("First contact within 2 business hours (A-leads)");
    }

    [Fact]
    public void ALeadHandedOffAgainUnderANewVersion_KeepsTheOldVersionForTheOldCycle()
    {
        var versions = new Dictionary<int, AgreementContent> { [1] = DemoAgreement.Version1(), [2] = DemoAgreement.Version2Draft() };
        var story = new LeadStory(versions: versions).HandOff(FridayAfternoon, version: 1).Claim("2026-11-20T16:05:00-05:00")
            .Reject("2026-11-20T16:30:00-05:00").HandOff("2026-11-24T09:00:00-05:00", version: 2);

        var timers = story.TimersAt("2026-11-24T09:00:00-05:00").Where(t => t.Kind == TimerKind.FirstContact).ToList();

        timers.Select(t => (t.Cycle, t.SlaVersion, t.BudgetBusinessMinutes)).ShouldBe([(1, 1, 240), (2, 2, 120)]);
    }

    [Theory]
    [InlineData("a minute before the warning", "2026-11-23T10:59:00-05:00", null, TimerStatus.Running)]
    [InlineData("at the warning minute", "2026-11-23T11:00:00-05:00", null, TimerStatus.AtRisk)]
    [InlineData("a minute before due", "2026-11-23T11:59:00-05:00", null, TimerStatus.AtRisk)]
    [InlineData("at the due minute", "2026-11-23T12:00:00-05:00", null, TimerStatus.Breached)]
    [InlineData("stopped at the due minute", "2026-11-30T09:00:00-05:00", "2026-11-23T12:00:00-05:00", TimerStatus.Met)]
    [InlineData("stopped a minute late", "2026-11-30T09:00:00-05:00", "2026-11-23T12:01:00-05:00", TimerStatus.Breached)]
    [InlineData("stopped early, read before the warning", "2026-11-20T16:30:00-05:00", "2026-11-20T16:10:00-05:00", TimerStatus.Met)]
    public void StatusAt_ReadsRunningAtRiskMetOrBreached(string when, string now, string? stoppedAt, TimerStatus status)
    {
        _ = when;
        var timer = new SlaTimer
        {
            StartedAt = At(FridayAfternoon),
            AtRiskAt = At("2026-11-23T11:00:00-05:00"),
            DueAt = At("2026-11-23T12:00:00-05:00"),
            StoppedAt = stoppedAt is null ? null : At(stoppedAt),
            AttemptsMade = stoppedAt is null ? 0 : 1,
        };

        SlaTimekeeper.StatusAt(timer, At(now)).ShouldBe(status);
    }

    [Fact]
    public void StatusAt_ComparesInstants_NotWallClocks_WhenNowIsInUtc()
    {
        var timer = new LeadStory().HandOff(FridayAfternoon).TimerAt(FridayAfternoon, TimerKind.FirstContact);

        // Noon in New York is 17:00 UTC: 16:59 UTC is still an hour before due and only at risk.
        SlaTimekeeper.StatusAt(timer, At("2026-11-23T16:59:00+00:00")).ShouldBe(TimerStatus.AtRisk);
        SlaTimekeeper.StatusAt(timer, At("2026-11-23T17:00:00+00:00")).ShouldBe(TimerStatus.Breached);
    }
}
