using AngleSharp.Dom;
using Smarketing.Application.Leads;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Leads;
using Smarketing.Web.Components.Pages.Leads;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Leads.Lists;

/// <summary>
/// What a rep sees in My leads: the leads in the order given (the page puts the deadline that runs out first on top),
/// rows that turn amber at risk and red once breached, each saying so in words, and a Claim button per lead in the pool.
/// </summary>
public sealed class QueueTableTests : ComponentTest
{
    private static readonly LeadSummary Breached = Lead("Bruno", "Behind");
    private static readonly LeadSummary AtRisk = Lead("Rita", "Risky");
    private static readonly LeadSummary OnTrack = Lead("Otto", "Ontime");

    private static readonly Dictionary<Guid, SlaTimer> Timers = new()
    {
        [Breached.Id] = Timer(Breached, atRiskIn: TimeSpan.FromHours(-2), dueIn: TimeSpan.FromHours(-1)),
        [AtRisk.Id] = Timer(AtRisk, atRiskIn: TimeSpan.FromMinutes(-10), dueIn: TimeSpan.FromMinutes(50)),
        [OnTrack.Id] = Timer(OnTrack, atRiskIn: TimeSpan.FromHours(2), dueIn: TimeSpan.FromHours(3)),
    };

    private static LeadSummary Lead(string first, string last) => new(
        Guid.NewGuid(), $"{first} {last}", $"{first.ToLowerInvariant()}@example.test", $"{last} Ltd", "IT Director", LeadStage.Claimed,
        true, 80, "A", "rep1@demo.test", "Webinar", Now.AddDays(-3), Now.AddHours(-5), null, null);

    private static SlaTimer Timer(LeadSummary lead, TimeSpan atRiskIn, TimeSpan dueIn) => new()
    {
        LeadId = lead.Id, Cycle = 1, Kind = TimerKind.FirstContact, Clause = "First contact within 4 business hours",
        StartedAt = Now.AddHours(-5), AtRiskAt = Now + atRiskIn, DueAt = Now + dueIn,
    };

    private IRenderedComponent<QueueTable> RenderQueue(string label = "My open leads") =>
        Render<QueueTable>(p => p
            .Add(x => x.Leads, [Breached, AtRisk, OnTrack])
            .Add(x => x.Label, label)
            .Add(x => x.Timers, Timers));

    private static IElement Row(IRenderedComponent<QueueTable> queue, string name) =>
        queue.FindAll("tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));

    [Fact]
    public void TheRepSeesTheLeadsInTheOrderGiven_MostUrgentFirst()
    {
        var queue = RenderQueue();

        queue.FindAll("tbody tr a").Select(a => a.TextContent.Trim()).ShouldBe(["Bruno Behind", "Rita Risky", "Otto Ontime"]);
    }

    [Fact]
    public void EachLeadLinksToItsPage()
    {
        var queue = RenderQueue();

        Row(queue, "Rita Risky").QuerySelector("a")!.GetAttribute("href").ShouldBe($"/leads/{AtRisk.Id}");
    }

    [Fact]
    public void ABreachedLead_ReadsRed_AndSaysWhenItWasDue()
    {
        var row = Row(RenderQueue(), "Bruno Behind");

        row.ClassList.ShouldContain("clock-breached");
        row.QuerySelector(".timer-badge")!.TextContent.Trim().ShouldBe("Breached");
        row.QuerySelector(".deadline")!.TextContent.ShouldStartWith("First contact was due ");
    }

    [Fact]
    public void ALeadAtRisk_ReadsAmber_AndSaysAtRisk()
    {
        var row = Row(RenderQueue(), "Rita Risky");

        row.ClassList.ShouldContain("clock-atrisk");
        row.QuerySelector(".timer-badge")!.TextContent.Trim().ShouldBe("At risk");
        row.QuerySelector(".deadline")!.TextContent.ShouldStartWith("First contact by ");
    }

    [Fact]
    public void ALeadOnTrack_HasNoWarningColour()
    {
        var row = Row(RenderQueue(), "Otto Ontime");

        row.ClassList.ShouldNotContain("clock-atrisk");
        row.ClassList.ShouldNotContain("clock-breached");
        row.QuerySelector(".timer-badge")!.TextContent.Trim().ShouldBe("On track");
    }

    [Fact]
    public void ARowTurnsAtRisk_WhenItsMinuteComes_OnTheNextRedraw()
    {
        var queue = RenderQueue();
        Row(queue, "Otto Ontime").ClassList.ShouldNotContain("clock-atrisk");

        Clock.Advance(TimeSpan.FromHours(2));
        queue.Render();

        Row(queue, "Otto Ontime").ClassList.ShouldContain("clock-atrisk");
        Row(queue, "Rita Risky").ClassList.ShouldContain("clock-breached");
    }

    [Fact]
    public void TheTableIsNamed_AndItsColumnsHaveHeaders()
    {
        var queue = RenderQueue();

        queue.Find("[aria-label='My open leads'] table").ShouldNotBeNull();
        queue.FindAll("thead th").Select(th => th.TextContent.Trim())
            .ShouldBe(["Lead", "Company", "Job title", "Grade", "Stage", "Handed off", "Next deadline"]);
    }

    [Fact]
    public void HowLongALeadHasWaited_ReadsInPlainWords()
    {
        var row = Row(RenderQueue(), "Otto Ontime");

        row.TextContent.ShouldContain("5 h ago");
    }

    [Fact]
    public void MyOwnQueue_HasNoClaimButtons()
    {
        RenderQueue().FindAll("button").Where(b => b.TextContent.Contains("Claim", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void InThePool_EachLeadHasAClaimButtonNamedForIt_WhichClaimsThatLead()
    {
        LeadSummary? claimed = null;
        var pool = Render<QueueTable>(p => p
            .Add(x => x.Leads, [AtRisk, OnTrack])
            .Add(x => x.Label, "Unclaimed leads")
            .Add(x => x.Claim, (LeadSummary lead) => claimed = lead));

        pool.Find("button[aria-label='Claim Otto Ontime']").Click();

        claimed.ShouldBe(OnTrack);
        pool.FindAll("thead th").Select(th => th.TextContent.Trim()).ShouldContain("Action");
    }

    [Fact]
    public void WhileOneLeadIsBeingClaimed_EveryClaimButtonWaits()
    {
        var pool = Render<QueueTable>(p => p
            .Add(x => x.Leads, [AtRisk, OnTrack])
            .Add(x => x.Label, "Unclaimed leads")
            .Add(x => x.Claim, (LeadSummary _) => { })
            .Add(x => x.ClaimingId, OnTrack.Id));

        pool.Find("button[aria-label='Claim Otto Ontime']").TextContent.Trim().ShouldBe("Claiming…");
        pool.FindAll("button[aria-label^='Claim ']").ShouldAllBe(b => b.HasAttribute("disabled"));
    }
}
