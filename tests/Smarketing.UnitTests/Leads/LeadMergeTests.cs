using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.UnitTests.Leads;

/// <summary>
/// Merging a duplicate into a lead by hand: both histories are kept (nothing is moved or rewritten, each lead records
/// the merge), the survivor keeps its own details unless the manager takes one from the duplicate, and a merge that
/// would make SLA clocks count twice or vanish is refused with the reason.
/// </summary>
public sealed class LeadMergeTests
{
    private static readonly Actor Marketing = new("u-marketing", "marketing@demo.test");
    private static readonly Actor Rep1 = new("u-rep1", "rep1@demo.test");
    private static readonly DateTimeOffset HandOffTime = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = HandOffTime.AddDays(2);
    private const int Version = 3;

    private static Lead Ava() => new()
    {
        FirstName = "Ava",
        LastName = "Adams",
        Email = "ava.adams@northwind.example",
        Company = "Northwind",
        Title = null,
        CompanySize = 120,
        EngagementScore = 40,
        IsMql = true,
        Stage = LeadStage.Mql,
    };

    private static Lead AvaAtHome() => new()
    {
        FirstName = "Ava",
        LastName = "Adams-Lee",
        Email = "ava@home.example",
        Company = "Northwind Traders",
        Title = "CTO",
        CompanySize = 120,
        EngagementScore = 75,
        Stage = LeadStage.New,
    };

    private static Lead HandedOff(Lead lead)
    {
        lead.HandOff(Marketing, HandOffTime, 1, "Asked for a call").Succeeded.ShouldBeTrue();
        return lead;
    }

    private static Lead RejectedBySales(Lead lead)
    {
        HandedOff(lead);
        lead.Claim(Rep1, HandOffTime.AddMinutes(5), 1).Succeeded.ShouldBeTrue();
        lead.Reject(Rep1, "No budget", ["No budget"], HandOffTime.AddHours(1), 1).Succeeded.ShouldBeTrue();
        return lead;
    }

    private static Lead MergedAway(Lead lead)
    {
        Ava().Absorb(lead, [], Marketing, Now.AddDays(-1), Version).Succeeded.ShouldBeTrue();
        return lead;
    }

    [Fact]
    public void The_duplicate_is_kept_marked_as_merged_into_the_survivor()
    {
        var survivor = Ava();
        var duplicate = AvaAtHome();

        survivor.Absorb(duplicate, [], Marketing, Now, Version).Succeeded.ShouldBeTrue();

        duplicate.Stage.ShouldBe(LeadStage.Merged);
        duplicate.MergedIntoId.ShouldBe(survivor.Id);
        duplicate.Email.ShouldBe("ava@home.example");
        survivor.Stage.ShouldBe(LeadStage.Mql);
        survivor.MergedIntoId.ShouldBeNull();
    }

    [Fact]
    public void Both_leads_record_who_merged_what_and_when_as_a_new_event()
    {
        var survivor = Ava();
        var duplicate = AvaAtHome();

        survivor.Absorb(duplicate, [MergeField.Title], Marketing, Now, Version);

        var kept = survivor.Events.ShouldHaveSingleItem();
        kept.Type.ShouldBe(LeadEventType.Merged);
        kept.LeadId.ShouldBe(survivor.Id);
        kept.ActorEmail.ShouldBe(Marketing.Email);
        kept.At.ShouldBe(Now);
        kept.SlaVersion.ShouldBe(Version);
        kept.FromStage.ShouldBe(LeadStage.Mql);
        kept.ToStage.ShouldBe(LeadStage.Mql);
        kept.Note!.ShouldContain("ava@home.example");
        kept.Note!.ShouldContain("title: (none) -> CTO");

        var gone = duplicate.Events.ShouldHaveSingleItem();
        gone.Type.ShouldBe(LeadEventType.Merged);
        gone.LeadId.ShouldBe(duplicate.Id);
        gone.FromStage.ShouldBe(LeadStage.New);
        gone.ToStage.ShouldBe(LeadStage.Merged);
        gone.Note!.ShouldContain("ava.adams@northwind.example");
        gone.Note!.ShouldContain("Title");
    }

