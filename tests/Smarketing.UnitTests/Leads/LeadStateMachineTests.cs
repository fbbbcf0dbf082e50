using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.UnitTests.Leads;

/// <summary>
/// The hand-off pipeline as the domain enforces it: every legal move records exactly one event saying who, when,
/// from which stage to which, why, and under which agreement version; every illegal move is refused with a
/// message that says why, and leaves the lead and its history as they were.
/// </summary>
public sealed class LeadStateMachineTests
{
    private static readonly Actor Marketing = new("u-marketing", "marketing@demo.test");
    private static readonly Actor Rep1 = new("u-rep1", "rep1@demo.test");
    private static readonly Actor Rep2 = new("u-rep2", "rep2@demo.test");
    private static readonly Actor SalesManager = new("u-sales-manager", "sales.manager@demo.test");

    private static readonly string[] RejectionReasons = ["Not a decision-maker", "No budget", "Wrong industry"];
    private static readonly string[] LostReasons = ["Price", "Chose a competitor"];

    private static readonly DateTimeOffset Created = new(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset HandOffTime = Created.AddHours(1);
    private static readonly DateTimeOffset ClaimTime = HandOffTime.AddMinutes(20);
    private static readonly DateTimeOffset Now = HandOffTime.AddHours(3);

    /// <summary>The version setting up the lead; moves under test use <see cref="MoveVersion"/>, so the event's version is the move's.</summary>
    private const int SetupVersion = 1;
    private const int MoveVersion = 2;

    private static Lead NewLead(bool isMql = true) => new()
    {
        FirstName = "Ava",
        LastName = "Adams",
        Company = "Northwind",
        Email = "ava.adams@northwind.example",
        IsMql = isMql,
        Stage = isMql ? LeadStage.Mql : LeadStage.New,
    };

    private static Lead HandedOff(bool isMql = true)
    {
        var lead = NewLead(isMql);
        ShouldSucceed(lead.HandOff(Marketing, HandOffTime, SetupVersion, isMql ? null : "Asked for a call at the trade show"));
        return lead;
    }

    private static Lead ClaimedBy(Actor rep)
    {
        var lead = HandedOff();
        ShouldSucceed(lead.Claim(rep, ClaimTime, SetupVersion));
        return lead;
    }

    private static Lead Accepted()
    {
        var lead = ClaimedBy(Rep1);
        ShouldSucceed(lead.Accept(Rep1, ClaimTime.AddMinutes(30), SetupVersion));
        return lead;
    }

    private static Lead Opportunity()
    {
        var lead = Accepted();
        ShouldSucceed(lead.Convert(Rep1, ClaimTime.AddHours(1), SetupVersion));
        return lead;
    }

    private static Lead RejectedBy(Actor rep)
    {
        var lead = ClaimedBy(rep);
        ShouldSucceed(lead.Reject(rep, "No budget", RejectionReasons, ClaimTime.AddHours(1), SetupVersion));
        return lead;
    }

    private static void ShouldSucceed(Result result) =>
        result.Succeeded.ShouldBeTrue($"{result.Kind}: {result.Message} {string.Join(" ", result.Errors.SelectMany(e => e.Value))}");

    /// <summary>A legal move: how to set the lead up, the move, and the one event it must record.</summary>
    private sealed record Move(
        Func<Lead> Setup,
        Func<Lead, Result> Act,
        LeadEventType Type,
        Actor By,
        LeadStage From,
        LeadStage To,
        string? Why,
        string? OwnerAfter);

    private static readonly Dictionary<string, Move> LegalMoves = new()
    {
        ["marketing hands off an MQL"] = new(() => NewLead(), l => l.HandOff(Marketing, Now, MoveVersion, null),
            LeadEventType.HandedOff, Marketing, LeadStage.Mql, LeadStage.HandedOff, null, null),
        ["marketing hands off a non-MQL with an override reason"] = new(() => NewLead(isMql: false), l => l.HandOff(Marketing, Now, MoveVersion, "  CEO asked for a call  "),
            LeadEventType.HandedOff, Marketing, LeadStage.New, LeadStage.HandedOff, "Override: CEO asked for a call", null),
        ["marketing hands off a lead sales returned"] = new(() => RejectedBy(Rep1), l => l.HandOff(Marketing, Now, MoveVersion, null),
            LeadEventType.HandedOff, Marketing, LeadStage.Rejected, LeadStage.HandedOff, null, null),
        ["a rep claims a lead from the pool"] = new(() => HandedOff(), l => l.Claim(Rep1, Now, MoveVersion),
            LeadEventType.Claimed, Rep1, LeadStage.HandedOff, LeadStage.Claimed, null, Rep1.Email),
        ["round robin assigns a lead to a rep"] = new(() => HandedOff(), l => l.Assign(Rep2, "Round robin: rep2's turn", Marketing, Now, MoveVersion),
            LeadEventType.Assigned, Marketing, LeadStage.HandedOff, LeadStage.Claimed, "Round robin: rep2's turn", Rep2.Email),
        ["the owner logs a contact attempt"] = new(() => ClaimedBy(Rep1), l => l.LogContact(Rep1, Now.AddMinutes(-5), ContactChannel.Phone, ContactOutcome.LeftVoicemail, "Left a message", Now, MoveVersion),
            LeadEventType.ContactAttempt, Rep1, LeadStage.Claimed, LeadStage.Claimed, null, Rep1.Email),
        ["the owner accepts"] = new(() => ClaimedBy(Rep1), l => l.Accept(Rep1, Now, MoveVersion),
            LeadEventType.Accepted, Rep1, LeadStage.Claimed, LeadStage.Accepted, null, Rep1.Email),
        ["the owner rejects with a listed reason"] = new(() => ClaimedBy(Rep1), l => l.Reject(Rep1, "Wrong industry", RejectionReasons, Now, MoveVersion),
            LeadEventType.Rejected, Rep1, LeadStage.Claimed, LeadStage.Rejected, "Wrong industry", null),
        ["the owner converts an accepted lead"] = new(Accepted, l => l.Convert(Rep1, Now, MoveVersion),
            LeadEventType.Converted, Rep1, LeadStage.Accepted, LeadStage.Sql, null, Rep1.Email),
        ["the owner wins an opportunity"] = new(Opportunity, l => l.MarkWon(Rep1, 12_500m, Now, MoveVersion),
            LeadEventType.Won, Rep1, LeadStage.Sql, LeadStage.Won, null, Rep1.Email),
        ["the owner loses an opportunity with a listed reason"] = new(Opportunity, l => l.MarkLost(Rep1, "Price", LostReasons, Now, MoveVersion),
            LeadEventType.Lost, Rep1, LeadStage.Sql, LeadStage.Lost, "Price", Rep1.Email),
        ["the sales manager reassigns a claimed lead"] = new(() => ClaimedBy(Rep1), l => l.Reassign(SalesManager, Rep2, "Rep1 is at a conference", Now, MoveVersion),
            LeadEventType.Reassigned, SalesManager, LeadStage.Claimed, LeadStage.Claimed, "Rep1 is at a conference (from rep1@demo.test to rep2@demo.test)", Rep2.Email),
        ["the sales manager assigns a lead from the pool"] = new(() => HandedOff(), l => l.Reassign(SalesManager, Rep2, "Speaks German", Now, MoveVersion),
            LeadEventType.Reassigned, SalesManager, LeadStage.HandedOff, LeadStage.Claimed, "Speaks German (from the pool to rep2@demo.test)", Rep2.Email),
    };

    public static TheoryData<string> LegalMoveNames => [.. LegalMoves.Keys];

    [Theory]
    [MemberData(nameof(LegalMoveNames))]
    public void EveryLegalMove_RecordsExactlyOneEvent_SayingWhoWhenFromToWhyAndUnderWhichVersion(string move)
    {
        var m = LegalMoves[move];
        var lead = m.Setup();
        var before = lead.Events.Count;
        lead.Stage.ShouldBe(m.From);

        ShouldSucceed(m.Act(lead));

        lead.Events.Count.ShouldBe(before + 1);
        var recorded = lead.Events[^1];
        recorded.Type.ShouldBe(m.Type);
        recorded.ActorId.ShouldBe(m.By.Id);
        recorded.ActorEmail.ShouldBe(m.By.Email);
        recorded.At.ShouldBe(Now);
        recorded.FromStage.ShouldBe(m.From);
        recorded.ToStage.ShouldBe(m.To);
        recorded.Reason.ShouldBe(m.Why);
        recorded.SlaVersion.ShouldBe(MoveVersion);
        recorded.LeadId.ShouldBe(lead.Id);
        lead.Stage.ShouldBe(m.To);
        lead.OwnerEmail.ShouldBe(m.OwnerAfter);
    }

    [Fact]
    public void AContactAttempt_KeepsWhenItHappened_HowAndWithWhatOutcome_ApartFromWhenItWasLogged()
    {
        var lead = ClaimedBy(Rep1);
        var call = Now.AddMinutes(-40);

        ShouldSucceed(lead.LogContact(Rep1, call, ContactChannel.Meeting, ContactOutcome.MeetingBooked, "Demo on Thursday", Now, MoveVersion));

        var attempt = lead.Events[^1];
        attempt.OccurredAt.ShouldBe(call);
        attempt.At.ShouldBe(Now);
        attempt.Channel.ShouldBe(ContactChannel.Meeting);
        attempt.Outcome.ShouldBe(ContactOutcome.MeetingBooked);
        attempt.Note.ShouldBe("Demo on Thursday");
        lead.FirstContactAt.ShouldBe(call);
        lead.ContactAttempts.ShouldBe(1);
    }

    [Fact]
    public void ALaterLoggedEarlierCall_BecomesTheFirstContact_AndEveryAttemptCounts()
    {
        var lead = ClaimedBy(Rep1);
        ShouldSucceed(lead.LogContact(Rep1, Now.AddMinutes(-10), ContactChannel.Email, ContactOutcome.NoAnswer, null, Now, MoveVersion));

        ShouldSucceed(lead.LogContact(Rep1, ClaimTime.AddMinutes(5), ContactChannel.Phone, ContactOutcome.Connected, "Logged late", Now, MoveVersion));

        lead.FirstContactAt.ShouldBe(ClaimTime.AddMinutes(5));
        lead.ContactAttempts.ShouldBe(2);
    }

    [Fact]
    public void WinningAnOpportunity_KeepsTheAmount_OnTheLeadAndInItsHistory()
    {
        var lead = Opportunity();

        ShouldSucceed(lead.MarkWon(Rep1, 12_500m, Now, MoveVersion));

        lead.Amount.ShouldBe(12_500m);
        lead.WonAt.ShouldBe(Now);
        lead.Events[^1].Amount.ShouldBe(12_500m);
    }

    // ---- Refusals: each says why, and changes nothing ----

    private static void ShouldBeRefused(Lead lead, Func<Lead, Result> act, ResultKind kind, string messageContains)
    {
        var stage = lead.Stage;
        var owner = lead.OwnerEmail;
        var events = lead.Events.Count;

        var result = act(lead);

        result.Kind.ShouldBe(kind);
        var said = result.Kind == ResultKind.Invalid ? string.Join(" ", result.Errors.SelectMany(e => e.Value)) : result.Message;
        said.ShouldNotBeNull().ShouldContain(messageContains);
        lead.Stage.ShouldBe(stage);
        lead.OwnerEmail.ShouldBe(owner);
        lead.Events.Count.ShouldBe(events, "a refused move records nothing");
    }

    [Fact]
    public void AcceptingBeforeClaiming_IsRefused_SayingToClaimItFirst()
    {
        ShouldBeRefused(HandedOff(), l => l.Accept(Rep1, Now, MoveVersion), ResultKind.Conflict,
            "Ava Adams has no owner yet; claim it before you accept it.");
    }

    [Fact]
    public void AcceptingALeadMarketingStillHas_IsRefused_SayingToClaimItFirst()
    {
        ShouldBeRefused(NewLead(), l => l.Accept(Rep1, Now, MoveVersion), ResultKind.Conflict, "claim it before you accept it");
    }

    [Fact]
    public void AcceptingALeadSomeoneElseOwns_IsForbidden_NamingTheOwner()
    {
        ShouldBeRefused(ClaimedBy(Rep1), l => l.Accept(Rep2, Now, MoveVersion), ResultKind.Forbidden,
            "Ava Adams belongs to rep1@demo.test; only the owner can accept it.");
    }

    [Fact]
    public void LoggingAContactOnALeadSomeoneElseOwns_IsForbidden_NamingTheOwner()
    {
        ShouldBeRefused(ClaimedBy(Rep1), l => l.LogContact(Rep2, Now, ContactChannel.Phone, ContactOutcome.Connected, null, Now, MoveVersion),
            ResultKind.Forbidden, "Ava Adams belongs to rep1@demo.test; only the owner can log a contact attempt on it.");
    }

    [Theory]
    [InlineData("reject")]
    [InlineData("convert")]
    [InlineData("win")]
    [InlineData("lose")]
    public void NoOtherRepCanActOnALeadTheyDoNotOwn(string action)
    {
        var lead = action is "win" or "lose" ? Opportunity() : action == "convert" ? Accepted() : ClaimedBy(Rep1);

        ShouldBeRefused(lead, l => action switch
        {
            "reject" => l.Reject(Rep2, "No budget", RejectionReasons, Now, MoveVersion),
            "convert" => l.Convert(Rep2, Now, MoveVersion),
            "win" => l.MarkWon(Rep2, 1_000m, Now, MoveVersion),
            _ => l.MarkLost(Rep2, "Price", LostReasons, Now, MoveVersion),
        }, ResultKind.Forbidden, "belongs to rep1@demo.test; only the owner can");
    }

    [Fact]
    public void HandingOffANonMql_WithoutAnOverrideReason_IsInvalidOnOverrideReason()
    {
        var lead = NewLead(isMql: false);

        var result = lead.HandOff(Marketing, Now, MoveVersion, overrideReason: null);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors.Keys.ShouldBe(["OverrideReason"]);
        result.Errors["OverrideReason"].ShouldBe(["Ava Adams is not an MQL under the agreement. To hand it off anyway, say why."]);
        lead.Stage.ShouldBe(LeadStage.New);
        lead.Events.ShouldBeEmpty();
    }

    [Fact]
    public void HandingOffANonMql_WithABlankOverrideReason_IsRefusedToo()
    {
        ShouldBeRefused(NewLead(isMql: false), l => l.HandOff(Marketing, Now, MoveVersion, "   "), ResultKind.Invalid, "say why");
    }

    [Fact]
    public void HandingOffAnMql_RecordsNoOverride_EvenIfMarketingTypedOne()
    {
        var lead = NewLead();

        ShouldSucceed(lead.HandOff(Marketing, Now, MoveVersion, "Just because"));

        lead.Events[^1].Reason.ShouldBeNull();
    }

    [Fact]
    public void HandingOff_StampsTheHandOffTimeAndTheVersionTheLeadIsJudgedBy()
    {
        var lead = NewLead();

        ShouldSucceed(lead.HandOff(Marketing, Now, MoveVersion, null));

        lead.HandedOffAt.ShouldBe(Now);
        lead.HandedOffVersion.ShouldBe(MoveVersion);
        lead.OwnerEmail.ShouldBeNull();
    }

    [Fact]
    public void HandingOffALeadAlreadyWithSales_IsRefused()
    {
        ShouldBeRefused(ClaimedBy(Rep1), l => l.HandOff(Marketing, Now, MoveVersion, null), ResultKind.Conflict,
            "Ava Adams is already with sales (Claimed); only new, MQL or returned leads can be handed off.");
    }

    [Fact]
    public void ClaimingALeadAnotherRepClaimed_IsAConflict_SayingWhoHasIt()
    {
        ShouldBeRefused(ClaimedBy(Rep1), l => l.Claim(Rep2, Now, MoveVersion), ResultKind.Conflict,
            "Ava Adams is already claimed by rep1@demo.test.");
    }

    [Fact]
    public void ClaimingALeadYouAlreadyClaimed_IsAConflict_SayingItIsYours()
    {
        ShouldBeRefused(ClaimedBy(Rep1), l => l.Claim(Rep1, Now, MoveVersion), ResultKind.Conflict, "You have already claimed Ava Adams.");
    }

    [Fact]
    public void ClaimingALeadMarketingHasNotHandedOff_IsRefused_SayingItIsNotInThePool()
    {
        ShouldBeRefused(NewLead(), l => l.Claim(Rep1, Now, MoveVersion), ResultKind.Conflict,
            "Ava Adams can't be claimed: it is at 'MQL', not waiting in the pool.");
    }

    [Fact]
    public void ClaimingALeadSalesReturned_IsRefused_UntilMarketingHandsItOffAgain()
    {
        ShouldBeRefused(RejectedBy(Rep1), l => l.Claim(Rep2, Now, MoveVersion), ResultKind.Conflict, "can't be claimed");
    }

    [Fact]
    public void RejectingWithAReasonNotInTheAgreement_IsInvalid_AndListsTheAllowedReasons()
    {
        var lead = ClaimedBy(Rep1);

        var result = lead.Reject(Rep1, "Too small", RejectionReasons, Now, MoveVersion);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors["Reason"].ShouldBe(["'Too small' is not one of the agreement's rejection reasons: Not a decision-maker, No budget, Wrong industry."]);
        lead.Stage.ShouldBe(LeadStage.Claimed);
        lead.OwnerEmail.ShouldBe(Rep1.Email);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RejectingWithoutAReason_IsInvalid_AskingForOneFromTheList(string? reason)
    {
        ShouldBeRefused(ClaimedBy(Rep1), l => l.Reject(Rep1, reason, RejectionReasons, Now, MoveVersion), ResultKind.Invalid,
            "Choose a rejection reason from the agreement's list.");
    }

    [Fact]
    public void AReasonTypedInAnotherCase_IsKeptAsTheAgreementSpellsIt()
    {
        var lead = ClaimedBy(Rep1);

        ShouldSucceed(lead.Reject(Rep1, "  no BUDGET ", RejectionReasons, Now, MoveVersion));

        lead.RejectionReason.ShouldBe("No budget");
        lead.Events[^1].Reason.ShouldBe("No budget");
    }

    [Fact]
    public void RejectingAnAcceptedLead_IsRefused()
    {
        ShouldBeRefused(Accepted(), l => l.Reject(Rep1, "No budget", RejectionReasons, Now, MoveVersion), ResultKind.Conflict,
            "can't be rejected: it is at 'Accepted (SAL)'");
    }

    [Fact]
    public void LosingWithAReasonNotInTheAgreement_IsInvalid_AndListsTheAllowedReasons()
    {
        ShouldBeRefused(Opportunity(), l => l.MarkLost(Rep1, "Bad vibes", LostReasons, Now, MoveVersion), ResultKind.Invalid,
            "'Bad vibes' is not one of the agreement's lost reasons: Price, Chose a competitor.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-250)]
    public void WinningWithANonPositiveAmount_IsInvalidOnAmount(int amount)
    {
        var lead = Opportunity();

        var result = lead.MarkWon(Rep1, amount, Now, MoveVersion);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors["Amount"].ShouldBe(["The amount won must be positive."]);
        lead.Stage.ShouldBe(LeadStage.Sql);
        lead.Amount.ShouldBeNull();
    }

    [Fact]
    public void WinningALeadThatIsNotAnOpportunity_IsRefused_SayingOnlyOpportunitiesAreWon()
    {
        ShouldBeRefused(Accepted(), l => l.MarkWon(Rep1, 1_000m, Now, MoveVersion), ResultKind.Conflict, "only opportunities are won or lost");
    }

    [Fact]
    public void ConvertingBeforeAccepting_IsRefused_SayingToAcceptFirst()
    {
        ShouldBeRefused(ClaimedBy(Rep1), l => l.Convert(Rep1, Now, MoveVersion), ResultKind.Conflict, "accept it first");
    }

    [Fact]
    public void AContactTimeInTheFuture_IsInvalidOnOccurredAt()
    {
        ShouldBeRefused(ClaimedBy(Rep1), l => l.LogContact(Rep1, Now.AddMinutes(1), ContactChannel.Phone, ContactOutcome.Connected, null, Now, MoveVersion),
            ResultKind.Invalid, "The contact time can't be in the future.");
    }

    [Fact]
    public void AContactTimeBeforeTheHandOff_IsInvalidOnOccurredAt_NamingTheHandOffTime()
    {
        var lead = ClaimedBy(Rep1);

        var result = lead.LogContact(Rep1, HandOffTime.AddMinutes(-1), ContactChannel.Phone, ContactOutcome.Connected, null, Now, MoveVersion);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors["OccurredAt"].ShouldBe(["The contact time can't be before the hand-off (2026-11-02 14:00:00Z)."]);
        lead.ContactAttempts.ShouldBe(0);
        lead.FirstContactAt.ShouldBeNull();
    }

    [Fact]
    public void AContactAtTheMomentOfTheHandOff_IsAccepted()
    {
        var lead = ClaimedBy(Rep1);

        ShouldSucceed(lead.LogContact(Rep1, HandOffTime, ContactChannel.Phone, ContactOutcome.Connected, null, Now, MoveVersion));

        lead.FirstContactAt.ShouldBe(HandOffTime);
    }

    [Fact]
    public void LoggingAContactOnAClosedLead_IsRefused()
    {
        var lead = Opportunity();
        ShouldSucceed(lead.MarkLost(Rep1, "Price", LostReasons, Now.AddMinutes(-1), SetupVersion));

        ShouldBeRefused(lead, l => l.LogContact(Rep1, Now, ContactChannel.Phone, ContactOutcome.Connected, null, Now, MoveVersion),
            ResultKind.Conflict, "is at 'Lost'; contact attempts are logged while a rep works it");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ReassigningWithoutAReason_IsInvalidOnReason(string? reason)
    {
        ShouldBeRefused(ClaimedBy(Rep1), l => l.Reassign(SalesManager, Rep2, reason, Now, MoveVersion), ResultKind.Invalid,
            "Say why the lead moves to another rep.");
    }

    [Fact]
    public void ReassigningToTheRepWhoAlreadyOwnsIt_IsInvalid()
    {
        ShouldBeRefused(ClaimedBy(Rep1), l => l.Reassign(SalesManager, Rep1, "Balance the load", Now, MoveVersion), ResultKind.Invalid,
            "rep1@demo.test already owns Ava Adams.");
    }

    [Fact]
    public void ReassigningALeadMarketingStillHas_IsRefused()
    {
        ShouldBeRefused(NewLead(), l => l.Reassign(SalesManager, Rep2, "Balance the load", Now, MoveVersion), ResultKind.Conflict,
            "only leads with sales can be reassigned");
    }

    [Fact]
    public void RoundRobinCannotAssignALeadAlreadyClaimed()
    {
        ShouldBeRefused(ClaimedBy(Rep1), l => l.Assign(Rep2, "Round robin", Marketing, Now, MoveVersion), ResultKind.Conflict, "is not waiting for a rep");
    }

    // ---- Rejection and recycling ----

    [Fact]
    public void ARejectedLead_GoesBackToMarketing_WithNoOwner_AndTheReasonKept()
    {
        var lead = ClaimedBy(Rep1);

        ShouldSucceed(lead.Reject(Rep1, "Not a decision-maker", RejectionReasons, Now, MoveVersion));

        lead.Stage.ShouldBe(LeadStage.Rejected);
        lead.OwnerId.ShouldBeNull();
        lead.OwnerEmail.ShouldBeNull();
        lead.RejectionReason.ShouldBe("Not a decision-maker");
        lead.RejectedAt.ShouldBe(Now);
        var rejected = lead.Events[^1];
        rejected.Reason.ShouldBe("Not a decision-maker");
        rejected.OwnerEmail.ShouldBe(Rep1.Email, "the history still says whose lead it was when it came back");
    }

    [Fact]
    public void ARejectedLeadHandedOffAgain_StartsAfresh_InThePool_WithItsHistoryKept()
    {
        var lead = ClaimedBy(Rep1);
        ShouldSucceed(lead.LogContact(Rep1, ClaimTime.AddMinutes(10), ContactChannel.Phone, ContactOutcome.Connected, null, ClaimTime.AddMinutes(10), SetupVersion));
        ShouldSucceed(lead.Reject(Rep1, "No budget", RejectionReasons, ClaimTime.AddHours(1), SetupVersion));
        var again = Now.AddDays(30);

        ShouldSucceed(lead.HandOff(Marketing, again, MoveVersion, null));

        lead.Stage.ShouldBe(LeadStage.HandedOff);
        lead.OwnerEmail.ShouldBeNull();
        lead.HandedOffAt.ShouldBe(again);
        lead.HandedOffVersion.ShouldBe(MoveVersion);
        lead.ClaimedAt.ShouldBeNull();
        lead.FirstContactAt.ShouldBeNull();
        lead.ContactAttempts.ShouldBe(0);
        lead.RejectedAt.ShouldBeNull();
        lead.RejectionReason.ShouldBeNull();
        lead.Events.Select(e => e.Type).ShouldBe([
            LeadEventType.HandedOff, LeadEventType.Claimed, LeadEventType.ContactAttempt, LeadEventType.Rejected, LeadEventType.HandedOff,
        ]);
        lead.Events.Single(e => e.Type == LeadEventType.Rejected).Reason.ShouldBe("No budget");
    }

    [Fact]
    public void ARecycledLead_CanBeClaimedByAnotherRep_AndThePreviousOwnerHasNoSayAnyMore()
    {
        var lead = RejectedBy(Rep1);
        ShouldSucceed(lead.HandOff(Marketing, Now, MoveVersion, null));

        ShouldSucceed(lead.Claim(Rep2, Now.AddMinutes(5), MoveVersion));

        lead.OwnerEmail.ShouldBe(Rep2.Email);
        lead.Accept(Rep1, Now.AddMinutes(6), MoveVersion).Kind.ShouldBe(ResultKind.Forbidden);
    }

    // ---- Qualification and stage ----

    [Fact]
    public void RequalifyingALeadWithSales_ChangesItsScoreButNotItsStage()
    {
        var lead = ClaimedBy(Rep1);

        lead.ApplyQualification(Verdict(isMql: false, score: 10), "{}");

        lead.Stage.ShouldBe(LeadStage.Claimed);
        lead.IsMql.ShouldBeFalse();
        lead.Score.ShouldBe(10);
    }

    [Fact]
    public void ALeadMarketingStillHas_MovesBetweenNewAndMql_WithItsVerdict()
    {
        var lead = NewLead(isMql: false);

        lead.ApplyQualification(Verdict(isMql: true, score: 80), "{}");
        lead.Stage.ShouldBe(LeadStage.Mql);

        lead.ApplyQualification(Verdict(isMql: false, score: 20), "{}");
        lead.Stage.ShouldBe(LeadStage.New);
    }

    private static QualificationVerdict Verdict(bool isMql, int score) =>
        new(isMql, true, score, 60, "C", null, 0, [], [], 1);
}
