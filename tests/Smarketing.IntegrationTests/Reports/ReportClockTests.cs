using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Leads;
using Smarketing.Application.Reports;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Clocks;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>
/// A lead that nobody contacts turns from open to breached in the reports by the clock alone, at the instant its
/// timer reads breached (a contact at that instant would still count as on time). The SLA monitor is off here
/// (Sla:Monitor=false) and never runs, so the report can't be reading the monitor's status.
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
    public async Task ALeadNobodyContacts_IsOpenUntilItsDueTime_AndBreachedFromItsDueInstant_LikeItsTimer_WithoutTheMonitor()
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

        // At the due instant the report reads the lead as the lead page's timer does: breached.
        app.MoveTo(timer.DueAt);
        (await Rep1RowAsync(day)).Breached.ShouldBe(1);
        SlaTimekeeper.StatusAt(timer, app.Now).ShouldBe(TimerStatus.Breached);

        app.MoveTo(timer.DueAt.AddMinutes(1));
        // 0 within, 1 breached: compliance 0/1 = 0.0; nobody contacted, so no percentiles.
        (await Rep1RowAsync(day)).ShouldBe(new ResponseTimeRow(Demo.Rep1, 1, 0, 0, 1, 0, 0.0m, null, null, new ResponseBands(0, 0, 0, 0)));
        (await app.TimerAsync(lead, TimerKind.FirstContact)).Status.ShouldNotBe(TimerStatus.Breached, "the monitor never ran");
    }

    [Fact]
    public async Task ALeadRejectedUncontactedAndHandedOffAgain_WasNeverContacted_SoItsFirstHandOffTurnsBreachedWhenDue()
    {
        _ = app.Services;
        // A Monday at 10:00 New York: an A-lead, 4 business hours, first contact due at 14:00.
        await app.StartQuietMondayAsync();
        var day = LocalTime.DateAt(app.Now, LocalTime.Zone("America/New_York"));
        var lead = await app.HandOffFreshLeadAsync("Rejected-Then-Back");
        await app.ClaimAsync(lead);
        await using (var rep = await app.SignedInAsAsync(Demo.Rep1))
        {
            var rejected = await rep.ServiceProvider.GetRequiredService<LeadService>().RejectAsync(lead, new ReasonRequest { Reason = "No budget" }, Ct);
            rejected.Succeeded.ShouldBeTrue(rejected.Message);
        }

        // Marketing hands it off again at 11:00, which ends the first hand-off's timers; nobody has contacted the lead.
        app.MoveTo(app.Now.AddHours(1));
        await using (var marketing = await app.SignedInAsAsync(SlaAppFactory.Marketing))
        {
            var again = (await marketing.ServiceProvider.GetRequiredService<LeadService>().HandOffAsync(new HandOffRequest { LeadIds = [lead] }, Ct)).Single();
            again.Result.Succeeded.ShouldBeTrue(again.Message);
        }

        var first = await app.TimerAsync(lead, TimerKind.FirstContact);
        first.StoppedAt.ShouldNotBeNull("the second hand-off ended the first one's timers");

        // Two hand-offs, neither contacted, neither due yet: both open, no contact times to rank.
        (await TotalAsync(day)).ShouldBe(new ResponseTimeRow(ReportService.AllLeads, 2, 0, 0, 0, 2, null, null, null, new ResponseBands(0, 0, 0, 0)));

        // 14:00, the first hand-off's due time: it is breached; the second (due 15:00) is still open.
        app.MoveTo(first.DueAt);
        (await TotalAsync(day)).ShouldBe(new ResponseTimeRow(ReportService.AllLeads, 2, 0, 0, 1, 1, 0.0m, null, null, new ResponseBands(0, 0, 0, 0)));
        SlaTimekeeper.StatusAt(first, app.Now).ShouldBe(TimerStatus.Breached);
    }

    private async Task<ResponseTimeRow> TotalAsync(DateOnly day)
    {
        await using var scope = await app.SignedInAsAsync(Demo.Leadership);
        return await scope.ServiceProvider.GetRequiredService<ReportService>().ResponseTotalAsync(day, day, Ct);
    }
}
