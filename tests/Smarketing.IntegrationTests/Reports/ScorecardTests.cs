using Smarketing.Application.Reports;
using Smarketing.Domain.Agreements;
using static Smarketing.IntegrationTests.Reports.ReportApp;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>
/// The two-sided scorecard (product.md, reports/scorecard) over <see cref="ReportData"/>: every clause of each
/// version that judged leads in the period, with the leads that version judged (L1 .. L8 by version 1, L9 .. L14
/// by version 2). Count targets are prorated over the days the version was in force in the period:
/// version 1 from 26 Oct to 15 Nov (21 days), version 2 from 16 Nov to 29 Nov (14 days); a month is 30.4375 days.
/// </summary>
[Collection(ReportCollection.Name)]
public sealed class ScorecardTests(ReportApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (int Version, string Title, Department Owner, decimal Target, decimal? Actual, bool? Met, int Sample) Row(ScorecardRow r) =>
        (r.SlaVersions.ShouldHaveSingleItem(), r.Title, r.Owner, r.Target, r.Actual, r.Met, r.SampleSize);

    [Fact]
    public async Task APeriodSpanningTheVersionChange_ShowsEachVersionsClauses_JudgedOnlyByTheLeadsThatVersionJudged()
    {
        var card = await app.ReportsAsync(s => s.ScorecardAsync(From, To, Ct));

        (card.From, card.To).ShouldBe((From, To));
        card.Clauses.Select(Row).ShouldBe(
        [
            // Version 1: L1 .. L8.
            // 8 handed off; target 400 x 21 / 30.4375 = 275.98 -> 276.0; 8 < 276: missed.
            (1, "Monthly MQL volume", Department.Marketing, 276.0m, 8m, false, 8),
            // accepted L1, L4, L7 of decided L1, L4, L7 + rejected L2, L5, L8: 3/6 = 50.0 < 70.
            (1, "Lead quality", Department.Marketing, 70m, 50.0m, false, 6),
            // A-leads L1, L2, L4, L8 within; L5 (30 s late), L6 (never contacted, past due) breached: 4/6 = 66.67 -> 66.7.
            (1, "Fast first contact for A-leads", Department.Sales, 95m, 66.7m, false, 6),
            // all: within L1, L2, L4, L8; breached L3, L5, L6, L7: 4/8 = 50.0.
            (1, "First contact on time", Department.Sales, 90m, 50.0m, false, 8),
            // decision within 2 business days: met L1, L2, L4, L5, L7, L8; breached L3 (due Fri 30 Oct 10:00), L6 (due
            // Fri 6 Nov 10:00), neither ever decided: 6/8 = 75.0.
            (1, "Accept or reject within the budget", Department.Sales, 90m, 75.0m, false, 8),
            // follow-up (6 attempts in 10 business days), stopped in time by converting (L1, L4) or rejecting (L2, L5,
            // L8): met 5; L3 (due Wed 11 Nov 10:00) and L6 (due Wed 18 Nov 10:00) breached; L7 still running (due Mon
            // 30 Nov 16:30, now 09:30, after two holidays): not counted. 5/7 = 71.43 -> 71.4.
            (1, "Follow-up cadence", Department.Sales, 85m, 71.4m, false, 7),
            // closed: L1 won, L4 lost: 1/2 = 50.0 >= 25: met.
            (1, "Win rate", Department.Sales, 25m, 50.0m, true, 2),

            // Version 2: L9 .. L14.
            // 6 handed off; target 450 x 14 / 30.4375 = 206.98 -> 207.0.
            (2, "Monthly MQL volume", Department.Marketing, 207.0m, 6m, false, 6),
            // accepted L9, L11; none rejected: 2/2 = 100.0.
            (2, "Lead quality", Department.Marketing, 70m, 100.0m, true, 2),
            // A-leads (2 business hours now): L9, L12 within; L10 (180 > 120), L13 (past due) breached; L14 open: 2/4 = 50.0.
            (2, "Fast first contact for A-leads", Department.Sales, 95m, 50.0m, false, 4),
            // all: within L9, L11, L12; breached L10, L13: 3/5 = 60.0.
            (2, "First contact on time", Department.Sales, 90m, 60.0m, false, 5),
            // decision: L9, L11 met; L10 breached (due Wed 18 Nov 17:00); L12 (due Tue 1 Dec 16:00), L13 (due Mon 30 Nov
            // 10:00, over the holidays) and L14 still running: 2/3 = 66.67 -> 66.7.
            (2, "Accept or reject within the budget", Department.Sales, 90m, 66.7m, false, 3),
            // follow-up: only L9 stopped (converted Tue 17 Nov 10:00), in time; the rest still running: 1/1 = 100.0.
            (2, "Follow-up cadence", Department.Sales, 85m, 100.0m, true, 1),
            // nothing closed among L9 .. L14: no actual, neither met nor missed.
            (2, "Win rate", Department.Sales, 25m, null, null, 0),
        ]);
        card.Clauses.Select(c => c.Unit).Distinct().Order().ShouldBe([MetricUnit.Count, MetricUnit.Percent]);
    }

    [Fact]
    public async Task APeriodBeforeTheChange_ShowsOnlyVersion1_WithItsTargetProratedOverThePeriod()
    {
        // 26 Oct .. 8 Nov: L1 .. L6, all version 1.
        var card = await app.ReportsAsync(s => s.ScorecardAsync(From, new DateOnly(2026, 11, 8), Ct));

        card.Clauses.Select(c => c.SlaVersions.Single()).Distinct().ShouldBe([1]);
        var rows = card.Clauses.ToDictionary(c => c.Title, Row);
        // 14 days: 400 x 14 / 30.4375 = 183.98 -> 184.0; 6 delivered.
        rows["Monthly MQL volume"].ShouldBe((1, "Monthly MQL volume", Department.Marketing, 184.0m, 6m, false, 6));
        // within L1, L2, L4; breached L3, L5, L6: 3/6 = 50.0.
        rows["First contact on time"].ShouldBe((1, "First contact on time", Department.Sales, 90m, 50.0m, false, 6));
        // A-leads L1, L2, L4 within; L5, L6 breached: 3/5 = 60.0.
        rows["Fast first contact for A-leads"].ShouldBe((1, "Fast first contact for A-leads", Department.Sales, 95m, 60.0m, false, 5));
        // accepted L1, L4; rejected L2, L5: 2/4 = 50.0.
        rows["Lead quality"].ShouldBe((1, "Lead quality", Department.Marketing, 70m, 50.0m, false, 4));
    }

    [Fact]
    public async Task AProratedTarget_CarriesTheTargetTheAgreementStates_AndTheDaysItWasScaledTo()
    {
        // 10 Oct .. 8 Nov, 30 days, all version 1: 400 a month x 30 / 30.4375 = 394.25 -> 394.3.
        var card = await app.ReportsAsync(s => s.ScorecardAsync(new DateOnly(2026, 10, 10), new DateOnly(2026, 11, 8), Ct));

        var volume = card.Clauses.Single(c => c.Title == "Monthly MQL volume");
        volume.Target.ShouldBe(394.3m);
        volume.Prorated.ShouldBe(new ProratedTarget(400m, Period.Month, 30));
        card.Clauses.Where(c => c.Unit == MetricUnit.Percent).ShouldAllBe(c => c.Prorated == null, "a percentage is the agreement's own target");
    }

    [Fact]
    public async Task AWeekAfterTheChangeWithNoLeads_ShowsTheVersionInForce_WithNothingToJudge()
    {
        // Mon 7 .. Sun 13 Dec: no lead handed off; version 2 in force.
        var card = await app.ReportsAsync(s => s.ScorecardAsync(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 13), Ct));

        card.Clauses.Select(Row).ShouldBe(
        [
            // 450 x 7 / 30.4375 = 103.49 -> 103.5; none delivered: 0, missed.
            (2, "Monthly MQL volume", Department.Marketing, 103.5m, 0m, false, 0),
            (2, "Lead quality", Department.Marketing, 70m, null, null, 0),
            (2, "Fast first contact for A-leads", Department.Sales, 95m, null, null, 0),
            (2, "First contact on time", Department.Sales, 90m, null, null, 0),
            (2, "Accept or reject within the budget", Department.Sales, 90m, null, null, 0),
            (2, "Follow-up cadence", Department.Sales, 85m, null, null, 0),
            (2, "Win rate", Department.Sales, 25m, null, null, 0),
        ]);
    }
}
