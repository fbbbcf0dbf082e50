using Smarketing.Application.Clocks;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Leads;
using Smarketing.Infrastructure.Demo;
using static Smarketing.UnitTests.Clocks.LeadStory;

namespace Smarketing.UnitTests.Clocks;

/// <summary>
/// Which promises a lead left behind unkept when it moved on (SlaTimekeeper.EndedUnkept): what the lead page says
/// instead of "took 30 min" for a first contact that never happened, or a cadence cut short.
/// </summary>
public sealed class UnkeptPromiseTests
{
    private const string FridayAfternoon = "2026-11-20T16:00:00-05:00";

    private static LeadEvent? EndedUnkept(LeadStory story, string now, TimerKind kind, int cycle = 1) =>
        SlaTimekeeper.EndedUnkept(story.TimerAt(now, kind, cycle), story.Lead.Events);

    [Fact]
    public void ALeadRejectedBeforeAnyContact_LeftItsFirstContactUnkept_AtTheRejection()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00").Reject("2026-11-20T16:30:00-05:00");

        var ended = EndedUnkept(story, "2026-11-23T12:00:00-05:00", TimerKind.FirstContact);

        ended.ShouldNotBeNull();
        ended.Type.ShouldBe(LeadEventType.Rejected);
        ended.At.ShouldBe(At("2026-11-20T16:30:00-05:00"));
    }

    [Fact]
    public void ALeadContactedBeforeItWasRejected_KeptItsFirstContact()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00")
            .Contact("2026-11-20T16:10:00-05:00").Reject("2026-11-20T16:30:00-05:00");

        EndedUnkept(story, "2026-11-23T12:00:00-05:00", TimerKind.FirstContact).ShouldBeNull();
    }

    [Fact]
    public void ALeadStillWithItsRep_HasNotLeftAnyPromiseBehind()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00");

        foreach (var kind in Enum.GetValues<TimerKind>())
        {
            EndedUnkept(story, "2026-11-23T12:00:00-05:00", kind).ShouldBeNull();
        }
    }

    [Fact]
    public void AnUncontactedLeadRejectedAndHandedOffAgain_LeftCycleOnesFirstContactAtTheRejection_WhileCycleTwoStillRuns()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00")
            .Reject("2026-11-20T16:30:00-05:00").HandOff("2026-11-24T09:00:00-05:00");

        EndedUnkept(story, "2026-11-24T10:00:00-05:00", TimerKind.FirstContact)!.Type.ShouldBe(LeadEventType.Rejected);
        EndedUnkept(story, "2026-11-24T10:00:00-05:00", TimerKind.FirstContact, cycle: 2).ShouldBeNull();
    }

    [Fact]
    public void AnUncontactedLeadAcceptedConvertedAndWon_LeftItsFirstContactUnkept_WhenItWasWon()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00").Accept("2026-11-20T16:10:00-05:00")
            .Convert("2026-11-20T16:20:00-05:00").Won("2026-11-20T16:40:00-05:00");

        EndedUnkept(story, "2026-11-23T12:00:00-05:00", TimerKind.FirstContact)!.Type.ShouldBe(LeadEventType.Won);
    }

    [Fact]
    public void AFollowUpCutShortByAConversion_EndedUnkeptThere_ButAFullCadenceWasKept()
    {
        var cutShort = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00").Contact("2026-11-20T16:10:00-05:00")
            .Accept("2026-11-20T16:15:00-05:00").Convert("2026-11-20T16:20:00-05:00");
        var full = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00");
        for (var minute = 10; minute < 40; minute += 5)
        {
            full.Contact($"2026-11-20T16:{minute}:00-05:00");
        }

        full.Reject("2026-11-20T16:45:00-05:00");

        EndedUnkept(cutShort, "2026-11-23T12:00:00-05:00", TimerKind.FollowUp)!.Type.ShouldBe(LeadEventType.Converted);
        EndedUnkept(full, "2026-11-23T12:00:00-05:00", TimerKind.FollowUp).ShouldBeNull();
    }

    [Fact]
    public void ADecisionByRejection_IsKept()
    {
        var story = new LeadStory().HandOff(FridayAfternoon).Claim("2026-11-20T16:05:00-05:00").Reject("2026-11-20T16:30:00-05:00");

        EndedUnkept(story, "2026-11-23T12:00:00-05:00", TimerKind.Decision).ShouldBeNull();
    }

    [Fact]
    public void ABreachedTimersDueLine_SaysWasDue()
    {
        var timer = new LeadStory().HandOff(FridayAfternoon).TimerAt("2026-11-24T09:00:00-05:00", TimerKind.FirstContact);

        SlaClock.Explain(timer, new BusinessClock(DemoAgreement.Version1().Calendar))
            .ShouldBe("Was due Mon 23 Nov 12:00 (America/New_York): 4 business hours after hand-off, weekend skipped.");
    }
}
