using Smarketing.Domain.Leads;
using Smarketing.Web.Components.Pages.Leads;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Leads.Lists;

/// <summary>The lead list's filters: a labelled search that sends what was typed, trimmed, and a way back to every lead.</summary>
public sealed class LeadFiltersTests : ComponentTest
{
    private readonly List<(string? Search, LeadStage? Stage)> _applied = [];

    private IRenderedComponent<LeadFilters> RenderFilters(string? search = null, LeadStage? stage = null) =>
        Render<LeadFilters>(p => p
            .Add(x => x.Search, search)
            .Add(x => x.Stage, stage)
            .Add(x => x.Changed, ((string? Search, LeadStage? Stage) filter) => _applied.Add(filter)));

    [Fact]
    public void TheFilters_AreASearchLandmark_WithLabelledFields()
    {
        var filters = RenderFilters();

        filters.Find("form[role=search]").GetAttribute("aria-label").ShouldBe("Filter leads");
        var search = filters.Find("input[name='lead-search']");
        filters.Find($"label[for='{search.Id}']").TextContent.Trim().ShouldBe("Search name, email or company");
        filters.FindAll("label").Select(l => l.TextContent.Trim()).ShouldContain("Stage");
    }

    [Fact]
    public void Searching_SendsTheWordsTrimmed_ForEveryStage()
    {
        var filters = RenderFilters();

        filters.Find("input[name='lead-search']").Input("  Acme  ");
        filters.Find("form").Submit();

        _applied.ShouldBe([("Acme", null)]);
    }

    [Fact]
    public void ClearFilters_ShowsOnlyWhenAFilterIsSet_AndGoesBackToEveryLead()
    {
        var filters = RenderFilters(search: "Acme", stage: LeadStage.Mql);

        filters.FindAll("button").Single(b => b.TextContent.Trim() == "Clear filters").Click();

        _applied.ShouldBe([(null, null)]);
        filters.FindAll("button").ShouldNotContain(b => b.TextContent.Trim() == "Clear filters");
    }
}
