using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Extensions;
using Smarketing.Application.Common.Csv;
using Smarketing.Application.Leads.Import;
using Smarketing.Web.Components.Pages.Leads.Import;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Leads.Import;

/// <summary>
/// The mapping step of a CSV import: each column of a HubSpot export with its first values and the lead field guessed
/// for it; the person changes a guess, is told at once when a field is taken twice or the email is left out, and
/// previews with the mapping they chose.
/// </summary>
public sealed class ImportMappingStepTests : ComponentTest
{
    private static readonly string[] Header = ["Record ID", "Email", "Company Name", "Job Title", "Lifecycle Stage"];

    private readonly List<LeadColumnMapping> _previewed = [];

    private static LeadCsvUpload HubSpotExport()
    {
        var table = new CsvTable(Header,
        [
            new CsvRow(2, ["101", "ada@example.test", "Analytical", "CTO", "lead"], null),
            new CsvRow(3, ["102", "bob@example.test", "Bobco", "CIO", "customer"], null),
        ], ',');
        return new LeadCsvUpload("hubspot.csv", table, LeadHeaderGuesses.GuessAll(Header));
    }

    private IRenderedComponent<ImportMappingStep> RenderStep() => Render<ImportMappingStep>(p => p
        .Add(s => s.Upload, HubSpotExport())
        .Add(s => s.OnPreview, EventCallback.Factory.Create<LeadColumnMapping>(this, m => _previewed.Add(m))));

    private static IReadOnlyList<IRenderedComponent<MudSelect<string>>> Selects(IRenderedComponent<ImportMappingStep> step) =>
        step.FindComponents<MudSelect<string>>();

    private static Task ChooseAsync(IRenderedComponent<ImportMappingStep> step, int column, string field) =>
        step.InvokeAsync(() => Selects(step)[column].Instance.ValueChanged.InvokeAsync(field));

    private static AngleSharp.Dom.IElement PreviewButton(IRenderedComponent<ImportMappingStep> step) =>
        step.FindAll("button").Single(b => b.TextContent.Contains("Preview the import"));

    [Fact]
    public void Each_column_shows_its_first_values_and_the_field_guessed_from_its_name()
    {
        var step = RenderStep();

        step.FindAll("tbody th").Select(th => th.TextContent).ShouldBe(Header);
        step.FindAll("td.samples").Select(td => td.TextContent).ShouldBe(["101, 102", "ada@example.test, bob@example.test", "Analytical, Bobco", "CTO, CIO", "lead, customer"]);
        Selects(step).Select(s => s.Instance.GetState(x => x.Value)).ShouldBe(["externalId", "email", "company", "title", ""]);
        Selects(step)[4].Instance.Label.ShouldBe("Lead field for Lifecycle Stage");
        PreviewButton(step).HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task Mapping_a_second_column_to_a_taken_field_is_refused_until_one_is_set_to_ignore()
    {
        var step = RenderStep();

        await ChooseAsync(step, 4, "company");

        step.Find("[data-testid=mapping-problems]").TextContent.ShouldContain("Company is mapped from 2 columns (\"Company Name\", \"Lifecycle Stage\").");
        PreviewButton(step).HasAttribute("disabled").ShouldBeTrue();

        await ChooseAsync(step, 2, "");

        step.FindAll("[data-testid=mapping-problems]").ShouldBeEmpty();
        PreviewButton(step).HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task Leaving_the_email_unmapped_says_a_required_column_is_missing()
    {
        var step = RenderStep();

        await ChooseAsync(step, 1, "");

        step.Find("[data-testid=mapping-problems]").TextContent.ShouldContain("No column is mapped to Email");
        PreviewButton(step).HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task Preview_sends_the_mapping_as_the_person_adjusted_it()
    {
        var step = RenderStep();
        await ChooseAsync(step, 3, "");
        await ChooseAsync(step, 4, "source");

        await step.InvokeAsync(() => PreviewButton(step).Click());

        _previewed.Single().Fields.ShouldBe(["externalId", "email", "company", null, "source"]);
    }
}
