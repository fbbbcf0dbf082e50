using Smarketing.Domain.Agreements;

namespace Smarketing.UnitTests.Agreements;

/// <summary>Every lead matches exactly one response rule: the specific one covering it, else the default.</summary>
public sealed class ResponseRulesTests
{
    private static ResponseRule Rule(string name, string[]? grades = null, string[]? personas = null, bool isDefault = false) => new()
    {
        Name = name,
        Grades = [.. grades ?? []],
        Personas = [.. personas ?? []],
        IsDefault = isDefault,
    };

    [Fact]
    public void RulesForTheSameGrade_Overlap()
    {
        Rule("A-leads", grades: ["A"]).Overlaps(Rule("Hot A-leads", grades: ["A"])).ShouldBeTrue();
    }

    [Fact]
    public void RulesSharingOneGradeOfSeveral_Overlap()
    {
        Rule("A and B", grades: ["A", "B"]).Overlaps(Rule("B and C", grades: ["B", "C"])).ShouldBeTrue();
    }

    [Fact]
    public void RulesForDifferentGrades_DoNotOverlap()
    {
        Rule("A-leads", grades: ["A"]).Overlaps(Rule("B-leads", grades: ["B"])).ShouldBeFalse();
    }

    [Fact]
    public void GradeNames_MatchWhateverTheirCase()
    {
        Rule("A-leads", grades: ["A"]).Overlaps(Rule("a-leads", grades: ["a"])).ShouldBeTrue();
    }

    [Fact]
    public void ARuleWithNoGrades_CoversEveryGrade_SoItOverlapsAGradeRule()
    {
        Rule("IT Directors", personas: ["IT Director"]).Overlaps(Rule("A-leads", grades: ["A"])).ShouldBeTrue();
    }

    [Fact]
    public void ARuleWithNoGradesAndNoPersonas_OverlapsEveryOtherSpecificRule()
    {
        var everyone = Rule("Everyone");

        everyone.Overlaps(Rule("A-leads", grades: ["A"])).ShouldBeTrue();
        everyone.Overlaps(Rule("Founders", personas: ["Startup Founder"])).ShouldBeTrue();
    }

    [Fact]
    public void RulesForTheSameGradeButDifferentPersonas_DoNotOverlap()
    {
        Rule("A IT Directors", grades: ["A"], personas: ["IT Director"])
            .Overlaps(Rule("A Founders", grades: ["A"], personas: ["Startup Founder"]))
            .ShouldBeFalse();
    }

    [Fact]
    public void RulesForTheSamePersonaButDifferentGrades_DoNotOverlap()
    {
        Rule("A IT Directors", grades: ["A"], personas: ["IT Director"])
            .Overlaps(Rule("B IT Directors", grades: ["B"], personas: ["IT Director"]))
            .ShouldBeFalse();
    }

    [Fact]
    public void TheDefaultRule_NeverOverlaps_EvenWithARuleForEveryLead()
    {
        var fallback = Rule("All other leads", isDefault: true);

        fallback.Overlaps(Rule("Everyone")).ShouldBeFalse();
        Rule("A-leads", grades: ["A"]).Overlaps(fallback).ShouldBeFalse();
    }

    [Fact]
    public void Overlaps_ListsEachOverlappingPairOnce_AndLeavesOutTheRest()
    {
        var a = Rule("A-leads", grades: ["A"]);
        var hotA = Rule("Hot A-leads", grades: ["A"]);
        var b = Rule("B-leads", grades: ["B"]);
        var rules = new ResponseRules { Rules = [a, hotA, b, Rule("All other leads", isDefault: true)] };

        rules.Overlaps().Select(p => (p.First.Name, p.Second.Name)).ShouldBe([("A-leads", "Hot A-leads")]);
    }

    [Fact]
    public void TheDemoAgreement_HasNoOverlappingRules()
    {
        Smarketing.Infrastructure.Demo.DemoAgreement.Version1().ResponseRules.Overlaps().ShouldBeEmpty();
    }

    [Fact]
    public void ALeadOfAGradeWithItsOwnRule_GetsThatRule()
    {
        var rules = new ResponseRules
        {
            Rules = [Rule("All other leads", isDefault: true), Rule("A-leads", grades: ["A"]), Rule("B-leads", grades: ["B"])],
        };

        rules.RuleFor("A", persona: null).Name.ShouldBe("A-leads");
        rules.RuleFor("b", persona: "IT Director").Name.ShouldBe("B-leads");
    }

    [Fact]
    public void ALeadNoSpecificRuleCovers_GetsTheDefault_EvenWhenTheDefaultIsListedFirst()
    {
        var rules = new ResponseRules
        {
            Rules = [Rule("All other leads", isDefault: true), Rule("A-leads", grades: ["A"])],
        };

        rules.RuleFor("C", persona: "IT Director").Name.ShouldBe("All other leads");
    }

    [Fact]
    public void ALeadWithoutAGradeOrPersona_GetsTheDefault_NotARuleThatNamesGradesOrPersonas()
    {
        var rules = new ResponseRules
        {
            Rules = [Rule("A-leads", grades: ["A"]), Rule("Founders", personas: ["Startup Founder"]), Rule("All other leads", isDefault: true)],
        };

        rules.RuleFor(grade: null, persona: null).Name.ShouldBe("All other leads");
    }

    [Fact]
    public void APersonaAndGradeRule_CoversOnlyLeadsWithBoth()
    {
        var rules = new ResponseRules
        {
            Rules = [Rule("A Founders", grades: ["A"], personas: ["Startup Founder"]), Rule("All other leads", isDefault: true)],
        };

        rules.RuleFor("A", "Startup Founder").Name.ShouldBe("A Founders");
        rules.RuleFor("A", "IT Director").Name.ShouldBe("All other leads");
        rules.RuleFor("B", "Startup Founder").Name.ShouldBe("All other leads");
    }

    [Fact]
    public void InTheDemoAgreement_AnALeadIsContactedWithinFourHours_AndOthersWithinADay()
    {
        var rules = Smarketing.Infrastructure.Demo.DemoAgreement.Version1().ResponseRules;

        rules.RuleFor("A", "IT Director").FirstContact.ToString().ShouldBe("4 business hours");
        rules.RuleFor("B", "IT Director").FirstContact.ToString().ShouldBe("1 business day");
    }
}
