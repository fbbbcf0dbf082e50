using Smarketing.Domain.Leads;
using Smarketing.Web.Components.Pages.Leads;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Leads;

/// <summary>Why a lead is or isn't an MQL, as the lead page explains it: the verdict, every fit rule, every point.</summary>
public sealed class QualificationPanelTests : ComponentTest
{
    private static QualificationVerdict Verdict(bool fitsSize, int titlePoints) => new(
        IsMql: fitsSize && titlePoints + 40 >= 60,
        Fits: fitsSize,
        Score: titlePoints + 40,
        Threshold: 60,
        Grade: titlePoints > 0 ? "A" : null,
        Persona: null,
        EngagementPoints: 40,
        FitChecks: [new FitCheck("company size at least 50", fitsSize), new FitCheck("country is one of [US, CA]", true)],
        ScoreLines: [new ScoreLine("Decision-maker title", 20, titlePoints > 0)],
        AgreementVersion: 3);

    private IRenderedComponent<QualificationPanel> Show(QualificationVerdict? verdict) =>
        Render<QualificationPanel>(p => p.Add(x => x.Verdict, verdict).Add(x => x.IsMql, verdict?.IsMql ?? false));

    [Fact]
    public void AnMql_SaysSoInTheHeading_AndSumsItsPoints()
    {
        var panel = Show(Verdict(fitsSize: true, titlePoints: 20));

        panel.Find("h2").TextContent.ShouldBe("Why it is an MQL");
        panel.Find("[data-testid=verdict-summary]").TextContent.ShouldBe("MQL: fits every rule and scores 60 points (60 needed), grade A.");
        var rows = panel.FindAll("table[aria-label='Score by rule'] tbody tr");
        rows[0].TextContent.ShouldContain("Decision-maker title");
        rows[0].TextContent.ShouldContain("+20");
        rows[1].TextContent.ShouldContain("Engagement score");
        rows[1].TextContent.ShouldContain("+40");
        panel.Find("tfoot").TextContent.ShouldContain("meets the threshold of 60");
    }

    [Fact]
    public void ALeadThatFailsAFitRule_NamesTheRuleItFailed()
    {
        var panel = Show(Verdict(fitsSize: false, titlePoints: 20));

        panel.Find("h2").TextContent.ShouldBe("Why it is not an MQL");
        panel.Find("[data-testid=verdict-summary]").TextContent.ShouldBe("Not an MQL: it fails company size at least 50.");
        panel.FindAll("ul[aria-label='Fit rules'] li").Select(li => li.TextContent.Trim()).ShouldBe(
            ["Failed: company size at least 50", "Passed: country is one of [US, CA]"]);
    }

    [Fact]
    public void APointNotEarned_ShowsWhatItWouldHaveBeenWorth()
    {
        var panel = Show(Verdict(fitsSize: true, titlePoints: 0));

        panel.Find("[data-testid=verdict-summary]").TextContent.ShouldBe("Not an MQL: it scores 40, below the threshold of 60 points.");
        panel.Find("tbody tr").TextContent.ShouldContain("0 of 20");
        panel.Find("tfoot").TextContent.ShouldContain("below the threshold of 60");
    }

    [Fact]
    public void ALeadNeverChecked_SaysThereWasNoAgreementToCheckItAgainst()
    {
        var panel = Show(null);

        panel.Markup.ShouldContain("no agreement was in force when this lead was added or last changed");
        panel.FindAll("table").ShouldBeEmpty();
    }
}
