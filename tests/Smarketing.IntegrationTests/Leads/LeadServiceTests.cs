using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Leads;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads;

/// <summary>
/// LeadService as the pages use it, on a real SQLite file: duplicates by email are refused, an external id updates
/// the lead it names, an edit based on an old revision changes nothing, and each role does only its own part.
/// </summary>
public sealed class LeadServiceTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static UpdateLeadRequest Edit(LeadDetails from, string title)
    {
        var lead = from.Lead;
        return new UpdateLeadRequest
        {
            Id = lead.Id, Revision = lead.Revision, ExternalId = lead.ExternalId, Email = lead.Email, FirstName = lead.FirstName,
            LastName = lead.LastName, Company = lead.Company, Title = title, CompanySize = lead.CompanySize, Industry = lead.Industry,
            Country = lead.Country, Source = lead.Source, Campaign = lead.Campaign, EngagementScore = lead.EngagementScore,
        };
    }

    private async Task<Result<LeadDetails>> AsAsync(string who, Func<LeadService, Task<Result<LeadDetails>>> act)
    {
        await using var scope = await app.SignedInAsAsync(who);
        return await act(scope.ServiceProvider.GetRequiredService<LeadService>());
    }

    [Fact]
    public async Task AddingALeadWhoseEmailIsTaken_IsRefusedOnEmail_NamingTheLeadThatHasIt()
    {
        var existing = await Pipeline.CreateAsync(app);

        var again = Pipeline.Mql(email: "  " + existing.Lead.Email.ToUpperInvariant() + " ");
        again.FirstName = "Someone";
        var result = await AsAsync(Pipeline.Marketing, s => s.CreateAsync(again, Pipeline.Ct));

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors.Keys.ShouldBe(["Email"]);
        result.Errors["Email"].Single().ShouldBe(
            $"A lead with email {existing.Lead.Email.ToUpperInvariant()} already exists (Ava Adams, MQL). Open it instead of adding it twice.");
        await using var db = app.OpenDatabase();
        (await db.Leads.CountAsync(l => l.Email == existing.Lead.Email, Pipeline.Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task AddingALeadWithAKnownExternalId_UpdatesThatLead_AndRecordsWhatChanged()
    {
        var externalId = $"hubspot-{Guid.NewGuid():N}";
        var first = await Pipeline.CreateAsync(app, Pipeline.Mql(externalId));
        first.IsNew.ShouldBeTrue();
        var next = Pipeline.Mql(externalId, first.Lead.Email);
        next.EngagementScore = 0;
        next.Source = "Webinar";

        var result = await AsAsync(Pipeline.Marketing, s => s.CreateAsync(next, Pipeline.Ct));

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Value.IsNew.ShouldBeFalse();
        result.Value.Lead.Id.ShouldBe(first.Lead.Id);
        result.Value.Lead.Score.ShouldBe(50);
        result.Value.Lead.Stage.ShouldBe(LeadStage.New, "50 points is below the threshold of 60, so it is no longer an MQL");
        result.Value.Verdict!.Summary.ShouldBe("Not an MQL: it scores 50, below the threshold of 60 points.");
        var updated = result.Value.Events.Single(e => e.Type == LeadEventType.Updated);
        updated.Note.ShouldBe("source: Demo request -> Webinar; engagement score: 30 -> 0");
        updated.FromStage.ShouldBe(LeadStage.Mql);
        updated.ToStage.ShouldBe(LeadStage.New);
        updated.ActorEmail.ShouldBe(Pipeline.Marketing);
        await using var db = app.OpenDatabase();
        (await db.Leads.CountAsync(l => l.ExternalId == externalId, Pipeline.Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task SavingAnEditBasedOnAnOldRevision_IsAConflict_AndChangesNothing()
    {
        var opened = await Pipeline.CreateAsync(app);
        var firstSave = await AsAsync(Pipeline.Marketing, s => s.UpdateAsync(Edit(opened, "Head of IT"), Pipeline.Ct));
        firstSave.Succeeded.ShouldBeTrue(firstSave.Message);

        var stale = await AsAsync(Pipeline.Marketing, s => s.UpdateAsync(Edit(opened, "VP Infrastructure"), Pipeline.Ct));

        stale.Kind.ShouldBe(ResultKind.Conflict);
        stale.Message.ShouldBe("Someone else changed Ava Adams since you opened it. Reload to see their change, then edit again.");
        await using var db = app.OpenDatabase();
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == opened.Lead.Id, Pipeline.Ct);
        lead.Title.ShouldBe("Head of IT");
        lead.Revision.ShouldBe(opened.Lead.Revision + 1);
        (await db.LeadEvents.CountAsync(e => e.LeadId == lead.Id && e.Type == LeadEventType.Updated, Pipeline.Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task TenMarketersSavingTheSameRevisionAtOnce_OneSaveWins_TheOthersAreToldToReload()
    {
        var opened = await Pipeline.CreateAsync(app);
        var scopes = new List<AsyncServiceScope>();
        for (var i = 0; i < 10; i++)
        {
            scopes.Add(await app.SignedInAsAsync(Pipeline.Marketing));
        }

        Result<LeadDetails>[] results;
        try
        {
            var saves = scopes.Select((scope, i) =>
            {
                var service = scope.ServiceProvider.GetRequiredService<LeadService>();
                var edit = Edit(opened, $"Title {i}");
                return (Func<Task<Result<LeadDetails>>>)(() => service.UpdateAsync(edit, Pipeline.Ct));
            }).ToList();
            results = await Pipeline.AllAtOnceAsync(saves);
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Kind == ResultKind.Conflict);
        await using var db = app.OpenDatabase();
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == opened.Lead.Id, Pipeline.Ct);
        lead.Title.ShouldBe(results.Single(r => r.Succeeded).Value.Lead.Title);
        lead.Revision.ShouldBe(opened.Lead.Revision + 1);
        (await db.LeadEvents.CountAsync(e => e.LeadId == lead.Id && e.Type == LeadEventType.Updated, Pipeline.Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task ARep_CannotAddLeads()
    {
        var request = Pipeline.Mql();

        var result = await AsAsync(Demo.Rep1, s => s.CreateAsync(request, Pipeline.Ct));

        result.Kind.ShouldBe(ResultKind.Forbidden);
        await using var db = app.OpenDatabase();
        (await db.Leads.AnyAsync(l => l.Email == request.Email, Pipeline.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Marketing_CannotClaimALead()
    {
        var id = await Pipeline.InThePoolAsync(app);

        var result = await AsAsync(Pipeline.Marketing, s => s.ClaimAsync(id, Pipeline.Ct));

        result.Kind.ShouldBe(ResultKind.Forbidden);
        result.Message.ShouldBe("Only a sales rep can claim leads.");
    }

    [Fact]
    public async Task OnlyTheOwner_CanWorkALead_EvenAnotherRepOnTheSameTeamIsForbidden()
    {
        var id = await Pipeline.ClaimedByAsync(app, Demo.Rep1);

        var accept = await AsAsync(Demo.Rep2, s => s.AcceptAsync(id, Pipeline.Ct));
        var contact = await AsAsync(Demo.Rep2, s => s.LogContactAsync(id, new ContactRequest(), Pipeline.Ct));

        accept.Kind.ShouldBe(ResultKind.Forbidden);
        accept.Message.ShouldBe($"Ava Adams belongs to {Demo.Rep1}; only the owner can accept it.");
        contact.Kind.ShouldBe(ResultKind.Forbidden);
        (await AsAsync(Demo.Rep1, s => s.AcceptAsync(id, Pipeline.Ct))).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ARejectedLead_ComesBackToMarketingWithItsReason_AndHandedOffAgainIsClaimableAfresh()
    {
        var id = await Pipeline.ClaimedByAsync(app, Demo.Rep1);

        var rejected = await AsAsync(Demo.Rep1, s => s.RejectAsync(id, new ReasonRequest { Reason = "Wrong industry" }, Pipeline.Ct));

        rejected.Succeeded.ShouldBeTrue(rejected.Message);
        await using (var marketing = await app.SignedInAsAsync(Pipeline.Marketing))
        {
            var returned = await marketing.ServiceProvider.GetRequiredService<LeadService>()
                .ListAsync(new LeadQuery { Stage = LeadStage.Rejected, SortBy = nameof(LeadSummary.RejectedAt), Take = 5 }, Pipeline.Ct);
            var mine = returned.Items.First();
            mine.Id.ShouldBe(id);
            mine.RejectionReason.ShouldBe("Wrong industry");
            mine.OwnerEmail.ShouldBeNull();
        }

        await Pipeline.HandOffAsync(app, id);
        var reclaimed = await AsAsync(Demo.Rep2, s => s.ClaimAsync(id, Pipeline.Ct));

        reclaimed.Succeeded.ShouldBeTrue(reclaimed.Message);
        reclaimed.Value.Lead.OwnerEmail.ShouldBe(Demo.Rep2);
        reclaimed.Value.Lead.RejectionReason.ShouldBeNull();
        reclaimed.Value.Events.Select(e => e.Type).ShouldBe([
            LeadEventType.Created, LeadEventType.HandedOff, LeadEventType.Claimed, LeadEventType.Rejected, LeadEventType.HandedOff, LeadEventType.Claimed,
        ]);
    }
}
