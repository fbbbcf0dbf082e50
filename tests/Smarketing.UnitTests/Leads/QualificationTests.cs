using Smarketing.Domain.Agreements;
using Smarketing.Domain.Leads;
using Smarketing.Infrastructure.Demo;

namespace Smarketing.UnitTests.Leads;

/// <summary>
/// Whether a lead is an MQL under the agreement's lead definition, and the reasons a marketing manager reads:
/// each fit rule passed or failed, the points from each scoring rule, the grade and the persona.
/// The definition is the demo agreement's: company size at least 50, country US or CA; 20 points for a
/// "Director" title, 15 for a target industry, 15 for 500+ employees, 25 for a demo request, plus the
/// engagement score; MQL at 60 points; grades A from 90, B from 75, C below.
/// </summary>
public sealed class QualificationTests
{
    private static readonly AgreementContent Agreement = DemoAgreement.Version1();

    private static LeadFacts Facts(
        int? companySize = 120, string? industry = "Retail", string? country = "US", string? title = "Analyst",
        string? source = "Webinar", string? campaign = null, int engagement = 0) =>
        new(companySize, industry, country, title, source, campaign, engagement);

    private static QualificationVerdict Evaluate(LeadFacts lead, LeadDefinition? definition = null) =>
        Qualification.Evaluate(definition ?? Agreement.LeadDefinition, Agreement.Personas, lead, agreementVersion: 3);

    private static Condition When(LeadField field, RuleOperator op, params string[] values) => new() { Field = field, Operator = op, Values = [.. values] };

    // ---- Fit rule operators ----

