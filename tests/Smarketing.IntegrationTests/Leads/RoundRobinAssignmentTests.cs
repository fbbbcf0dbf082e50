using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Users;
using Smarketing.Domain.Leads;
using Smarketing.Infrastructure.Identity;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads;

/// <summary>
/// Round robin, set in the agreement, hands each lead to the next eligible rep, passing over reps who are out of
/// office today or at capacity, and the assignment record says who was passed over and why.
/// </summary>
public sealed class RoundRobinAssignmentTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private const int Plenty = 1000;

    [Fact]
    public async Task WithRep2AwayAndRep3Full_TheNextLeadWrapsAroundToRep1_AndTheAssignmentNamesTheSkippedRepsAndWhy()
    {
        var version = await RoundRobinSetup.SwitchOnAsync(app);
        foreach (var rep in Pipeline.Reps)
        {
            await RoundRobinSetup.SetAvailabilityAsync(app, rep, Plenty);
        }

        // Everyone available: the first round-robin lead goes to the first rep by email.
        var open = await RoundRobinSetup.OpenLeadsAsync(app);
        var first = await Pipeline.CreateAsync(app);
        (await Pipeline.HandOffAsync(app, first.Lead.Id)).Message.ShouldBe($"Handed off and assigned to {Demo.Rep1}.");
        (await AssignedEventAsync(first.Lead.Id)).Reason.ShouldBe($"Round robin: {Demo.Rep1}'s turn ({open[Demo.Rep1]} of {Plenty} open leads).");

        // Now it is rep2's turn, but rep2 is out of office today and rep3 is at capacity.
        var today = RoundRobinSetup.Today(app);
        await RoundRobinSetup.SetAvailabilityAsync(app, Demo.Rep2, Plenty, awayFrom: today, awayUntil: today);
        open = await RoundRobinSetup.OpenLeadsAsync(app);
        await RoundRobinSetup.SetAvailabilityAsync(app, Pipeline.Rep3, capacity: open[Pipeline.Rep3]);
        var second = await Pipeline.CreateAsync(app);

        var outcome = await Pipeline.HandOffAsync(app, second.Lead.Id);

        outcome.Message.ShouldBe($"Handed off and assigned to {Demo.Rep1}.");
        var assigned = await AssignedEventAsync(second.Lead.Id);
        assigned.Reason.ShouldBe(
            $"Round robin: {Demo.Rep1}'s turn ({open[Demo.Rep1]} of {Plenty} open leads); " +
            $"skipped {Demo.Rep2} (out of office today), {Pipeline.Rep3} (at capacity ({open[Pipeline.Rep3]} of {open[Pipeline.Rep3]} open leads)).");
        assigned.ActorEmail.ShouldBe(Pipeline.Marketing);
        assigned.FromStage.ShouldBe(LeadStage.HandedOff);
        assigned.ToStage.ShouldBe(LeadStage.Claimed);
        assigned.OwnerEmail.ShouldBe(Demo.Rep1);
        assigned.SlaVersion.ShouldBe(version);

        await using var db = app.OpenDatabase();
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == second.Lead.Id, Pipeline.Ct);
        lead.Stage.ShouldBe(LeadStage.Claimed);
        lead.OwnerEmail.ShouldBe(Demo.Rep1);
        lead.HandedOffVersion.ShouldBe(version);
        lead.ClaimedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task WhenNoRepIsEligible_TheLeadWaitsInThePool_AndTheHandOffSaysWhyForEachRep()
    {
        // An app of its own: whose turn it is depends on every earlier round-robin assignment, so this starts from none.
        await using var ownApp = new SmarketingAppFactory();
        await RoundRobinSetup.SwitchOnAsync(ownApp);
        var today = RoundRobinSetup.Today(ownApp);
        await RoundRobinSetup.SetAvailabilityAsync(ownApp, Demo.Rep2, Plenty, awayFrom: today.AddDays(-2), awayUntil: today.AddDays(3));
        var open = await RoundRobinSetup.OpenLeadsAsync(ownApp);
        await RoundRobinSetup.SetAvailabilityAsync(ownApp, Pipeline.Rep3, capacity: open[Pipeline.Rep3]);
        await using (var admin = await ownApp.SignedInAsAsync(Demo.Admin))
        {
            var rep1 = (await admin.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(Demo.Rep1))!;
            (await admin.ServiceProvider.GetRequiredService<IUserAdministration>().SetActiveAsync(rep1.Id, active: false, Pipeline.Ct)).Succeeded.ShouldBeTrue();
        }

        var created = await Pipeline.CreateAsync(ownApp);
        var outcome = await Pipeline.HandOffAsync(ownApp, created.Lead.Id);

        outcome.Message.ShouldBe("Handed off to the sales pool.");
        await using var db = ownApp.OpenDatabase();
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == created.Lead.Id, Pipeline.Ct);
        lead.Stage.ShouldBe(LeadStage.HandedOff);
        lead.OwnerEmail.ShouldBeNull();
        var events = await db.LeadEvents.AsNoTracking().Where(e => e.LeadId == lead.Id).OrderBy(e => e.Id).ToListAsync(Pipeline.Ct);
        events.ShouldNotContain(e => e.Type == LeadEventType.Assigned);
        events[^1].Type.ShouldBe(LeadEventType.HandedOff);
        events[^1].Note.ShouldBe(
            $"No eligible rep: {Demo.Rep1} (inactive), {Demo.Rep2} (out of office today), " +
            $"{Pipeline.Rep3} (at capacity ({open[Pipeline.Rep3]} of {open[Pipeline.Rep3]} open leads)). The lead waits in the pool.");
    }

    private async Task<LeadEvent> AssignedEventAsync(Guid leadId)
    {
        await using var db = app.OpenDatabase();
        return await db.LeadEvents.AsNoTracking().SingleAsync(e => e.LeadId == leadId && e.Type == LeadEventType.Assigned, Pipeline.Ct);
    }
}
