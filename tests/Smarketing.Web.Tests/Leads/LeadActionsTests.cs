using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Agreements;
using Smarketing.Application.Leads;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;
using Smarketing.Web.Components.Pages.Leads;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Leads;

/// <summary>
/// The actions panel on a lead page: the buttons the signed-in person (id "u1") sees for the lead's stage and owner.
/// The panel calls the lead service only when a button is pressed, so these tests give it services with nothing behind them.
/// </summary>
public sealed class LeadActionsTests : ComponentTest
{
    private const string Me = "u1";

    public LeadActionsTests()
    {
        Services.AddSingleton(new LeadService(null!, null!, null!, null!, null!, null!, null!, null!));
        Services.AddSingleton(new AgreementService(null!, null!, null!, null!, null!, null!, null!));
        Services.AddSingleton(new LeadMerging(null!, null!, null!, null!, null!, null!, null!));
    }

    private static Lead At(LeadStage stage, string? ownerId = null, string? ownerEmail = null) => new()
    {
        FirstName = "Ava",
        LastName = "Adams",
        Stage = stage,
        IsMql = true,
        OwnerId = ownerId,
        OwnerEmail = ownerEmail ?? (ownerId is null ? null : $"{ownerId}@demo.test"),
    };

    private IRenderedComponent<LeadActions> Panel(Lead lead) => Render<LeadActions>(p => p.Add(x => x.Lead, lead));

    private static string[] Buttons(IRenderedComponent<LeadActions> panel) =>
        [.. panel.FindAll("section[aria-label=Actions] button").Select(b => b.TextContent.Trim())];

    [Fact]
    public void Marketing_SeesHandOffMergeAndEdit_OnAnMql()
    {
        SignInAs(Roles.MarketingManager);

        var panel = Panel(At(LeadStage.Mql));

        Buttons(panel).ShouldBe(["Hand off to sales", "Merge a duplicate into this lead…"]);
        panel.Find("a").TextContent.ShouldBe("Edit details");
    }

    [Fact]
    public void Marketing_CanOnlyEditAndMergeADuplicateInto_ALeadSalesHas()
    {
        SignInAs(Roles.MarketingManager);

        var panel = Panel(At(LeadStage.Claimed, "u-rep1"));

        Buttons(panel).ShouldBe(["Merge a duplicate into this lead…"]);
        panel.Find("a").TextContent.ShouldBe("Edit details");
    }

    [Fact]
    public void Nobody_SeesAnActionsPanel_OnAMergedDuplicate()
    {
        SignInAs(Roles.MarketingManager, Roles.SalesManager, Roles.SalesRep);

        Panel(At(LeadStage.Merged)).FindAll("section[aria-label=Actions]").ShouldBeEmpty();
    }

    [Fact]
    public void ARep_SeesClaim_OnALeadWaitingInThePool()
    {
        SignInAs(Roles.SalesRep);

        Buttons(Panel(At(LeadStage.HandedOff))).ShouldBe(["Claim"]);
    }

    [Fact]
    public void TheOwner_CanLogContactAcceptOrReject_AClaimedLead()
    {
        SignInAs(Roles.SalesRep);

        Buttons(Panel(At(LeadStage.Claimed, Me))).ShouldBe(["Log contact attempt", "Accept", "Reject…"]);
    }

    [Fact]
    public void TheOwner_CanConvert_AnAcceptedLead()
    {
        SignInAs(Roles.SalesRep);

        Buttons(Panel(At(LeadStage.Accepted, Me))).ShouldBe(["Log contact attempt", "Convert to opportunity"]);
    }

    [Fact]
    public void TheOwner_CanMarkAnOpportunityWonOrLost()
    {
        SignInAs(Roles.SalesRep);

        Buttons(Panel(At(LeadStage.Sql, Me))).ShouldBe(["Log contact attempt", "Mark won…", "Mark lost…"]);
    }

    [Fact]
    public void AnotherRep_SeesNoButtons_AndIsToldWhoWorksTheLead()
    {
        SignInAs(Roles.SalesRep);

        var panel = Panel(At(LeadStage.Accepted, "u-rep2", "rep2@demo.test"));

        Buttons(panel).ShouldBeEmpty();
        panel.Find("section[aria-label=Actions]").TextContent.ShouldContain("rep2@demo.test works this lead; only they can act on it.");
    }

    [Fact]
    public void TheSalesManager_CanReassign_ALeadWithSales()
    {
        SignInAs(Roles.SalesManager);

        var panel = Panel(At(LeadStage.Claimed, "u-rep2"));

        Buttons(panel).ShouldBe(["Reassign…"]);
        panel.Markup.ShouldNotContain("only they can act on it");
    }

    [Theory]
    [InlineData(LeadStage.Won)]
    [InlineData(LeadStage.Lost)]
    public void NoOne_SeesAnActionsPanel_OnAClosedLead(LeadStage stage)
    {
        SignInAs(Roles.SalesRep, Roles.SalesManager);

        Panel(At(stage, Me)).FindAll("section").ShouldBeEmpty();
    }

    [Fact]
    public void Leadership_SeesNoActionsPanel()
    {
        SignInAs(Roles.Leadership);

        Panel(At(LeadStage.Claimed, "u-rep1")).FindAll("section").ShouldBeEmpty();
    }

    [Fact]
    public void LoggingContact_OpensTheContactDialog_NamingTheLead()
    {
        SignInAs(Roles.SalesRep);
        var provider = Render<MudBlazor.MudDialogProvider>();
        var panel = Panel(At(LeadStage.Claimed, Me));

        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Log contact attempt").Click();

        provider.WaitForAssertion(() => provider.Find("[role=dialog] h2").TextContent.ShouldBe("Log a contact attempt with Ava Adams"));
    }
}