    [Fact]
    public void The_survivor_keeps_its_own_details_unless_a_field_is_taken_from_the_duplicate()
    {
        var survivor = Ava();

        survivor.Absorb(AvaAtHome(), [MergeField.Company, MergeField.EngagementScore], Marketing, Now, Version);

        survivor.Company.ShouldBe("Northwind Traders");
        survivor.EngagementScore.ShouldBe(75);
        survivor.LastName.ShouldBe("Adams");
        survivor.Title.ShouldBeNull();
        survivor.Email.ShouldBe("ava.adams@northwind.example");
    }

    [Fact]
    public void A_merge_that_takes_nothing_says_so_on_both_leads()
    {
        var survivor = Ava();
        var duplicate = AvaAtHome();

        survivor.Absorb(duplicate, [], Marketing, Now, Version);

        survivor.Events.Single().Note!.ShouldContain("kept all of its own details");
        duplicate.Events.Single().Note!.ShouldContain("none of its details were taken");
    }

    [Fact]
    public void A_lead_cannot_be_merged_into_itself()
    {
        var lead = Ava();

        var result = lead.Absorb(lead, [], Marketing, Now, Version);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors["DuplicateId"].Single().ShouldContain("into itself");
        lead.Events.ShouldBeEmpty();
        lead.Stage.ShouldBe(LeadStage.Mql);
    }

    [Fact]
    public void Nothing_is_merged_into_a_lead_that_is_itself_merged()
    {
        var merged = MergedAway(Ava());
        var duplicate = AvaAtHome();

        var result = merged.Absorb(duplicate, [], Marketing, Now, Version);

        result.Kind.ShouldBe(ResultKind.Conflict);
        result.Message!.ShouldContain("is itself merged into another lead");
        duplicate.Stage.ShouldBe(LeadStage.New);
        duplicate.Events.ShouldBeEmpty();
    }

    [Fact]
    public void A_duplicate_already_merged_elsewhere_is_not_merged_again()
    {
        var duplicate = MergedAway(AvaAtHome());
        var firstSurvivor = duplicate.MergedIntoId;

        var result = Ava().Absorb(duplicate, [], Marketing, Now, Version);

        result.Kind.ShouldBe(ResultKind.Conflict);
        result.Message!.ShouldContain("is already merged into another lead");
        duplicate.MergedIntoId.ShouldBe(firstSurvivor);
    }

    [Fact]
    public void A_duplicate_handed_off_to_sales_is_refused_because_its_sla_clocks_would_count_twice_or_vanish()
    {
        var survivor = Ava();
        var duplicate = HandedOff(AvaAtHome());
        var eventsBefore = duplicate.Events.Count;

        var result = survivor.Absorb(duplicate, [MergeField.Company], Marketing, Now, Version);

        result.Kind.ShouldBe(ResultKind.Conflict);
        result.Message!.ShouldContain("handed off to sales");
        result.Message!.ShouldContain("SLA clocks");
        result.Message!.ShouldContain("merge Ava Adams into Ava Adams-Lee instead");
        duplicate.Stage.ShouldBe(LeadStage.HandedOff);
        duplicate.Events.Count.ShouldBe(eventsBefore);
        survivor.Company.ShouldBe("Northwind");
        survivor.Events.ShouldBeEmpty();
    }

    [Fact]
    public void A_duplicate_sales_returned_to_marketing_still_has_its_clocks_and_is_refused_too()
    {
        var result = Ava().Absorb(RejectedBySales(AvaAtHome()), [], Marketing, Now, Version);

        result.Kind.ShouldBe(ResultKind.Conflict);
        result.Message!.ShouldContain("SLA clocks");
    }