    [Theory]
    [InlineData(50, true)]
    [InlineData(5000, true)]
    [InlineData(49, false)]
    [InlineData(null, false)]
    public void AtLeast_MatchesTheValueItselfAndAbove_AndNeverAMissingValue(int? companySize, bool matches)
    {
        Qualification.Matches(When(LeadField.CompanySize, RuleOperator.AtLeast, "50"), Facts(companySize: companySize)).ShouldBe(matches);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    [InlineData(null, false)]
    public void AtMost_MatchesTheValueItselfAndBelow_AndNeverAMissingValue(int? companySize, bool matches)
    {
        Qualification.Matches(When(LeadField.CompanySize, RuleOperator.AtMost, "500"), Facts(companySize: companySize)).ShouldBe(matches);
    }

    [Theory]
    [InlineData(40, true)]
    [InlineData(39, false)]
    public void AtLeast_WorksOnTheEngagementScore(int engagement, bool matches)
    {
        Qualification.Matches(When(LeadField.EngagementScore, RuleOperator.AtLeast, "40"), Facts(engagement: engagement)).ShouldBe(matches);
    }

    [Fact]
    public void AtLeast_WithAThresholdThatIsNotANumber_MatchesNothing()
    {
        Qualification.Matches(When(LeadField.CompanySize, RuleOperator.AtLeast, "fifty"), Facts(companySize: 5000)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("US", true)]
    [InlineData("ca", true)]
    [InlineData(" us ", true)]
    [InlineData("GB", false)]
    [InlineData("USA", false)]
    [InlineData(null, false)]
    public void In_MatchesAnyListedValue_WhateverItsCase_AndNeverAMissingValue(string? country, bool matches)
    {
        Qualification.Matches(When(LeadField.Country, RuleOperator.In, "US", "CA"), Facts(country: country)).ShouldBe(matches);
    }

    [Theory]
    [InlineData("Retail", true)]
    [InlineData("education", false)]
    [InlineData("Education", false)]
    [InlineData(null, true)]
    public void NotIn_MatchesWhatIsNotListed_WhateverItsCase_AndAMissingValueIsNoneOfThem(string? industry, bool matches)
    {
        Qualification.Matches(When(LeadField.Industry, RuleOperator.NotIn, "Education", "Student"), Facts(industry: industry)).ShouldBe(matches);
    }

    [Theory]
    [InlineData("IT Director", true)]
    [InlineData("director of sales", true)]
    [InlineData("Analyst", false)]
    [InlineData(null, false)]
    public void Contains_MatchesPartOfTheText_WhateverItsCase_AndNeverAMissingValue(string? title, bool matches)
    {
        Qualification.Matches(When(LeadField.Title, RuleOperator.Contains, "Director"), Facts(title: title)).ShouldBe(matches);
    }

    [Theory]
    [InlineData("Demo request", true)]
    [InlineData("DEMO REQUEST", true)]
    [InlineData("Demo request form", false)]
    [InlineData(null, false)]
    public void EqualsMatchesTheWholeValue_WhateverItsCase_AndNeverAMissingValue(string? source, bool matches)
    {
        Qualification.Matches(When(LeadField.Source, RuleOperator.Equals, "Demo request"), Facts(source: source)).ShouldBe(matches);
    }

    [Theory]
    [InlineData("Webinar", true)]
    [InlineData("demo request", false)]
    [InlineData(null, true)]
    public void NotEquals_MatchesAnythingElse_IncludingAMissingValue(string? source, bool matches)
    {
        Qualification.Matches(When(LeadField.Source, RuleOperator.NotEquals, "Demo request"), Facts(source: source)).ShouldBe(matches);
    }

    [Fact]
    public void ACampaignRule_LooksAtTheCampaign()
    {
        var rule = When(LeadField.Campaign, RuleOperator.Equals, "Compliance e-book");

        Qualification.Matches(rule, Facts(campaign: "compliance e-book")).ShouldBeTrue();
        Qualification.Matches(rule, Facts(campaign: "Brand search")).ShouldBeFalse();
    }

    // ---- Scoring, threshold, grades ----

    [Fact]
    public void ThePointsOfEveryRuleMet_AddUpWithTheEngagementScore()
    {
        // Director 20 + Software 15 + 600 employees 15 + demo request 25 = 75, plus engagement 12.
        var verdict = Evaluate(Facts(companySize: 600, industry: "Software", title: "IT Director", source: "Demo request", engagement: 12));

        verdict.Score.ShouldBe(87);
        verdict.EngagementPoints.ShouldBe(12);
        verdict.ScoreLines.Where(l => l.Earned).Sum(l => l.Points).ShouldBe(75);
    }

    [Fact]
    public void WhenTheAgreementSaysEngagementDoesNotCount_OnlyTheRulesScore()
    {
        var definition = DemoAgreement.Version1().LeadDefinition;
        definition.EngagementScoreCounts = false;

        var verdict = Evaluate(Facts(companySize: 600, industry: "Software", title: "IT Director", source: "Demo request", engagement: 40), definition);

        verdict.Score.ShouldBe(75);
        verdict.EngagementPoints.ShouldBe(0);
    }

    [Fact]
    public void ALeadThatFitsAndReachesTheThresholdExactly_IsAnMql()
    {
        // Demo request 25 + Software 15 + engagement 20 = 60, the threshold.
        var verdict = Evaluate(Facts(industry: "Software", source: "Demo request", engagement: 20));

        verdict.Score.ShouldBe(60);
        verdict.Fits.ShouldBeTrue();
        verdict.IsMql.ShouldBeTrue();
        verdict.Threshold.ShouldBe(60);
    }

    [Fact]
    public void ALeadThatFitsButScoresOnePointShort_IsNotAnMql_AndTheSummarySaysItIsBelowTheThreshold()
    {
        var verdict = Evaluate(Facts(industry: "Software", source: "Demo request", engagement: 19));

        verdict.IsMql.ShouldBeFalse();
        verdict.Fits.ShouldBeTrue();
        verdict.Summary.ShouldBe("Not an MQL: it scores 59, below the threshold of 60 points.");
    }

    [Fact]
    public void AHighScoringLeadThatFailsAFitRule_IsNotAnMql_AndTheSummaryNamesEveryFailedRule()
    {
        var verdict = Evaluate(Facts(companySize: 20, country: "DE", industry: "Software", title: "IT Director", source: "Demo request", engagement: 90));

        verdict.Score.ShouldBeGreaterThan(verdict.Threshold);
        verdict.Fits.ShouldBeFalse();
        verdict.IsMql.ShouldBeFalse();
        verdict.Summary.ShouldBe("Not an MQL: it fails company size at least 50 and country is one of [US, CA].");
    }

    [Fact]
    public void AnMqlsSummary_SaysItFitsTheScoreTheThresholdAndTheGrade()
    {
        var verdict = Evaluate(Facts(companySize: 600, industry: "Software", title: "IT Director", source: "Demo request", engagement: 20));

        verdict.Summary.ShouldBe("MQL: fits every rule and scores 95 points (60 needed), grade A.");
    }

    [Fact]
    public void AnMqlsSummary_LeavesOutTheGrade_WhenTheAgreementHasNoGrades()
    {
        var definition = DemoAgreement.Version1().LeadDefinition;
        definition.Grades.Clear();

        var verdict = Evaluate(Facts(industry: "Software", source: "Demo request", engagement: 30), definition);

        verdict.Grade.ShouldBeNull();
        verdict.Summary.ShouldBe("MQL: fits every rule and scores 70 points (60 needed).");
    }

    [Theory]
    [InlineData(90, "A")]
    [InlineData(200, "A")]
    [InlineData(89, "B")]
    [InlineData(75, "B")]
    [InlineData(74, "C")]
    [InlineData(0, "C")]
    public void TheGrade_IsTheHighestBandTheScoreReaches(int engagement, string grade)
    {
        // An analyst in retail from a webinar earns no rule points, so the score is the engagement score.
        Evaluate(Facts(engagement: engagement)).Grade.ShouldBe(grade);
    }

    [Fact]
    public void GradeBands_WorkInWhateverOrderTheAgreementListsThem()
    {
        var definition = DemoAgreement.Version1().LeadDefinition;
        definition.Grades = [new Grade { Name = "C", MinScore = 0 }, new Grade { Name = "A", MinScore = 90 }, new Grade { Name = "B", MinScore = 75 }];

        Evaluate(Facts(engagement: 80), definition).Grade.ShouldBe("B");
    }

    [Fact]
    public void AScoreBelowEveryBand_HasNoGrade()
    {
        var definition = DemoAgreement.Version1().LeadDefinition;
        definition.Grades = [new Grade { Name = "A", MinScore = 90 }];

        Evaluate(Facts(engagement: 10), definition).Grade.ShouldBeNull();
    }

    // ---- Reasons ----

    [Fact]
    public void TheVerdict_ListsEveryFitRuleInWords_WithWhetherItPassed()
    {
        var verdict = Evaluate(Facts(companySize: 30, country: "CA"));

        verdict.FitChecks.ShouldBe([
            new FitCheck("company size at least 50", false),
            new FitCheck("country is one of [US, CA]", true),
        ]);
    }

    [Fact]
    public void TheVerdict_ListsEveryScoringRule_WithItsPointsAndWhetherTheLeadEarnedThem()
    {
        var verdict = Evaluate(Facts(companySize: 600, industry: "Logistics", title: "IT Director", source: "Webinar"));

        verdict.ScoreLines.ShouldBe([
            new ScoreLine("Decision-maker title", 20, true),
            new ScoreLine("Target industry", 15, false),
            new ScoreLine("Large company", 15, true),
            new ScoreLine("Asked for a demo", 25, false),
        ]);
    }

    [Fact]
    public void TheVerdict_RemembersWhichAgreementVersionJudgedTheLead()
    {
        Evaluate(Facts()).AgreementVersion.ShouldBe(3);
    }

    [Fact]
    public void ADefinitionWithoutFitRules_LetsEveryLeadFit()
    {
        var definition = new LeadDefinition { MqlThreshold = 10 };

        var verdict = Evaluate(Facts(companySize: null, country: null, engagement: 10), definition);

        verdict.Fits.ShouldBeTrue();
        verdict.IsMql.ShouldBeTrue();
        verdict.FitChecks.ShouldBeEmpty();
    }

    // ---- Personas ----

    [Fact]
    public void AnItDirectorAtAMidSizeSoftwareCompany_MatchesTheItDirectorPersona()
    {
        Evaluate(Facts(companySize: 800, industry: "software", title: "Senior IT Director")).Persona.ShouldBe("IT Director");
    }

    [Fact]
    public void ThePersonasTitleMatchesPartOfTheLeadsTitle_WhateverItsCase()
    {
        Qualification.MatchPersona(Agreement.Personas, Facts(companySize: 300, industry: "Manufacturing", title: "senior plant manager"))
            .ShouldBe("Operations Manager");
    }

    [Theory]
    [InlineData("IT Director")]
    [InlineData("Director of Sales")]
    [InlineData("Sector Manager")]
    public void ATitleThatMerelyHasAPersonasTitleInsideAWord_DoesNotMatchIt(string title)
    {
        // "direCTOr" and "seCTOr" contain the letters of "CTO"; neither is a CTO, so neither is a Startup Founder.
        Qualification.MatchPersona(Agreement.Personas, Facts(companySize: 150, industry: "Software", title: title)).ShouldBeNull();
    }

    [Theory]
    [InlineData("CTO")]
    [InlineData("cto & co-founder")]
    [InlineData("Co-Founder")]
    [InlineData("CEO/Founder")]
    public void APersonasTitleMatchesAsWholeWords_AnywhereInTheLeadsTitle(string title)
    {
        Qualification.MatchPersona(Agreement.Personas, Facts(companySize: 150, industry: "Software", title: title)).ShouldBe("Startup Founder");
    }

    [Theory]
    [InlineData(199)]
    [InlineData(5001)]
    [InlineData(null)]
    public void ALeadOutsideThePersonasCompanySize_OrWithoutOne_DoesNotMatchIt(int? companySize)
    {
        Qualification.MatchPersona(Agreement.Personas, Facts(companySize: companySize, industry: "Financial services", title: "Head of IT")).ShouldBeNull();
    }

    [Fact]
    public void ALeadOutsideThePersonasIndustries_DoesNotMatchIt()
    {
        Qualification.MatchPersona(Agreement.Personas, Facts(companySize: 800, industry: "Retail", title: "IT Director")).ShouldBeNull();
    }

    [Fact]
    public void ALeadWithoutATitle_MatchesNoPersonaThatNamesTitles()
    {
        Qualification.MatchPersona(Agreement.Personas, Facts(companySize: 800, industry: "Software", title: null)).ShouldBeNull();
    }

    [Fact]
    public void WhenSeveralPersonasFit_TheFirstOneListedWins()
    {
        // A CTO of a 150-person software company fits both a persona listing "CTO" and the catch-all below it.
        Persona[] personas =
        [
            new() { Name = "Startup Founder", JobTitles = ["CTO"], CompanySizeMin = 10, CompanySizeMax = 200, Industries = ["Software"] },
            new() { Name = "Anyone" },
        ];

        Qualification.MatchPersona(personas, Facts(companySize: 150, industry: "Software", title: "CTO")).ShouldBe("Startup Founder");
        Qualification.MatchPersona(personas, Facts(companySize: 150, industry: "Retail", title: "CTO")).ShouldBe("Anyone");
    }

    [Fact]
    public void APersonaWithEmptyLists_MatchesAnyLead_EvenOneWithMissingFacts()
    {
        Qualification.MatchPersona([new Persona { Name = "Anyone" }], Facts(companySize: null, industry: null, title: null)).ShouldBe("Anyone");
    }
}
