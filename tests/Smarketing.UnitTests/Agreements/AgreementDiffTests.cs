using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;
using Smarketing.Infrastructure.Demo;

namespace Smarketing.UnitTests.Agreements;

/// <summary>The difference between two versions, read by managers as plain sentences, clause by clause.</summary>
public sealed class AgreementDiffTests
{
    private static List<string> Lines(AgreementContent from, AgreementContent to) =>
        AgreementDiff.Between(from, to).Select(l => l.Text).ToList();

    [Fact]
    public void TheDemoDraft_ReadsAsFiveSentences_InTheOrderOfTheContract()
    {
        var diff = AgreementDiff.Between(DemoAgreement.Version1(), DemoAgreement.Version2Draft());

        diff.ShouldBe(
        [
            new DiffLine(AgreementSection.MarketingClauses, "Clause 'Monthly MQL volume': MQLs delivered at least 400 per month -> MQLs delivered at least 450 per month"),
            new DiffLine(AgreementSection.Personas, "Persona 'RevOps Lead' added"),
            new DiffLine(AgreementSection.ResponseRules, "First contact for A-leads: 4 business hours -> 2 business hours"),
            new DiffLine(AgreementSection.Calendar, "Holiday Fri 2027-12-31 added"),
            new DiffLine(AgreementSection.Reasons, "Rejection reason 'Student or job seeker' added"),
        ]);
    }

    [Fact]
    public void GoingBack_ReadsAsTheOppositeChanges()
    {
        Lines(DemoAgreement.Version2Draft(), DemoAgreement.Version1()).ShouldBe(
        [
            "Clause 'Monthly MQL volume': MQLs delivered at least 450 per month -> MQLs delivered at least 400 per month",
            "Persona 'RevOps Lead' removed",
            "First contact for A-leads: 2 business hours -> 4 business hours",
            "Holiday Fri 2027-12-31 removed",
            "Rejection reason 'Student or job seeker' removed",
        ]);
    }

    [Fact]
    public void AVersionComparedWithItself_HasNoDifferences()
    {
        Lines(DemoAgreement.Version1(), DemoAgreement.Version1()).ShouldBeEmpty();
    }

    [Fact]
    public void OnlyOneSectionsLines_AreGivenWhenAskedForThatSection()
    {
        AgreementDiff.Section(AgreementSection.Personas, DemoAgreement.Version1(), DemoAgreement.Version2Draft())
            .Select(l => l.Text).ShouldBe(["Persona 'RevOps Lead' added"]);
    }

    [Fact]
    public void APercentageClauseTargetChange_ShowsBothCommitmentsWithTheirSegment()
    {
        var after = DemoAgreement.Version1();
        after.SalesClauses[0].Target = 98;

        Lines(DemoAgreement.Version1(), after).ShouldBe(
            ["Clause 'Fast first contact for A-leads': First contact on time at least 95% per month (A-leads) -> First contact on time at least 98% per month (A-leads)"]);
    }

    [Fact]
    public void AClauseAddedAndAnotherRemoved_AreNamed()
    {
        var after = DemoAgreement.Version1();
        after.SalesClauses.RemoveAt(4);
        after.MarketingClauses.Add(new Clause
        {
            Title = "Founder MQLs", Owner = Department.Marketing, Metric = ClauseMetric.MqlsDelivered, Target = 40, Period = Period.Quarter, Persona = "Startup Founder",
        });

        Lines(DemoAgreement.Version1(), after).ShouldBe(
        [
            "Clause 'Founder MQLs' added: MQLs delivered at least 40 per quarter (persona Startup Founder)",
            "Clause 'Win rate' removed",
        ]);
    }

    [Fact]
    public void ARenamedPersona_IsRecognisedAsTheSamePersona_NotRemovedAndAdded()
    {
        var after = DemoAgreement.Version1();
        after.Personas[2].Name = "Founder";
        after.Personas[0].CompanySizeMin = 500;

        Lines(DemoAgreement.Version1(), after).ShouldBe(
        [
            "Persona 'IT Director': company size: 200-5000 -> 500-5000",
            "Persona 'Startup Founder' renamed: 'Startup Founder' -> 'Founder'",
        ]);
    }

    [Fact]
    public void APersonasEditedFreeText_IsMentionedWithoutQuotingIt()
    {
        var after = DemoAgreement.Version1();
        after.Personas[1].Pains = "Month end is chaos.";

        Lines(DemoAgreement.Version1(), after).ShouldBe(["Persona 'Operations Manager': pains edited"]);
    }

