using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Smarketing.Application.Leads;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;
using Smarketing.Web.Components.Pages.Leads;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Leads;

/// <summary>
/// Merging a duplicate into a lead: the manager searches, picks the other lead, sees both side by side with what
/// differs, takes the details they want from the duplicate, and confirms; a merge the rules refuse says why and can't
/// be confirmed.
/// </summary>
public sealed class MergeDialogTests : ComponentTest
{
    private static readonly Guid DuplicateId = Guid.NewGuid();

    private static readonly LeadSummary AvaAtHome = new(DuplicateId, "Ava Adams", "ava@home.example", "Northwind Traders", "CTO", LeadStage.New,
        false, 20, null, null, "Webinar", Now, null, null, null);

    private readonly List<string> _searches = [];
    private readonly List<MergeRequest> _sent = [];
    private Result _check = Result.Success();
    private Result<LeadDetails> _answer = Result<LeadDetails>.Ok(new LeadDetails(new Lead { FirstName = "Ava", LastName = "Adams" }, null, []));

    private MergePreview Preview() => new(
        new MergeSide(Guid.NewGuid(), "Ava Adams", "ava.adams@northwind.example", null, LeadStage.Mql, Now, 1),
        new MergeSide(DuplicateId, "Ava Adams", "ava@home.example", null, LeadStage.New, Now, 1),
        [
            new MergeFieldRow(MergeField.FirstName, "First name", "Ava", "Ava", false),
            new MergeFieldRow(MergeField.Company, "Company", "Northwind", "Northwind Traders", true),
            new MergeFieldRow(MergeField.Title, "Title", "(none)", "CTO", true),
        ],
        _check);

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters
        {
            [nameof(MergeDialog.SurvivorName)] = "Ava Adams",
            [nameof(MergeDialog.Find)] = (Func<string, Task<IReadOnlyList<LeadSummary>>>)(term =>
            {
                _searches.Add(term);
                return Task.FromResult<IReadOnlyList<LeadSummary>>(term.Contains("home") ? [AvaAtHome] : []);
            }),
            [nameof(MergeDialog.Compare)] = (Func<Guid, Task<Result<MergePreview>>>)(_ => Task.FromResult(Result<MergePreview>.Ok(Preview()))),
            [nameof(MergeDialog.Save)] = (Func<MergeRequest, Task<Result<LeadDetails>>>)(request =>
            {
                _sent.Add(request);
                return Task.FromResult(_answer);
            }),
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<MergeDialog>("Merge a duplicate into Ava Adams", parameters));
        return (provider, dialog);
    }

    private static async Task SearchAsync(IRenderedComponent<MudDialogProvider> provider, string term)
    {
        await provider.Find("input[type=search]").ChangeAsync(term);
        await provider.Find("form").SubmitAsync();
    }

    private static IElement Button(IRenderedComponent<MudDialogProvider> provider, string text) =>
        provider.FindAll("button").Single(b => b.TextContent.Trim().StartsWith(text, StringComparison.Ordinal));

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ComparingAsync()
    {
        var (provider, dialog) = await OpenAsync();
        await SearchAsync(provider, "home");
        await Button(provider, "Ava Adams").ClickAsync();
        return (provider, dialog);
    }

    [Fact]
    public async Task Searching_lists_the_leads_found_by_name_email_and_company()
    {
        var (provider, _) = await OpenAsync();

        await SearchAsync(provider, "home");

        _searches.ShouldBe(["home"]);
        provider.Find("[aria-label='Leads found']").TextContent.ShouldContain("ava@home.example · Northwind Traders · New");
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_so()
    {
        var (provider, _) = await OpenAsync();

        await SearchAsync(provider, "nobody");

        provider.Find("[role=status]").TextContent.ShouldBe("No other lead of its own matches \"nobody\".");
    }

    [Fact]
    public async Task An_empty_search_asks_for_a_name_email_or_company_and_searches_nothing()
    {
        var (provider, _) = await OpenAsync();

        await provider.Find("form").SubmitAsync();

        provider.Find("[data-testid=merge-error]").TextContent.ShouldBe("Type part of the other lead's name, email or company.");
        _searches.ShouldBeEmpty();
    }

    [Fact]
    public async Task Choosing_a_lead_shows_both_side_by_side_with_what_differs_and_that_each_keeps_its_email()
    {
        var (provider, _) = await ComparingAsync();

        provider.Find("[data-testid=merge-summary]").TextContent.ShouldContain("2 of 3 details differ");
        var company = provider.Find("[data-testid=merge-row-company]");
        company.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).Take(2).ShouldBe(["Northwind", "Northwind Traders"]);
        company.QuerySelector("td.kept")!.TextContent.ShouldBe("Northwind");
        company.TextContent.ShouldContain("Take the duplicate's company");
        provider.Find("[data-testid=merge-row-firstName]").TextContent.ShouldContain("Same on both");
        provider.Find("[data-testid=merge-table]").TextContent.ShouldContain("Each keeps its own");
    }

    [Fact]
    public async Task Confirming_without_taking_anything_keeps_every_detail_of_this_lead_and_closes_with_the_merged_lead()
    {
        var (provider, dialog) = await ComparingAsync();

        await Button(provider, "Merge into this lead").ClickAsync();

        var sent = _sent.ShouldHaveSingleItem();
        sent.DuplicateId.ShouldBe(DuplicateId);
        sent.TakeFromDuplicate.ShouldBeEmpty();
        (await dialog.Result)!.Data.ShouldBeOfType<LeadDetails>();
    }

    [Fact]
    public async Task Ticking_a_detail_takes_the_duplicates_value_and_marks_it_as_the_one_kept()
    {
        var (provider, _) = await ComparingAsync();

        await provider.Find("[data-testid=merge-row-company] input[type=checkbox]").ChangeAsync(true);

        provider.Find("[data-testid=merge-row-company] td.kept").TextContent.ShouldBe("Northwind Traders");
        await Button(provider, "Merge into this lead").ClickAsync();
        _sent.ShouldHaveSingleItem().TakeFromDuplicate.ShouldBe(["company"]);
    }

    [Fact]
    public async Task A_merge_the_rules_refuse_shows_the_reason_and_cannot_be_confirmed()
    {
        _check = Result.Conflict("Ava Adams was handed off to sales on 2026-11-02 and has SLA clocks.");
        var (provider, _) = await ComparingAsync();

        provider.Find("[data-testid=merge-refusal]").TextContent.ShouldContain("has SLA clocks");
        Button(provider, "Merge into this lead").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task A_refusal_on_confirming_shows_the_services_words_and_the_dialog_stays_open()
    {
        _answer = Result<LeadDetails>.Fail(Result.Conflict("Ava Adams is already merged into another lead."));
        var (provider, dialog) = await ComparingAsync();

        await Button(provider, "Merge into this lead").ClickAsync();

        provider.Find("[data-testid=merge-error]").TextContent.ShouldBe("Ava Adams is already merged into another lead.");
        dialog.Result.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Choosing_another_lead_goes_back_to_the_search()
    {
        var (provider, _) = await ComparingAsync();

        await Button(provider, "Choose another lead").ClickAsync();

        provider.FindAll("[data-testid=merge-table]").ShouldBeEmpty();
        provider.Find("input[type=search]").ShouldNotBeNull();
    }
}
