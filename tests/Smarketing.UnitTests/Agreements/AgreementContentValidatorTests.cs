using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;
using Smarketing.Infrastructure.Demo;

namespace Smarketing.UnitTests.Agreements;

/// <summary>
/// What the draft editor and the API say when an agreement is wrong: one message per problem, keyed by the field
/// it is about, in words a manager can act on. Each test starts from the valid demo version 1 and breaks one thing.
/// </summary>
public sealed class AgreementContentValidatorTests
{
    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsFor(AgreementContent content)
    {
        var result = await new AgreementContentValidator().CheckAsync(content, TestContext.Current.CancellationToken);
        return result?.Errors ?? new Dictionary<string, string[]>();
    }

    private static ResponseRule DefaultRule(AgreementContent content) => content.ResponseRules.Rules.Single(r => r.IsDefault);

    private static ResponseRule ALeadsRule(AgreementContent content) => content.ResponseRules.Rules.Single(r => r.Name == "A-leads");

    [Fact]
    public async Task TheDemoVersions_AreValid()
    {
        (await ErrorsFor(DemoAgreement.Version1())).ShouldBeEmpty();
        (await ErrorsFor(DemoAgreement.Version2Draft())).ShouldBeEmpty();
    }

    // Response rules

    [Fact]
    public async Task OverlappingResponseRules_AreRefused_WithAMessageNamingBothRules()
    {
        var content = DemoAgreement.Version1();
        content.ResponseRules.Rules.Add(new ResponseRule { Name = "IT Directors", Personas = ["IT Director"] });

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["ResponseRules.Rules"]);
        errors["ResponseRules.Rules"].ShouldBe(
            ["Rules 'A-leads' and 'IT Directors' overlap: a lead could match both. Narrow their grades or personas."]);
    }

    [Fact]
    public async Task RulesForDifferentPersonasOfTheSameGrade_AreAccepted()
    {
        var content = DemoAgreement.Version1();
        ALeadsRule(content).Personas = ["IT Director"];
        content.ResponseRules.Rules.Add(new ResponseRule { Name = "A-lead founders", Grades = ["A"], Personas = ["Startup Founder"] });

        (await ErrorsFor(content)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AgreementWithoutADefaultRule_IsRefused_SayingOneMustCatchTheRest()
    {
        var content = DemoAgreement.Version1();
        DefaultRule(content).IsDefault = false;
        ALeadsRule(content).Grades = ["A"];

        var errors = await ErrorsFor(content);

        // The former default now covers every lead, so it also overlaps the A-lead rule; both are said.
        errors["ResponseRules.Rules"].ShouldBe(
        [
            "One rule must be the default, catching every lead no other rule matches.",
            "Rules 'A-leads' and 'All other leads' overlap: a lead could match both. Narrow their grades or personas.",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task AgreementWithTwoDefaultRules_IsRefused_NamingBoth()
    {
        var content = DemoAgreement.Version1();
        ALeadsRule(content).IsDefault = true;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["ResponseRules.Rules"]);
        errors["ResponseRules.Rules"].ShouldBe(["Only one rule can be the default; 'A-leads' and 'All other leads' both are."]);
    }

    [Fact]
    public async Task AZeroFirstContactBudget_IsRefused_NamingTheRule()
    {
        var content = DemoAgreement.Version1();
        ALeadsRule(content).FirstContact = new BusinessDuration(0, DurationUnit.Hours);

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["ResponseRules.Rules[0].FirstContact.Value"]);
        errors["ResponseRules.Rules[0].FirstContact.Value"].ShouldBe(["Rule 'A-leads': first-contact budget must be positive."]);
    }

    [Fact]
    public async Task NegativeDecisionBudget_FollowUpAttemptsAndWindow_AreEachRefused()
    {
        var content = DemoAgreement.Version1();
        var fallback = DefaultRule(content);
        fallback.Decision = new BusinessDuration(-1, DurationUnit.Days);
        fallback.FollowUpAttempts = 0;
        fallback.FollowUpWindow = new BusinessDuration(0, DurationUnit.Days);

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(
            ["ResponseRules.Rules[1].Decision.Value", "ResponseRules.Rules[1].FollowUpAttempts", "ResponseRules.Rules[1].FollowUpWindow.Value"],
            ignoreOrder: true);
        errors["ResponseRules.Rules[1].Decision.Value"].ShouldBe(["Rule 'All other leads': accept-or-reject budget must be positive."]);
        errors["ResponseRules.Rules[1].FollowUpAttempts"].ShouldBe(["Rule 'All other leads': follow-up attempts must be positive."]);
        errors["ResponseRules.Rules[1].FollowUpWindow.Value"].ShouldBe(["Rule 'All other leads': follow-up window must be positive."]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-5)]
    public async Task AnAtRiskWarningOutside1To99Percent_IsRefused(int percent)
    {
        var content = DemoAgreement.Version1();
        ALeadsRule(content).WarningPercent = percent;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["ResponseRules.Rules[0].WarningPercent"]);
        errors["ResponseRules.Rules[0].WarningPercent"].ShouldBe(["Rule 'A-leads': at-risk warning must be between 1 and 99 percent of the budget."]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    public async Task AnAtRiskWarningAtTheEdgesOfTheRange_IsAccepted(int percent)
    {
        var content = DemoAgreement.Version1();
        ALeadsRule(content).WarningPercent = percent;

        (await ErrorsFor(content)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AResponseRuleForAnUnknownGrade_IsRefused_NamingTheGrade()
    {
        var content = DemoAgreement.Version1();
        ALeadsRule(content).Grades = ["A", "Z"];

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["ResponseRules.Rules[0].Grades"]);
        errors["ResponseRules.Rules[0].Grades"].ShouldBe(["Rule 'A-leads': grade Z is not defined in the lead definition."]);
    }

    [Fact]
    public async Task AResponseRuleForAnUnknownPersona_IsRefused_NamingThePersona()
    {
        var content = DemoAgreement.Version1();
        ALeadsRule(content).Personas = ["CFO"];

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["ResponseRules.Rules[0].Personas"]);
        errors["ResponseRules.Rules[0].Personas"].ShouldBe(["Rule 'A-leads': persona CFO is not one of the agreement's personas."]);
    }

    // Clauses

    [Fact]
    public async Task APercentageTargetAbove100_IsRefused_NamingTheClause()
    {
        var content = DemoAgreement.Version1();
        content.SalesClauses[0].Target = 101;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["SalesClauses[0].Target"]);
        errors["SalesClauses[0].Target"].ShouldBe(["Clause 'Fast first contact for A-leads': a percentage target must be between 0 and 100."]);
    }

    [Fact]
    public async Task ACountTargetAbove100_IsFine_BecauseOnlyPercentagesAreCapped()
    {
        var content = DemoAgreement.Version1();
        content.MarketingClauses[0].Target = 450;

        (await ErrorsFor(content)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public async Task ANonPositiveTarget_IsRefused_NamingTheClause(int target)
    {
        var content = DemoAgreement.Version1();
        content.MarketingClauses[0].Target = target;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["MarketingClauses[0].Target"]);
        errors["MarketingClauses[0].Target"].ShouldBe(["Clause 'Monthly MQL volume': target must be positive."]);
    }

    [Fact]
    public async Task AMarketingClauseMeasuringASalesMetric_IsRefused_SayingWhoseMetricItIs()
    {
        var content = DemoAgreement.Version1();
        content.MarketingClauses[1].Metric = ClauseMetric.SqlToWonRate;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["MarketingClauses[1].Metric"]);
        errors["MarketingClauses[1].Metric"].ShouldBe(["Clause 'Lead quality': SQL-to-won rate is a sales metric, not marketing's."]);
    }

    [Fact]
    public async Task ASalesClauseMeasuringAMarketingMetric_IsRefused()
    {
        var content = DemoAgreement.Version1();
        content.SalesClauses[4].Metric = ClauseMetric.MqlsDelivered;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["SalesClauses[4].Metric"]);
        errors["SalesClauses[4].Metric"].ShouldBe(["Clause 'Win rate': MQLs delivered is a marketing metric, not sales'."]);
    }

    [Fact]
    public async Task AMarketingClauseFiledUnderSales_IsRefused_SayingWhoseSectionItIsIn()
    {
        var content = DemoAgreement.Version1();
        content.SalesClauses[4].Owner = Department.Marketing;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["SalesClauses[4].Owner"]);
        errors["SalesClauses[4].Owner"].ShouldBe(["Clause 'Win rate' belongs to sales' section."]);
    }

    [Fact]
    public async Task AClauseWithAMetricOutsideTheCatalogue_IsRefused()
    {
        var content = DemoAgreement.Version1();
        content.MarketingClauses[0].Metric = (ClauseMetric)99;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["MarketingClauses[0].Metric"]);
        errors["MarketingClauses[0].Metric"].ShouldBe(["Choose a metric from the catalogue."]);
    }

    [Fact]
    public async Task AClauseForAnUnknownGrade_IsRefused_NamingTheGrade()
    {
        var content = DemoAgreement.Version1();
        content.SalesClauses[0].Grade = "AAA";

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["SalesClauses[0].Grade"]);
        errors["SalesClauses[0].Grade"].ShouldBe(["Clause 'Fast first contact for A-leads': grade 'AAA' is not one of the lead definition's grades."]);
    }

    [Fact]
    public async Task AClauseForAnUnknownPersona_IsRefused_NamingThePersona()
    {
        var content = DemoAgreement.Version1();
        content.MarketingClauses[0].Persona = "Procurement";

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["MarketingClauses[0].Persona"]);
        errors["MarketingClauses[0].Persona"].ShouldBe(["Clause 'Monthly MQL volume': persona 'Procurement' is not one of the agreement's personas."]);
    }

    [Fact]
    public async Task TwoClausesOfOneDepartmentWithTheSameTitle_AreRefused()
    {
        var content = DemoAgreement.Version1();
        content.SalesClauses[1].Title = "win RATE";

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["SalesClauses"]);
        errors["SalesClauses"].ShouldBe(["Each of sales' clauses needs a different title."]);
    }

    // Personas

    [Fact]
    public async Task TwoPersonasWithTheSameName_AreRefused_NamingTheName()
    {
        var content = DemoAgreement.Version1();
        content.Personas[2].Name = "it director";

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Personas"]);
        errors["Personas"].ShouldBe(["Persona names must be unique: 'IT Director' appears more than once."]);
    }

    [Fact]
    public async Task TwoPersonasWithTheSameId_AreRefused_BecauseVersionsAreComparedById()
    {
        var content = DemoAgreement.Version1();
        var copy = DemoAgreement.Version1().Personas[0];
        copy.Name = "IT Director (EMEA)";
        content.Personas.Add(copy);

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Personas"]);
        errors["Personas"].ShouldBe(["Each persona needs its own id; b0000000-0000-0000-0000-000000000001 is used more than once. Leave the id out to get a new one."]);
    }

    [Fact]
    public async Task RepeatedIdsInClausesRulesAndResponseRules_AreRefused_InTheirOwnSections()
    {
        var content = DemoAgreement.Version1();
        content.SalesClauses[1].Id = content.SalesClauses[0].Id;
        content.LeadDefinition.FitRules[1].Id = content.LeadDefinition.FitRules[0].Id;
        content.LeadDefinition.ScoringRules[3].Id = content.LeadDefinition.ScoringRules[2].Id;
        content.ResponseRules.Rules[1].Id = content.ResponseRules.Rules[0].Id;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["SalesClauses", "LeadDefinition.FitRules", "LeadDefinition.ScoringRules", "ResponseRules.Rules"], ignoreOrder: true);
        errors["SalesClauses"].ShouldBe(["Each clause needs its own id; c0000002-0000-0000-0000-000000000001 is used more than once. Leave the id out to get a new one."]);
        errors["LeadDefinition.FitRules"].ShouldBe(["Each fit rule needs its own id; f0000000-0000-0000-0000-000000000001 is used more than once. Leave the id out to get a new one."]);
        errors["LeadDefinition.ScoringRules"].ShouldBe(["Each scoring rule needs its own id; a0000000-0000-0000-0000-000000000003 is used more than once. Leave the id out to get a new one."]);
        errors["ResponseRules.Rules"].ShouldBe(["Each response rule needs its own id; e0000000-0000-0000-0000-000000000001 is used more than once. Leave the id out to get a new one."]);
    }

    [Fact]
    public async Task APersonaWhoseLargestCompanyIsSmallerThanItsSmallest_IsRefused()
    {
        var content = DemoAgreement.Version1();
        content.Personas[1].CompanySizeMin = 500;
        content.Personas[1].CompanySizeMax = 100;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Personas[1].CompanySizeMax"]);
        errors["Personas[1].CompanySizeMax"].ShouldBe(["Persona 'Operations Manager': largest company size must not be below the smallest."]);
    }

    [Fact]
    public async Task APersonaWithoutAName_IsRefused()
    {
        var content = DemoAgreement.Version1();
        content.Personas[0].Name = " ";

        var errors = await ErrorsFor(content);

        errors["Personas[0].Name"].ShouldBe(["Persona name is required."]);
    }

    // Lead definition

    [Fact]
    public async Task AtLeastOnATextField_IsRefused_SayingItNeedsANumberField()
    {
        var content = DemoAgreement.Version1();
        content.LeadDefinition.FitRules[1].Condition = new Condition { Field = LeadField.Country, Operator = RuleOperator.AtLeast, Values = ["US"] };

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["LeadDefinition.FitRules[1].Condition.Operator"]);
        errors["LeadDefinition.FitRules[1].Condition.Operator"].ShouldBe(["Fit rule: 'at least' and 'at most' need a number field, not Country."]);
    }

    [Fact]
    public async Task ANumberFieldComparedWithText_IsRefused()
    {
        var content = DemoAgreement.Version1();
        content.LeadDefinition.ScoringRules[2].Condition.Values = ["lots"];

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["LeadDefinition.ScoringRules[2].Condition.Values"]);
        errors["LeadDefinition.ScoringRules[2].Condition.Values"].ShouldBe(["Scoring rule 'Large company': CompanySize is compared with numbers."]);
    }

    // Calendar

    [Theory]
    [InlineData("Eastern Standard Time in Narnia")]
    [InlineData("America/Gotham")]
    [InlineData("")]
    public async Task AnUnknownTimeZone_IsRefused_WithAnExample(string zone)
    {
        var content = DemoAgreement.Version1();
        content.Calendar.TimeZone = zone;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Calendar.TimeZone"]);
        errors["Calendar.TimeZone"].ShouldBe([$"Time zone '{zone}' is not a known IANA time zone (e.g. America/New_York, Europe/Berlin)."]);
    }

    [Fact]
    public async Task AnotherRealIanaTimeZone_IsAccepted()
    {
        var content = DemoAgreement.Version1();
        content.Calendar.TimeZone = "Europe/Berlin";

        (await ErrorsFor(content)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("17:00", "09:00")]
    [InlineData("09:00", "09:00")]
    public async Task WorkingHoursThatDoNotStartBeforeTheyEnd_AreRefused(string start, string end)
    {
        var content = DemoAgreement.Version1();
        content.Calendar.WorkingHours[2] = new WorkingHours(DayOfWeek.Wednesday, TimeOnly.Parse(start), TimeOnly.Parse(end));

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Calendar.WorkingHours[2].End"]);
        errors["Calendar.WorkingHours[2].End"].ShouldBe([$"Wednesday {start}-{end}: start must be before end (an end of 00:00 means midnight)."]);
    }

    [Fact]
    public async Task OverlappingRangesOnOneDay_AreRefused_NamingTheDayAndBothRanges()
    {
        var content = DemoAgreement.Version1();
        content.Calendar.WorkingHours.Add(new WorkingHours(DayOfWeek.Monday, new TimeOnly(16, 0), new TimeOnly(19, 0)));

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Calendar.WorkingHours"]);
        errors["Calendar.WorkingHours"].ShouldBe(["Monday: 09:00-17:00 and 16:00-19:00 overlap."]);
    }

    [Fact]
    public async Task SeveralRangesOnOneDay_ThatDoNotOverlap_AreAccepted()
    {
        var content = DemoAgreement.Version1();
        content.Calendar.WorkingHours.RemoveAll(w => w.Day == DayOfWeek.Friday);
        content.Calendar.WorkingHours.Add(new WorkingHours(DayOfWeek.Friday, new TimeOnly(13, 0), new TimeOnly(17, 0)));
        content.Calendar.WorkingHours.Add(new WorkingHours(DayOfWeek.Friday, new TimeOnly(8, 0), new TimeOnly(12, 0)));
        content.Calendar.WorkingHours.Add(new WorkingHours(DayOfWeek.Friday, new TimeOnly(12, 0), new TimeOnly(13, 0)));

        (await ErrorsFor(content)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AHolidayListedTwice_IsRefused_NamingTheDate()
    {
        var content = DemoAgreement.Version1();
        content.Calendar.Holidays.Add(new DateOnly(2026, 12, 25));

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Calendar.Holidays"]);
        errors["Calendar.Holidays"].ShouldBe(["Holiday 2026-12-25 is listed twice."]);
    }

    [Fact]
    public async Task ACalendarWithNoWorkingHoursAtAll_IsRefused()
    {
        var content = DemoAgreement.Version1();
        content.Calendar.WorkingHours.Clear();

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Calendar.WorkingHours"]);
        errors["Calendar.WorkingHours"].ShouldBe(["The calendar needs at least one working-hours range; without one no SLA clock could ever run."]);
    }

    // Reasons

    [Fact]
    public async Task ABlankRejectionReason_IsRefused()
    {
        var content = DemoAgreement.Version1();
        content.Reasons.RejectionReasons.Add("  ");

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Reasons.RejectionReasons[6]"]);
        errors["Reasons.RejectionReasons[6]"].ShouldBe(["A rejection reason can't be blank."]);
    }

    [Fact]
    public async Task ARejectionReasonListedTwice_IsRefused_NamingIt()
    {
        var content = DemoAgreement.Version1();
        content.Reasons.RejectionReasons.Add("no budget");

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Reasons.RejectionReasons"]);
        errors["Reasons.RejectionReasons"].ShouldBe(["Rejection reason 'No budget' is listed twice."]);
    }

    [Fact]
    public async Task ALostReasonListedTwice_IsRefused_NamingIt()
    {
        var content = DemoAgreement.Version1();
        content.Reasons.LostReasons.Add("Price ");

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Reasons.LostReasons"]);
        errors["Reasons.LostReasons"].ShouldBe(["Lost reason 'Price' is listed twice."]);
    }

    [Fact]
    public async Task NoRejectionReasonsAtAll_IsRefused()
    {
        var content = DemoAgreement.Version1();
        content.Reasons.RejectionReasons.Clear();

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Reasons.RejectionReasons"]);
        errors["Reasons.RejectionReasons"].ShouldBe(["Give sales at least one rejection reason to choose from."]);
    }
}