    [Fact]
    public void AGradeWithANewLowestScore_AndANewGrade_AreSaidInPoints()
    {
        var after = DemoAgreement.Version1();
        after.LeadDefinition.Grades[0].MinScore = 85;
        after.LeadDefinition.Grades.Add(new Grade { Name = "A+", MinScore = 120 });
        after.LeadDefinition.MqlThreshold = 65;

        Lines(DemoAgreement.Version1(), after).ShouldBe(
        [
            "MQL threshold: 60 points -> 65 points",
            "Grade A: from 90 points -> from 85 points",
            "Grade A+ added: from 120 points",
        ]);
    }

    [Fact]
    public void AResponseRuleCoveringMoreGrades_SaysWhatItCoversNow()
    {
        var after = DemoAgreement.Version1();
        after.ResponseRules.Rules[0].Grades = ["A", "B"];
        after.ResponseRules.Rules[0].WarningPercent = 50;

        Lines(DemoAgreement.Version1(), after).ShouldBe(
        [
            "Response rule 'A-leads' covers: A-leads -> A/B-leads",
            "At-risk warning for A/B-leads: 75% of the budget -> 50% of the budget",
        ]);
    }

    [Fact]
    public void TheDefaultRulesBudgets_AreSaidForAllOtherLeads()
    {
        var after = DemoAgreement.Version1();
        after.ResponseRules.Rules[1].Decision = new BusinessDuration(1, DurationUnit.Days);
        after.ResponseRules.Rules[1].FollowUpAttempts = 8;

        Lines(DemoAgreement.Version1(), after).ShouldBe(
        [
            "Accept or reject for all other leads: 2 business days -> 1 business day",
            "Follow-up for all other leads: 6 attempts in 10 business days -> 8 attempts in 10 business days",
        ]);
    }

    [Fact]
    public void SwitchingToRoundRobin_IsSaidInWords()
    {
        var after = DemoAgreement.Version1();
        after.ResponseRules.Assignment = AssignmentMode.RoundRobin;

        Lines(DemoAgreement.Version1(), after).ShouldBe(["Assignment: open pool (reps claim) -> round robin"]);
    }

    [Fact]
    public void CalendarChanges_NameTheTimeZone_TheDaysHours_AndTheHolidays()
    {
        var after = DemoAgreement.Version1();
        after.Calendar.TimeZone = "America/Chicago";
        after.Calendar.WorkingHours.RemoveAll(w => w.Day == DayOfWeek.Friday);
        after.Calendar.WorkingHours.Add(new WorkingHours(DayOfWeek.Friday, new TimeOnly(13, 0), new TimeOnly(16, 0)));
        after.Calendar.WorkingHours.Add(new WorkingHours(DayOfWeek.Friday, new TimeOnly(8, 30), new TimeOnly(12, 0)));
        after.Calendar.WorkingHours.Add(new WorkingHours(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(14, 0)));
        after.Calendar.Holidays.Remove(new DateOnly(2026, 12, 25));

        Lines(DemoAgreement.Version1(), after).ShouldBe(
        [
            "Time zone: America/New_York -> America/Chicago",
            "Friday: 09:00-17:00 -> 08:30-12:00, 13:00-16:00",
            "Saturday: closed -> 10:00-14:00",
            "Holiday Fri 2026-12-25 removed",
        ]);
    }

    [Fact]
    public void ReasonsAddedAndRemoved_AreEachNamed()
    {
        var after = DemoAgreement.Version1();
        after.Reasons.RejectionReasons.Remove("Duplicate");
        after.Reasons.LostReasons.Add("Went with in-house tool");
        after.Reasons.LostReasons.Remove("Timing");

        Lines(DemoAgreement.Version1(), after).ShouldBe(
        [
            "Rejection reason 'Duplicate' removed",
            "Lost reason 'Went with in-house tool' added",
            "Lost reason 'Timing' removed",
        ]);
    }

    [Fact]
    public void AFitRuleChange_ReadsAsTheConditionBeforeAndAfter()
    {
        var after = DemoAgreement.Version1();
        after.LeadDefinition.FitRules[1].Condition.Values = ["US", "CA", "MX"];

        Lines(DemoAgreement.Version1(), after).ShouldBe(["Fit rule: country is one of [US, CA] -> country is one of [US, CA, MX]"]);
    }
}
