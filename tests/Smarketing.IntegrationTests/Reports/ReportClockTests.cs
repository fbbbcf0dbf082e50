using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Reports;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Clocks;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>
/// A lead that nobody contacts turns from open to breached in the reports by the clock alone: the SLA monitor is
/// off here (Sla:Monitor=false) and never runs, so the report can't be reading the monitor's status.
/// </summary>
public sealed class ReportClockTests(SlaAppFactory app) : IClassFixture<SlaAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ResponseTimeRow> Rep1RowAsync(DateOnly day)
    {
        await using var scope = await app.SignedInAsAsync(Demo.Leadership);
        var rows = await scope.ServiceProvider.GetRequiredService<ReportService>().ResponseTimesAsync(day, day, GroupBy.Rep, Ct);
        return rows.Single(r => r.Group == Demo.Rep1);
    }

    [Fact]
    public async Task ALeadNobodyContacts_IsOpenUntilItsDueTime_AndBreachedOnceNowIsPastIt_WithoutTheMonitor()
    {
        // Start the app (and seed the demo leads, all before 14 Sep 2026) before the clock moves on to next Monday.
        _ = app.Services;
        // Monday 21 Sep 10:00 New York: an A-lead, 4 business hours, due at 14:00.
        await app.StartQuietMondayAsync();
        var day = LocalTime.DateAt(app.Now, LocalTime.Zone("America/New_York"));
        var lead = await app.HandOffFreshLeadAsync();
        await app.ClaimAsync(lead);
        var timer = await app.TimerAsync(lead, TimerKind.FirstContact);
        timer.DueAt.ShouldBe(app.Now.AddHours(4));

        app.MoveTo(timer.DueAt.AddMinutes(-1));
        (await Rep1RowAsync(day)).ShouldBe(new ResponseTimeRow(Demo.Rep1, 1, 0, 0, 0, 1, null, null, null, new ResponseBands(0, 0, 0, 0)));

        app.MoveTo(timer.DueAt.AddMinutes(1));
        // 0 within, 1 breached: compliance 0/1 = 0.0; nobody contacted, so no percentiles.
        (await Rep1RowAsync(day)).ShouldBe(new ResponseTimeRow(Demo.Rep1, 1, 0, 0, 1, 0, 0.0m, null, null, new ResponseBands(0, 0, 0, 0)));
        (await app.TimerAsync(lead, TimerKind.FirstContact)).Status.ShouldNotBe(TimerStatus.Breached, "the monitor never ran");
    }
}
