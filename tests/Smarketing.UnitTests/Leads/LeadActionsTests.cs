using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.UnitTests.Leads;

/// <summary>
/// What a person may do to a lead now, as the lead answers it for the lead page: each action is offered exactly when
/// the person's role may take it and the lead's own move would succeed, so the page never shows a button the rules refuse
/// and never hides one they allow.
/// </summary>
public sealed class LeadActionsTests
{
    private static readonly Actor Marketing = new("u-marketing", "marketing@demo.test");
    private static readonly Actor Rep1 = new("u-rep1", "rep1@demo.test");
    private static readonly Actor Rep2 = new("u-rep2", "rep2@demo.test");
    private static readonly Actor Rep3 = new("u-rep3", "rep3@demo.test");
    private static readonly Actor SalesManager = new("u-sales-manager", "sales.manager@demo.test");

    private static readonly string[] RejectionReasons = ["No budget"];
    private static readonly string[] LostReasons = ["Price"];

    private static readonly DateTimeOffset HandOffTime = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = HandOffTime.AddHours(3);

    /// <summary>A person looking at the lead page: who they are and the roles they hold.</summary>
    private sealed record Viewer(Actor Who, params string[] Roles);

    private static readonly Dictionary<string, Viewer> Viewers = new()
    {
        ["marketing"] = new(Marketing, Roles.MarketingManager),
        ["rep1"] = new(Rep1, Roles.SalesRep),
        ["rep2"] = new(Rep2, Roles.SalesRep),
        ["the sales manager"] = new(SalesManager, Roles.SalesManager),
        ["a sales manager who also sells"] = new(Rep2, Roles.SalesManager, Roles.SalesRep),
        ["leadership"] = new(new Actor("u-leadership", "leadership@demo.test"), Roles.Leadership),
        ["an admin"] = new(new Actor("u-admin", "admin@demo.test"), Roles.Admin),
    };

    private static Lead NewLead(bool isMql = true) => new()
    {
        FirstName = "Ava",
        LastName = "Adams",
        Email = "ava.adams@northwind.example",
        IsMql = isMql,
        Stage = isMql ? LeadStage.Mql : LeadStage.New,
    };

    private static Lead Then(Lead lead, Func<Lead, Result> move)
    {
        move(lead).Succeeded.ShouldBeTrue();
        return lead;
    }

    private static Lead HandedOff() => Then(NewLead(), l => l.HandOff(Marketing, HandOffTime, 1, null));

    private static Lead ClaimedByRep1() => Then(HandedOff(), l => l.Claim(Rep1, HandOffTime.AddMinutes(5), 1));

    private static Lead Accepted() => Then(ClaimedByRep1(), l => l.Accept(Rep1, HandOffTime.AddMinutes(10), 1));

    private static Lead Opportunity() => Then(Accepted(), l => l.Convert(Rep1, HandOffTime.AddMinutes(20), 1));

    private static readonly Dictionary<string, Func<Lead>> Leads = new()
    {
        ["a new lead"] = () => NewLead(isMql: false),
        ["an MQL"] = () => NewLead(),
        ["a lead in the pool"] = HandedOff,
        ["a lead rep1 claimed"] = ClaimedByRep1,
        ["a lead rep1 accepted"] = Accepted,
        ["rep1's opportunity"] = Opportunity,
        ["a lead rep1 rejected"] = () => Then(ClaimedByRep1(), l => l.Reject(Rep1, "No budget", RejectionReasons, Now, 1)),
        ["a lead rep1 won"] = () => Then(Opportunity(), l => l.MarkWon(Rep1, 100m, Now, 1)),
        ["a lead rep1 lost"] = () => Then(Opportunity(), l => l.MarkLost(Rep1, "Price", LostReasons, Now, 1)),
        ["a duplicate merged into another lead"] = () => Then(NewLead(), l => new Lead().Absorb(l, [], Marketing, Now, 1)),
    };

    /// <summary>Each action's move with valid input, and the role the service asks for before it.</summary>
    private static readonly Dictionary<LeadAction, (string Role, Func<Lead, Actor, Result> Move)> Moves = new()
    {
        [LeadAction.HandOff] = (Roles.MarketingManager, (l, by) => l.HandOff(by, Now, 2, "Asked for a call")),
        [LeadAction.Claim] = (Roles.SalesRep, (l, by) => l.Claim(by, Now, 2)),
        [LeadAction.LogContact] = (Roles.SalesRep, (l, by) => l.LogContact(by, Now, ContactChannel.Phone, ContactOutcome.Connected, null, Now, 2)),
        [LeadAction.Accept] = (Roles.SalesRep, (l, by) => l.Accept(by, Now, 2)),
        [LeadAction.Reject] = (Roles.SalesRep, (l, by) => l.Reject(by, "No budget", RejectionReasons, Now, 2)),
        [LeadAction.Convert] = (Roles.SalesRep, (l, by) => l.Convert(by, Now, 2)),
        [LeadAction.MarkWon] = (Roles.SalesRep, (l, by) => l.MarkWon(by, 100m, Now, 2)),
        [LeadAction.MarkLost] = (Roles.SalesRep, (l, by) => l.MarkLost(by, "Price", LostReasons, Now, 2)),
        [LeadAction.Reassign] = (Roles.SalesManager, (l, by) => l.Reassign(by, Rep3, "Rep3 has room", Now, 2)),
    };

