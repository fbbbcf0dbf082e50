using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Reports;
using Smarketing.Domain.Clocks;
using static Smarketing.IntegrationTests.Reports.ReportApp;

namespace Smarketing.IntegrationTests.Reports;

[CollectionDefinition(Name)]
public sealed class ReportCollection : ICollectionFixture<ReportApp>
{
    public const string Name = "Reports over the hand-made data set";
}

/// <summary>
/// The response-time report (product.md, reports/response-times) over the data set of <see cref="ReportData"/>;
/// every expected number is worked out by hand next to it.
/// </summary>
[Collection(ReportCollection.Name)]
public sealed class ResponseTimeReportTests(ReportApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ResponseBands Bands(int upToOneHour, int oneToFour, int fourToTwentyFour, int overTwentyFour) =>
        new(upToOneHour, oneToFour, fourToTwentyFour, overTwentyFour);

    [Fact]
    public async Task TheDataSet_HasTheFirstContactTimersTheTableSays_SoTheExpectedNumbersRestOnThem()
    {
        await using var db = app.OpenDatabase();
        var timers = await db.SlaTimers.AsNoTracking().Where(t => t.Kind == TimerKind.FirstContact && app.Leads.Values.Contains(t.LeadId)).ToListAsync(Ct);
        var byLead = app.Leads.Where(l => timers.Any(t => t.LeadId == l.Value))
            .ToDictionary(l => l.Key, l => timers.Single(t => t.LeadId == l.Value));

        // (version, due, business minutes to first contact; null = not contacted)
        var expected = new Dictionary<string, (int Version, DateTimeOffset Due, long? Minutes)>
        {
            ["L0"] = (1, NewYork(10, 26, 13, 0), 30),
            ["L1"] = (1, NewYork(10, 26, 13, 0), 45),    // 09:00 .. 09:45:30 = 45.5 min, floored
            ["L2"] = (1, NewYork(11, 2, 11, 0), 210),    // Fri 15:00-17:00 EDT = 120, Mon 09:00-10:30 EST = 90
            ["L3"] = (1, NewYork(10, 29, 10, 0), 840),   // B: 480 min budget; Wed 10-17 = 420 + Thu 09-16 = 420
            ["L4"] = (1, NewYork(11, 2, 13, 0), 240),
            ["L5"] = (1, NewYork(11, 3, 13, 0), 240),    // 240.5 floored; stopped 30 s after due
            ["L6"] = (1, NewYork(11, 4, 14, 0), null),
            ["L7"] = (1, NewYork(11, 13, 16, 30), 525),  // Thu 30 + Fri 480 + Mon 15; judged by v1 although contacted under v2
            ["L8"] = (1, NewYork(11, 13, 13, 0), 20),
            ["L9"] = (2, NewYork(11, 16, 12, 0), 90),    // v2: A-leads 120 min
            ["L10"] = (2, NewYork(11, 17, 11, 0), 180),
            ["L11"] = (2, NewYork(11, 19, 14, 0), 180),  // B: Wed 14-17 = 180, Thu 09-14 = 300 -> due; contacted Thu 09:00 = 180
            ["L12"] = (2, NewYork(11, 30, 10, 0), 60),   // Wed 16-17 = 60, Thu/Fri holidays, weekend, Mon 09-10 = 60 more -> due
            ["L13"] = (2, NewYork(11, 24, 12, 0), null),
            ["L14"] = (2, NewYork(11, 30, 11, 0), null), // Sunday 23:00: the clock starts Mon 09:00
            ["L15"] = (2, NewYork(11, 30, 11, 0), null),
        };
        byLead.Keys.Order().ShouldBe(expected.Keys.Order());
        foreach (var (name, (version, due, minutes)) in expected)
        {
            var timer = byLead[name];
            (timer.SlaVersion, timer.DueAt, timer.BusinessMinutesElapsed).ShouldBe((version, due, minutes), name);
        }

        byLead["L5"].StoppedAt.ShouldBe(NewYork(11, 3, 13, 0, 30));
        byLead["L1"].StoppedAt.ShouldBe(NewYork(10, 26, 9, 45, 30));
    }

    [Fact]
    public async Task GroupedByRep_EveryRepHasARow_TheRepWithNoLeadsShowsZerosAndNulls_AndLeadsWithoutAnOwnerCountAsUnclaimed()
    {
        var rows = await app.ReportsAsync(s => s.ResponseTimesAsync(From, To, GroupBy.Rep, Ct));

        rows.ShouldBe(
        [
            // rep1: L1 45 within, L3 840 breached, L4 240 within, L9 90 within, L11 180 within, L13 no contact, past due.
            // within 4, breached 2 (L3, L13), open 0; compliance 4/6 = 66.67 -> 66.7.
            // contacted 45, 90, 180, 240, 840 (n = 5): p50 = ceil(2.5) = 3rd = 180; p90 = ceil(4.5) = 5th = 840.
            // bands: <60: 45; 60-239: 90, 180; 240-1439: 240, 840.
            new ResponseTimeRow(Rep1, 6, 5, 4, 2, 0, 66.7m, 180, 840, Bands(1, 2, 2, 0)),
            // rep2: L7 525 breached, L10 180 breached, L12 60 within (L2, L5 were rejected: no owner any more).
            // compliance 1/3 = 33.33 -> 33.3; sorted 60, 180, 525: p50 = ceil(1.5) = 2nd = 180; p90 = ceil(2.7) = 3rd = 525.
            new ResponseTimeRow(Rep2, 3, 3, 1, 2, 0, 33.3m, 180, 525, Bands(0, 2, 1, 0)),
            // rep3: no lead in the period.
            new ResponseTimeRow(Rep3, 0, 0, 0, 0, 0, null, null, null, Bands(0, 0, 0, 0)),
            // (unclaimed): L2 210 within, L5 240 breached, L8 20 within (all three rejected), L6 in the pool past due
            // (breached), L14 in the pool not yet due (open). within 2, breached 2: 50.0.
            // sorted 20, 210, 240: p50 = 2nd = 210; p90 = ceil(2.7) = 3rd = 240.
            new ResponseTimeRow(ReportService.Unclaimed, 5, 3, 2, 2, 1, 50.0m, 210, 240, Bands(1, 1, 1, 0)),
        ]);
    }

    [Fact]
    public async Task GroupedByTeam_EastHasRep1AndRep2_WestHasOnlyTheRepWithNoLeads()
    {
        var rows = await app.ReportsAsync(s => s.ResponseTimesAsync(From, To, GroupBy.Team, Ct));

        rows.ShouldBe(
        [
            // East = rep1 (6) + rep2 (3) = 9 handed off; contacted 5 + 3 = 8; within 4 + 1 = 5; breached 2 + 2 = 4;
            // compliance 5/9 = 55.56 -> 55.6. Sorted 45, 60, 90, 180, 180, 240, 525, 840 (n = 8):
            // p50 = ceil(4) = 4th = 180; p90 = ceil(7.2) = 8th = 840. Bands: 45 | 60, 90, 180, 180 | 240, 525, 840.
            new ResponseTimeRow("East", 9, 8, 5, 4, 0, 55.6m, 180, 840, Bands(1, 4, 3, 0)),
            new ResponseTimeRow("West", 0, 0, 0, 0, 0, null, null, null, Bands(0, 0, 0, 0)),
            new ResponseTimeRow(ReportService.Unclaimed, 5, 3, 2, 2, 1, 50.0m, 210, 240, Bands(1, 1, 1, 0)),
        ]);
    }

    [Fact]
    public async Task GroupedByWeek_EachIsoWeekOfThePeriodHasARow_ByTheLocalDateOfTheHandOff()
    {
        var rows = await app.ReportsAsync(s => s.ResponseTimesAsync(From, To, GroupBy.Week, Ct));

        rows.ShouldBe(
        [
            // W44 (Mon 26 Oct .. Sun 1 Nov, the DST week): L1 45 within, L3 840 breached, L2 210 within.
            // 2/3 = 66.7; sorted 45, 210, 840: p50 = 2nd = 210, p90 = 3rd = 840.
            new ResponseTimeRow("2026-W44", 3, 3, 2, 1, 0, 66.7m, 210, 840, Bands(1, 1, 1, 0)),
            // W45: L4 240 within, L5 240 breached, L6 not contacted, past due. 1/3 = 33.3; 240, 240: p50 = 1st, p90 = 2nd.
            new ResponseTimeRow("2026-W45", 3, 2, 1, 2, 0, 33.3m, 240, 240, Bands(0, 0, 2, 0)),
            // W46: L7 525 breached, L8 20 within. 1/2 = 50.0; 20, 525: p50 = ceil(1) = 1st = 20, p90 = ceil(1.8) = 2nd = 525.
            new ResponseTimeRow("2026-W46", 2, 2, 1, 1, 0, 50.0m, 20, 525, Bands(1, 0, 1, 0)),
            // W47 (version 2): L9 90 within, L10 180 breached, L11 180 within. 2/3 = 66.7; 90, 180, 180: p50 = 2nd, p90 = 3rd.
            new ResponseTimeRow("2026-W47", 3, 3, 2, 1, 0, 66.7m, 180, 180, Bands(0, 3, 0, 0)),
            // W48 (the Thanksgiving holidays): L12 60 within, L13 past due, L14 open. 1/2 = 50.0; one value: 60.
            new ResponseTimeRow("2026-W48", 3, 1, 1, 1, 1, 50.0m, 60, 60, Bands(0, 1, 0, 0)),
        ]);
    }

    [Fact]
    public async Task APeriodStartingMidweek_ClipsItsFirstAndLastIsoWeeksToThePeriod()
    {
        // Wed 28 Oct .. Tue 3 Nov: W44 keeps 28 Oct .. 1 Nov (L3, L2; L1 on Mon 26 Oct is outside), W45 keeps 2 .. 3 Nov (L4, L5).
        var rows = await app.ReportsAsync(s => s.ResponseTimesAsync(new DateOnly(2026, 10, 28), new DateOnly(2026, 11, 3), GroupBy.Week, Ct));

        rows.ShouldBe(
        [
            // L3 840 breached, L2 210 within: 1/2 = 50.0; sorted 210, 840: p50 = ceil(1) = 1st = 210, p90 = ceil(1.8) = 2nd = 840.
            new ResponseTimeRow("2026-W44", 2, 2, 1, 1, 0, 50.0m, 210, 840, Bands(0, 1, 1, 0)),
            // L4 240 within (at due), L5 240 breached (30 s late): 1/2 = 50.0.
            new ResponseTimeRow("2026-W45", 2, 2, 1, 1, 0, 50.0m, 240, 240, Bands(0, 0, 2, 0)),
        ]);
    }

    [Fact]
    public void IsoWeekLabels_FollowTheIsoYear_Across53WeekYears()
    {
        // 1 Jan 2026 is a Thursday, so 2026 has 53 ISO weeks: Mon 28 Dec 2026 .. Sun 3 Jan 2027 is 2026-W53.
        ReportService.IsoWeeks(new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 5)).ShouldBe(
        [
            ("2026-W53", new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 3)),
            ("2027-W01", new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 5)),
        ]);
    }

    [Fact]
    public async Task TheWeekRowsAddUpToTheRepRows()
    {
        var weeks = await app.ReportsAsync(s => s.ResponseTimesAsync(From, To, GroupBy.Week, Ct));
        var reps = await app.ReportsAsync(s => s.ResponseTimesAsync(From, To, GroupBy.Rep, Ct));

        // 14 leads handed off in the period: L1 .. L14.
        (weeks.Sum(w => w.HandedOff), reps.Sum(r => r.HandedOff)).ShouldBe((14, 14));
        (weeks.Sum(w => w.Contacted), weeks.Sum(w => w.ContactedWithinSla), weeks.Sum(w => w.Breached), weeks.Sum(w => w.Open))
            .ShouldBe((reps.Sum(r => r.Contacted), reps.Sum(r => r.ContactedWithinSla), reps.Sum(r => r.Breached), reps.Sum(r => r.Open)));
    }

    [Fact]
    public async Task OneWeekAcrossTheDaylightSavingChange_CountsTheFridayLeadByItsBusinessMinutes_NotItsWallClockHours()
    {
        // Fri 30 Oct 15:00 EDT (19:00Z) to Mon 2 Nov 10:30 EST (15:30Z) is 68.5 wall-clock hours (67.5 + the extra hour);
        // in business time: Fri 15:00-17:00 = 120 + Mon 09:00-10:30 = 90 = 210, inside the 240 budget.
        var rows = await app.ReportsAsync(s => s.ResponseTimesAsync(new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 30), GroupBy.Week, Ct));

        rows.ShouldBe([new ResponseTimeRow("2026-W44", 1, 1, 1, 0, 0, 100.0m, 210, 210, Bands(0, 1, 0, 0))]);
    }

    [Fact]
    public async Task ALeadHandedOffLateOnSunday_BelongsToItsLocalDate_NotItsUtcDate()
    {
        // L14: Sun 29 Nov 23:00 EST = Mon 30 Nov 04:00Z. L15: Mon 30 Nov 00:30 EST. L0: Sun 25 Oct 23:30 EDT = Mon 26 Oct 03:30Z.
        var sunday = await app.ReportsAsync(s => s.ResponseTimesAsync(To, To, GroupBy.Week, Ct));
        var monday = await app.ReportsAsync(s => s.ResponseTimesAsync(To.AddDays(1), To.AddDays(1), GroupBy.Week, Ct));
        var dayBefore = await app.ReportsAsync(s => s.ResponseTimesAsync(From.AddDays(-1), From.AddDays(-1), GroupBy.Week, Ct));

        // Sunday 29 Nov: only L14, open (due Mon 11:00, now Mon 09:30).
        sunday.ShouldBe([new ResponseTimeRow("2026-W48", 1, 0, 0, 0, 1, null, null, null, Bands(0, 0, 0, 0))]);
        // Monday 30 Nov: only L15, open too.
        monday.ShouldBe([new ResponseTimeRow("2026-W49", 1, 0, 0, 0, 1, null, null, null, Bands(0, 0, 0, 0))]);
        // Sunday 25 Oct: only L0, contacted after 30 business minutes.
        dayBefore.ShouldBe([new ResponseTimeRow("2026-W43", 1, 1, 1, 0, 0, 100.0m, 30, 30, Bands(1, 0, 0, 0))]);
    }

    [Fact]
    public async Task ALeadContactedAfterItsDueTime_CountsAsBreached_EvenWhenItsWholeMinutesEqualTheBudget()
    {
        // Tue 3 Nov: L5 only, contacted at 13:00:30 against a 13:00:00 due time: 240 whole minutes, yet 30 s late.
        var rows = await app.ReportsAsync(s => s.ResponseTimesAsync(new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 3), GroupBy.Rep, Ct));

        rows.Single(r => r.Group == ReportService.Unclaimed)
            .ShouldBe(new ResponseTimeRow(ReportService.Unclaimed, 1, 1, 0, 1, 0, 0.0m, 240, 240, Bands(0, 0, 1, 0)));
    }

    [Fact]
    public async Task ALeadContactedExactlyAtItsDueTime_IsWithinTheSla()
    {
        // Mon 2 Nov: L4 (rep1), handed off 09:00, contacted 13:00:00 = its due time.
        var rows = await app.ReportsAsync(s => s.ResponseTimesAsync(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), GroupBy.Rep, Ct));

        rows.Single(r => r.Group == Rep1).ShouldBe(new ResponseTimeRow(Rep1, 1, 1, 1, 0, 0, 100.0m, 240, 240, Bands(0, 0, 1, 0)));
    }
}
