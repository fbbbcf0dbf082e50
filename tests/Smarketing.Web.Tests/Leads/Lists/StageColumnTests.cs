using Smarketing.Application.Leads;
using Smarketing.Domain.Leads;
using Smarketing.Web.Components.Pages.Leads;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Leads.Lists;

/// <summary>A stage of the pipeline board: its name and count, its newest leads with company and owner, and how many more there are.</summary>
public sealed class StageColumnTests : ComponentTest
{
    private static LeadSummary Lead(string name, string company, string? owner) => new(
        Guid.NewGuid(), name, "x@example.test", company, null, LeadStage.Claimed, true, 70, "B", owner, null, Now, Now, null, null);

    [Fact]
    public void AColumn_NamesItsStage_AndCountsItsLeads()
    {
        var column = Render<StageColumn>(p => p.Add(x => x.Stage, LeadStage.HandedOff).Add(x => x.Count, 0).Add(x => x.Leads, []));

        column.Find("h3").TextContent.Trim().ShouldBe(LeadText.Stage(LeadStage.HandedOff));
        column.Find(".stage-count").TextContent.ShouldBe("0 leads");
        column.Markup.ShouldContain("No leads in this stage.");
    }

    [Fact]
    public void EachLead_LinksToItsPage_WithItsCompanyAndOwner()
    {
        var lead = Lead("Cara Claimed", "Hold Fast Ltd", "rep1@demo.test");

        var column = Render<StageColumn>(p => p.Add(x => x.Stage, LeadStage.Claimed).Add(x => x.Count, 1).Add(x => x.Leads, [lead]));

        var item = column.Find("li");
        item.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/leads/{lead.Id}");
        item.QuerySelector("a")!.TextContent.Trim().ShouldBe("Cara Claimed");
        item.TextContent.ShouldContain("Hold Fast Ltd · rep1@demo.test");
        column.Markup.ShouldNotContain("more");
    }

    [Fact]
    public void AStageWithMoreLeadsThanShown_SaysHowManyMore()
    {
        var shown = Enumerable.Range(1, 5).Select(i => Lead($"Lead {i}", "Co", null)).ToList();

        var column = Render<StageColumn>(p => p.Add(x => x.Stage, LeadStage.Mql).Add(x => x.Count, 12).Add(x => x.Leads, shown));

        column.FindAll("li").Count.ShouldBe(5);
        column.Find(".more").TextContent.Trim().ShouldBe("and 7 more");
    }
}