    [Fact]
    public void When_both_leads_were_handed_off_neither_way_round_is_offered()
    {
        var result = HandedOff(Ava()).Absorb(HandedOff(AvaAtHome()), [], Marketing, Now, Version);

        result.Kind.ShouldBe(ResultKind.Conflict);
        result.Message!.ShouldContain("Both leads were handed off to sales");
    }

    [Fact]
    public void A_lead_with_sales_may_take_in_a_duplicate_marketing_still_holds_and_keeps_its_clocks_stage_and_owner()
    {
        var survivor = HandedOff(Ava());
        survivor.Claim(Rep1, HandOffTime.AddMinutes(5), 1);

        var result = survivor.Absorb(AvaAtHome(), [MergeField.Title], Marketing, Now, Version);

        result.Succeeded.ShouldBeTrue();
        survivor.Stage.ShouldBe(LeadStage.Claimed);
        survivor.OwnerEmail.ShouldBe(Rep1.Email);
        survivor.HandedOffAt.ShouldBe(HandOffTime);
        survivor.Title.ShouldBe("CTO");
    }

    [Fact]
    public void A_merged_duplicate_cannot_be_handed_off_or_edited()
    {
        var duplicate = MergedAway(AvaAtHome());

        duplicate.HandOff(Marketing, Now, Version, "Asked for a call").Kind.ShouldBe(ResultKind.Conflict);
        var edit = duplicate.CheckEditable();
        edit.Kind.ShouldBe(ResultKind.Conflict);
        edit.Message!.ShouldContain("was merged into another lead");
    }

    [Fact]
    public void Nobody_is_offered_anything_on_a_merged_duplicate()
    {
        var duplicate = MergedAway(AvaAtHome());

        duplicate.ActionsFor(Marketing.Id, [Roles.MarketingManager, Roles.SalesManager, Roles.SalesRep]).Any.ShouldBeFalse();
    }

    [Fact]
    public void Only_a_marketing_manager_is_offered_the_merge_and_only_on_a_lead_of_its_own()
    {
        Ava().ActionsFor(Marketing.Id, [Roles.MarketingManager]).Allows(LeadAction.Merge).ShouldBeTrue();
        HandedOff(Ava()).ActionsFor(Marketing.Id, [Roles.MarketingManager]).Allows(LeadAction.Merge).ShouldBeTrue();
        Ava().ActionsFor(Rep1.Id, [Roles.SalesRep, Roles.SalesManager, Roles.Leadership, Roles.Admin]).Allows(LeadAction.Merge).ShouldBeFalse();
    }

    [Fact]
    public void The_merge_check_answers_what_the_merge_would_without_changing_either_lead()
    {
        var survivor = Ava();
        var duplicate = HandedOff(AvaAtHome());

        survivor.CheckMerge(duplicate).Kind.ShouldBe(ResultKind.Conflict);
        survivor.CheckMerge(AvaAtHome()).Succeeded.ShouldBeTrue();
        survivor.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Lists_counts_and_reports_show_every_stage_but_merged()
    {
        LeadStages.OfItsOwn.ShouldNotContain(LeadStage.Merged);
        LeadStages.OfItsOwn.Count.ShouldBe(Enum.GetValues<LeadStage>().Length - 1);
        var standsAlone = LeadStages.StandsAlone.Compile();
        standsAlone(MergedAway(AvaAtHome())).ShouldBeFalse();
        standsAlone(Ava()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("company", MergeField.Company)]
    [InlineData("companySize", MergeField.CompanySize)]
    [InlineData("EngagementScore", MergeField.EngagementScore)]
    [InlineData(" firstName ", MergeField.FirstName)]
    public void A_field_is_named_as_the_api_names_it(string name, MergeField field) =>
        LeadMergeFields.Parse(name).ShouldBe(field);

    [Theory]
    [InlineData("email")]
    [InlineData("externalId")]
    [InlineData("stage")]
    [InlineData("1")]
    [InlineData("")]
    public void Identity_and_state_fields_are_not_taken_from_a_duplicate(string name) =>
        LeadMergeFields.Parse(name).ShouldBeNull();
}
