using Smarketing.Application.Reports;
using static Smarketing.IntegrationTests.Reports.ReportApp;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>The funnel, rejection reasons, weekly delivery and drill-down over <see cref="ReportData"/>.</summary>
[Collection(ReportCollection.Name)]
public sealed class FunnelAndDrillTests(ReportApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheFunnel_CountsLeadsCreatedInThePeriod_WithConversionRatesAndMedianDaysBetweenStages()
    {
        var funnel = await app.ReportsAsync(s => s.FunnelAsync(From, To, Ct));

        funnel.ShouldBe(
        [
            // Created in the period: L1 .. L14, N1, N2, M1 = 17 (L0 on 25 Oct and L15 on 30 Nov are outside).
            new FunnelStep("Leads", 17, null, null),
            // All but N1, N2 (country DE): 15/17 = 88.24 -> 88.2.
            new FunnelStep("MQL", 15, 88.2m, null),
            // L1 .. L14 (M1 never): 14/15 = 93.33 -> 93.3; each handed off the minute it was created: 0 days.
            new FunnelStep("Handed off", 14, 93.3m, 0.0),
            // L1, L4, L7, L9, L11: 5/14 = 35.71 -> 35.7. Days from hand-off: L1 10.5 h = 0.44, L11 20 h = 0.83,
            // L9 23.5 h = 0.98, L4 25 h = 1.04, L7 90.5 h = 3.77; the middle one, 0.98 -> 1.0.
            new FunnelStep("Accepted", 5, 35.7m, 1.0),
            // L1, L4, L9: 3/5 = 60.0. Days from acceptance: L9 0.5 h = 0.02, L1 23 h = 0.96, L4 24 h = 1.0; middle 0.96 -> 1.0.
            new FunnelStep("SQL", 3, 60.0m, 1.0),
            // L1: 1/3 = 33.33 -> 33.3; SQL Tue 27 Oct 10:00 to won Fri 30 Oct 10:00 = 3.0 days.
            new FunnelStep("Won", 1, 33.3m, 3.0),
        ]);
    }

    [Fact]
    public async Task RejectionReasons_AreRankedByCount_WithTheirShareAndTheCumulativeShare()
    {
        var reasons = await app.ReportsAsync(s => s.RejectionReasonsAsync(From, To, Ct));

        reasons.ShouldBe(
        [
            // L2, L8: 2 of 3 = 66.67 -> 66.7, cumulative 66.7.
            new ReasonCount("No budget", 2, 66.7m, 66.7m),
            // L5: 1 of 3 = 33.3; cumulative 3/3 = 100.0.
            new ReasonCount("Wrong industry", 1, 33.3m, 100.0m),
        ]);
    }

    [Fact]
    public async Task WeeklyDelivery_CountsHandOffsPerIsoWeek_AgainstTheCommitmentOfTheVersionInForceThatWeek()
    {
        var weeks = await app.ReportsAsync(s => s.WeeklyDeliveryAsync(From, To, Ct));

        weeks.ShouldBe(
        [
            // Weeks judged by version 1 (400 a month): 400 x 7 / 30.4375 = 91.99 -> 92.0.
            // W44: L1 (accepted), L2 (rejected), L3 (undecided).
            new WeeklyDelivery("2026-W44", new DateOnly(2026, 10, 26), 3, 92.0m, 1, 1),
            // W45: L4 (accepted), L5 (rejected), L6 (in the pool).
            new WeeklyDelivery("2026-W45", new DateOnly(2026, 11, 2), 3, 92.0m, 1, 1),
            // W46: L7 (accepted), L8 (rejected).
            new WeeklyDelivery("2026-W46", new DateOnly(2026, 11, 9), 2, 92.0m, 1, 1),
            // From 16 Nov version 2 (450 a month): 450 x 7 / 30.4375 = 103.49 -> 103.5. W47: L9, L11 accepted, L10 undecided.
            new WeeklyDelivery("2026-W47", new DateOnly(2026, 11, 16), 3, 103.5m, 2, 0),
            // W48: L12, L13, L14, none decided yet.
            new WeeklyDelivery("2026-W48", new DateOnly(2026, 11, 23), 3, 103.5m, 0, 0),
        ]);
    }

    [Theory]
    [InlineData(DrillKind.HandedOff, null, new[] { "L1", "L3", "L2", "L4", "L5", "L6", "L7", "L8", "L9", "L10", "L11", "L13", "L12", "L14" })]
    [InlineData(DrillKind.Breached, null, new[] { "L3", "L5", "L6", "L7", "L10", "L13" })]
    [InlineData(DrillKind.Breached, Rep1, new[] { "L3", "L13" })]
    [InlineData(DrillKind.Breached, ReportService.Unclaimed, new[] { "L5", "L6" })]
    [InlineData(DrillKind.ContactedWithinSla, null, new[] { "L1", "L2", "L4", "L8", "L9", "L11", "L12" })]
    [InlineData(DrillKind.Open, null, new[] { "L14" })]
    [InlineData(DrillKind.Contacted, Rep2, new[] { "L7", "L10", "L12" })]
    [InlineData(DrillKind.Accepted, null, new[] { "L1", "L4", "L7", "L9", "L11" })]
    [InlineData(DrillKind.Rejected, null, new[] { "L2", "L5", "L8" })]
    [InlineData(DrillKind.UpToOneHour, null, new[] { "L1", "L8" })]
    [InlineData(DrillKind.OneToFourHours, null, new[] { "L2", "L9", "L10", "L11", "L12" })]
    [InlineData(DrillKind.FourToTwentyFourHours, null, new[] { "L3", "L4", "L5", "L7" })]
    [InlineData(DrillKind.OverTwentyFourHours, null, new string[0])]
    [InlineData(DrillKind.HandedOff, Rep3, new string[0])]
    public async Task ADrillDown_ListsExactlyTheLeadsBehindTheNumber_InHandOffOrder(DrillKind kind, string? owner, string[] expected)
    {
        var leads = await app.ReportsAsync(s => s.DrillAsync(From, To, kind, owner, Ct));

        leads.Select(l => l.Id).ShouldBe(expected.Select(app.Lead));
    }

    [Fact]
    public async Task EveryNumberOfTheRepRows_DrillsDownToThatManyLeads()
    {
        var rows = await app.ReportsAsync(s => s.ResponseTimesAsync(From, To, GroupBy.Rep, Ct));

        foreach (var row in rows)
        {
            foreach (var (kind, number) in new[]
            {
                (DrillKind.HandedOff, row.HandedOff), (DrillKind.Contacted, row.Contacted), (DrillKind.ContactedWithinSla, row.ContactedWithinSla),
                (DrillKind.Breached, row.Breached), (DrillKind.Open, row.Open), (DrillKind.UpToOneHour, row.Bands.UpToOneHour),
                (DrillKind.OneToFourHours, row.Bands.OneToFourHours), (DrillKind.FourToTwentyFourHours, row.Bands.FourToTwentyFourHours),
                (DrillKind.OverTwentyFourHours, row.Bands.OverTwentyFourHours),
            })
            {
                (await app.ReportsAsync(s => s.DrillAsync(From, To, kind, row.Group, Ct))).Count.ShouldBe(number, $"{row.Group} {kind}");
            }
        }
    }
}
