using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Leads;
using Smarketing.Application.Reports;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Clocks;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>
/// The reports read a lead's owner, grade, persona and outcome from copies on its timers (so they never join to
/// Leads). These copies must follow the lead after its timers have stopped: a reassignment, a rejection, an edit.
/// </summary>
public sealed class ReportLeadFactsTests(SlaAppFactory app) : IClassFixture<SlaAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly Today => LocalTime.DateAt(app.Now, LocalTime.Zone("America/New_York"));

    private async Task<IReadOnlyList<ResponseTimeRow>> ByRepAsync(DateOnly day)
    {
        await using var scope = await app.SignedInAsAsync(Demo.Leadership);
        return await scope.ServiceProvider.GetRequiredService<ReportService>().ResponseTimesAsync(day, day, GroupBy.Rep, Ct);
    }

    [Fact]
    public async Task ALeadReassignedAfterItsFirstContact_CountsForItsNewOwner_AndARejectionReachesItsStoppedTimers()
    {
        _ = app.Services;
        await app.StartQuietMondayAsync();
        var lead = await app.HandOffFreshLeadAsync("Reassigned");
        await app.ClaimAsync(lead);
        app.MoveTo(app.Now.AddMinutes(30));
        await app.LogContactAsync(lead);
        (await app.TimerAsync(lead, TimerKind.FirstContact)).IsStopped.ShouldBeTrue();

        await using (var manager = await app.SignedInAsAsync(SlaAppFactory.SalesManager))
        {
            var moved = await manager.ServiceProvider.GetRequiredService<LeadService>()
                .ReassignAsync(lead, new ReassignRequest { OwnerEmail = Demo.Rep2, Reason = "Rep 1 is on leave" }, Ct);
            moved.Succeeded.ShouldBeTrue(moved.Message);
        }

        var rows = await ByRepAsync(Today);
        rows.Single(r => r.Group == Demo.Rep2).HandedOff.ShouldBe(1);
        rows.Single(r => r.Group == Demo.Rep2).ContactedWithinSla.ShouldBe(1);
        rows.Single(r => r.Group == Demo.Rep1).HandedOff.ShouldBe(0);

        await using (var rep2 = await app.SignedInAsAsync(Demo.Rep2))
        {
            var rejected = await rep2.ServiceProvider.GetRequiredService<LeadService>().RejectAsync(lead, new ReasonRequest { Reason = "No budget" }, Ct);
            rejected.Succeeded.ShouldBeTrue(rejected.Message);
        }

        var timer = await app.TimerAsync(lead, TimerKind.FirstContact);
        timer.LeadRejected.ShouldBeTrue();
        timer.LeadAccepted.ShouldBeFalse();
    }

    [Fact]
    public async Task EditingAHandedOffLead_GivesItsTimersTheLeadsNewGradeAndPersona()
    {
        _ = app.Services;
        await app.StartQuietMondayAsync();
        var id = await app.HandOffFreshLeadAsync("Edited");
        (await app.TimerAsync(id, TimerKind.FirstContact)).LeadGrade.ShouldBe("A");

        await using var marketing = await app.SignedInAsAsync(SlaAppFactory.Marketing);
        var leads = marketing.ServiceProvider.GetRequiredService<LeadService>();
        var lead = (await leads.GetAsync(id, Ct))!.Lead;
        var edited = await leads.UpdateAsync(new UpdateLeadRequest
        {
            Id = id, Revision = lead.Revision, Email = lead.Email, FirstName = lead.FirstName, LastName = lead.LastName,
            Company = lead.Company, Title = "Intern", CompanySize = 3, Industry = "Retail", Country = lead.Country,
            Source = lead.Source, EngagementScore = 5,
        }, Ct);
        edited.Succeeded.ShouldBeTrue(edited.Message);
        edited.Value.Lead.Grade.ShouldNotBe("A");

        foreach (var kind in Enum.GetValues<TimerKind>())
        {
            var timer = await app.TimerAsync(id, kind);
            timer.LeadGrade.ShouldBe(edited.Value.Lead.Grade);
            timer.LeadPersona.ShouldBe(edited.Value.Lead.Persona);
        }
    }
}
