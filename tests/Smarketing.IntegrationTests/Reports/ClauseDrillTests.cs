using Smarketing.Application.Reports;
using static Smarketing.IntegrationTests.Reports.ReportApp;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>
/// Each scorecard row drills down to the leads its clause judged (<see cref="ReportService.ClauseLeadsAsync"/>) over
/// <see cref="ReportData"/>: only the version's leads, only the clause's segment, the missed ones first. The expected
/// leads are the ones named in <see cref="ScorecardTests"/>' worked answers.
/// </summary>
[Collection(ReportCollection.Name)]
public sealed class ClauseDrillTests(ReportApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ClauseLeads> DrillAsync(int version, string title)
    {
        var card = await app.ReportsAsync(s => s.ScorecardAsync(From, To, Ct));
        var row = card.Clauses.Single(c => c.SlaVersions.Single() == version && c.Title == title);
        var drill = await app.ReportsAsync(s => s.ClauseLeadsAsync(From, To, version, row.ClauseId, Ct));
        return drill.ShouldNotBeNull();
    }

    private (Guid Lead, bool Kept, string Outcome)[] Expect(params (string Lead, bool Kept, string Outcome)[] leads) =>
        leads.Select(l => (app.Lead(l.Lead), l.Kept, l.Outcome)).ToArray();

    private static (Guid Lead, bool Kept, string Outcome)[] Listed(ClauseLeads drill) =>
        drill.Leads.Select(l => (l.Lead.Id, l.Kept, l.Outcome)).ToArray();

    [Fact]
    public async Task EveryScorecardRow_DrillsDownToAsManyLeadsAsItsSample_AndTheKeptShareIsItsActual()
    {
        var card = await app.ReportsAsync(s => s.ScorecardAsync(From, To, Ct));

        card.Clauses.Count.ShouldBe(14);
        foreach (var row in card.Clauses)
        {
            var drill = (await app.ReportsAsync(s => s.ClauseLeadsAsync(From, To, row.SlaVersions.Single(), row.ClauseId, Ct))).ShouldNotBeNull();
            var label = $"version {row.SlaVersions.Single()} {row.Title}";
            drill.Leads.Count.ShouldBe(row.SampleSize, label);
            (drill.Kept + drill.Missed).ShouldBe(row.SampleSize, label);
            drill.Leads.Count(l => l.Kept).ShouldBe(drill.Kept, label);
            if (row.Unit == Smarketing.Domain.Agreements.MetricUnit.Percent && row.SampleSize > 0)
            {
                Math.Round(drill.Kept * 100m / row.SampleSize, 1, MidpointRounding.AwayFromZero).ShouldBe(row.Actual!.Value, label);
            }
        }
    }

    [Fact]
    public async Task ASegmentedClause_ListsOnlyItsSegmentsLeads_TheMissedOnesFirst()
    {
        var drill = await DrillAsync(1, "Fast first contact for A-leads");

        // Version 1's A-leads: L5 contacted 30 s late, L6 never contacted and past due; L1, L2, L4, L8 on time.
        Listed(drill).ShouldBe(Expect(
            ("L5", false, "Contacted late"), ("L6", false, "Not contacted by the due time"),
            ("L1", true, "Contacted on time"), ("L2", true, "Contacted on time"), ("L4", true, "Contacted on time"), ("L8", true, "Contacted on time")));
        (drill.Kept, drill.Missed).ShouldBe((4, 2));
        drill.Leads[1].DoneAt.ShouldBeNull();
        drill.Leads[0].DoneAt.ShouldNotBeNull().ShouldBeGreaterThan(drill.Leads[0].DueAt!.Value);
    }

    [Fact]
    public async Task TheFollowUpClause_LeavesOutALeadWhoseFollowUpsAreStillRunning()
    {
        var drill = await DrillAsync(1, "Follow-up cadence");

        // L3 and L6 breached; L1, L2, L4, L5, L8 stopped in time; L7 still running, so not judged yet.
        Listed(drill).ShouldBe(Expect(
            ("L3", false, "Follow-ups not done by the due time"), ("L6", false, "Follow-ups not done by the due time"),
            ("L1", true, "Follow-ups done on time"), ("L2", true, "Follow-ups done on time"), ("L4", true, "Follow-ups done on time"),
            ("L5", true, "Follow-ups done on time"), ("L8", true, "Follow-ups done on time")));
    }

    [Fact]
    public async Task TheRateClauses_ListTheDecidedOrClosedLeads_WithWhatBecameOfThem()
    {
        Listed(await DrillAsync(1, "Win rate")).ShouldBe(Expect(("L4", false, "Lost"), ("L1", true, "Won")));
        Listed(await DrillAsync(1, "Lead quality")).ShouldBe(Expect(
            ("L2", false, "Rejected"), ("L5", false, "Rejected"), ("L8", false, "Rejected"),
            ("L1", true, "Accepted"), ("L4", true, "Accepted"), ("L7", true, "Accepted")));
        Listed(await DrillAsync(2, "Win rate")).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheVolumeClause_ListsOnlyTheLeadsItsVersionJudged()
    {
        var drill = await DrillAsync(2, "Monthly MQL volume");

        // Version 2 took effect on 16 Nov: L9 .. L14, in hand-off order.
        Listed(drill).ShouldBe(Expect(
            ("L9", true, "Handed off"), ("L10", true, "Handed off"), ("L11", true, "Handed off"),
            ("L13", true, "Handed off"), ("L12", true, "Handed off"), ("L14", true, "Handed off")));
        (drill.Version, drill.Title, drill.Owner).ShouldBe((2, "Monthly MQL volume", Smarketing.Domain.Agreements.Department.Marketing));
    }

    [Fact]
    public async Task AClauseThatIsNotInTheVersion_OrAVersionNeverAdopted_HasNoDrillDown()
    {
        var card = await app.ReportsAsync(s => s.ScorecardAsync(From, To, Ct));
        var clause = card.Clauses.First().ClauseId;

        (await app.ReportsAsync(s => s.ClauseLeadsAsync(From, To, 1, Guid.NewGuid(), Ct))).ShouldBeNull();
        (await app.ReportsAsync(s => s.ClauseLeadsAsync(From, To, 99, clause, Ct))).ShouldBeNull();
    }
}