    public static TheoryData<string, string> EveryLeadAndViewer =>
        [.. Leads.Keys.SelectMany(lead => Viewers.Keys.Select(viewer => (lead, viewer)))];

    [Theory]
    [MemberData(nameof(EveryLeadAndViewer))]
    public void AnActionIsOffered_ExactlyWhenTheViewersRoleMayTakeIt_AndTheLeadWouldAllowTheMove(string lead, string viewer)
    {
        var person = Viewers[viewer];
        var offered = Leads[lead]().ActionsFor(person.Who.Id, person.Roles);

        foreach (var (action, (role, move)) in Moves)
        {
            var allowed = person.Roles.Contains(role) && move(Leads[lead](), person.Who).Succeeded;
            offered.Allows(action).ShouldBe(allowed, $"{viewer} looking at {lead}: {action}");
        }
    }

    [Fact]
    public void Marketing_MayHandOffAnMql_EditIt_AndMergeADuplicateIntoIt()
    {
        var actions = NewLead().ActionsFor(Marketing.Id, [Roles.MarketingManager]);

        actions.Available.ShouldBe([LeadAction.HandOff, LeadAction.Edit, LeadAction.Merge], ignoreOrder: true);
    }

    [Fact]
    public void Marketing_MayStillEditALeadWithSales_AndMergeADuplicateIntoIt_ButNotHandItOffAgain()
    {
        var actions = ClaimedByRep1().ActionsFor(Marketing.Id, [Roles.MarketingManager]);

        actions.Available.ShouldBe([LeadAction.Edit, LeadAction.Merge], ignoreOrder: true);
    }

    [Fact]
    public void ARep_MayClaimALeadWaitingInThePool_AndNothingElse()
    {
        var actions = HandedOff().ActionsFor(Rep1.Id, [Roles.SalesRep]);

        actions.Available.ShouldBe([LeadAction.Claim]);
        actions.OnlyOwnerMayAct.ShouldBeNull();
    }

    [Fact]
    public void TheOwner_MayLogContactAcceptOrReject_AClaimedLead()
    {
        var actions = ClaimedByRep1().ActionsFor(Rep1.Id, [Roles.SalesRep]);

        actions.Available.ShouldBe([LeadAction.LogContact, LeadAction.Accept, LeadAction.Reject], ignoreOrder: true);
    }

    [Fact]
    public void TheOwner_MayWinOrLoseAnOpportunity_AndStillLogContact()
    {
        var actions = Opportunity().ActionsFor(Rep1.Id, [Roles.SalesRep]);

        actions.Available.ShouldBe([LeadAction.LogContact, LeadAction.MarkWon, LeadAction.MarkLost], ignoreOrder: true);
    }

    [Fact]
    public void AnotherRep_MayDoNothing_AndIsToldWhoWorksTheLead()
    {
        var actions = Accepted().ActionsFor(Rep2.Id, [Roles.SalesRep]);

        actions.Available.ShouldBeEmpty();
        actions.OnlyOwnerMayAct.ShouldBe(Rep1.Email);
        actions.Any.ShouldBeTrue();
    }

    [Fact]
    public void NobodyWorksAClosedLead_SoNobodyIsToldWhoDoes()
    {
        var actions = Then(Opportunity(), l => l.MarkWon(Rep1, 100m, Now, 1)).ActionsFor(Rep2.Id, [Roles.SalesRep]);

        actions.Any.ShouldBeFalse();
    }

    [Fact]
    public void TheSalesManager_MayReassignALeadWithSales_WithoutBeingToldTheyAreNotTheOwner()
    {
        var actions = ClaimedByRep1().ActionsFor(SalesManager.Id, [Roles.SalesManager, Roles.SalesRep]);

        actions.Available.ShouldBe([LeadAction.Reassign]);
        actions.OnlyOwnerMayAct.ShouldBeNull();
    }

    [Fact]
    public void Leadership_MayOnlyLook()
    {
        var actions = ClaimedByRep1().ActionsFor("u-leadership", [Roles.Leadership]);

        actions.Any.ShouldBeFalse();
    }

    [Fact]
    public void SomeoneSignedInWithoutAnId_OwnsNothing_SoMayNotActAsTheOwner()
    {
        var actions = ClaimedByRep1().ActionsFor(null, [Roles.SalesRep]);

        actions.Available.ShouldBeEmpty();
        actions.OnlyOwnerMayAct.ShouldBe(Rep1.Email);
    }
}
