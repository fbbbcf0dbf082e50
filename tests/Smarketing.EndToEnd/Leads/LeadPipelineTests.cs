using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Leads;

/// <summary>The hand-off pipeline as people use it: marketing qualifies and hands off, reps claim, work, accept or reject.</summary>
public sealed partial class LeadPipelineTests(SmarketingApp app) : BrowserTest(app)
{
    private readonly LeadApi _api = new(app);

    [Fact]
    public async Task MarketingAddsAQualifyingLead_SeesWhy_HandsItOff_AndRep1ClaimsLogsACallAndAccepts()
    {
        var lastName = "Quinlan" + Guid.NewGuid().ToString("N")[..5];
        var name = $"Dana {lastName}";
        await SignInAsync(Page, "marketing@demo.test");
        await OpenAsync("/leads/new");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "New lead", Level = 1 })).ToBeVisibleAsync();

        await Page.GetByLabel("Email (required)", new() { Exact = true }).FillAsync(LeadApi.UniqueEmail("dana"));
        await Page.GetByLabel("First name", new() { Exact = true }).FillAsync("Dana");
        await Page.GetByLabel("Last name", new() { Exact = true }).FillAsync(lastName);
        await Page.GetByLabel("Job title", new() { Exact = true }).FillAsync("IT Director");
        await Page.GetByLabel("Country (e.g. US)", new() { Exact = true }).FillAsync("US");
        await Page.GetByLabel("Company", new() { Exact = true }).FillAsync("Acme Analytics");
        await Page.GetByLabel("Employees", new() { Exact = true }).FillAsync("600");
        await Page.GetByLabel("Industry", new() { Exact = true }).FillAsync("Software");
        await Page.GetByLabel("Source (e.g. Demo request, Webinar)", new() { Exact = true }).FillAsync("Demo request");
        await Page.GetByLabel("Engagement score (0-1000)", new() { Exact = true }).FillAsync("40");
        await ScreenshotAsync("new-lead-filled");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add lead" }).ClickAsync();

        // The lead page says why it is an MQL, rule by rule.
        await Expect(Page).ToHaveURLAsync(LeadPageUrl());
        var leadPath = new Uri(Page.Url).AbsolutePath;
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(StageBadge(Page)).ToHaveTextAsync("MQL");
        await Expect(Page.Locator("[data-testid=verdict-summary]")).ToHaveTextAsync("MQL: fits every rule and scores 115 points (60 needed), grade A.");
        var fitRules = Page.GetByRole(AriaRole.List, new() { Name = "Fit rules" });
        await Expect(fitRules.GetByRole(AriaRole.Listitem)).ToHaveTextAsync([
            new Regex("Passed: company size at least 50"),
            new Regex(@"Passed: country is one of \[US, CA\]"),
        ]);
        var score = Page.GetByRole(AriaRole.Table, new() { Name = "Score by rule" });
        await Expect(score.GetByRole(AriaRole.Row).Filter(new() { HasText = "Decision-maker title" })).ToContainTextAsync("+20");
        await Expect(score.GetByRole(AriaRole.Row).Filter(new() { HasText = "Engagement score" })).ToContainTextAsync("+40");
        await Expect(score.GetByRole(AriaRole.Row).Filter(new() { HasText = "Total" })).ToContainTextAsync("115");
        await ScreenshotAsync("lead-created-mql");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Hand off to sales" }).ClickAsync();
        await Expect(Page.Locator("[data-testid=action-status]")).ToHaveTextAsync("Handed off to the sales pool.");
        await Expect(StageBadge(Page)).ToHaveTextAsync("Handed off");
        await Expect(Timeline(Page).First).ToContainTextAsync("Handed off to sales");
        await Expect(Timeline(Page).First).ToContainTextAsync("MQL → Handed off");
        await Expect(Timeline(Page).First).ToContainTextAsync("by marketing@demo.test");
        await ScreenshotAsync("lead-handed-off");

        // rep1, on another machine, finds it in the pool and claims it.
        var rep = await NewPageInNewContextAsync();
        await SignInAsync(rep, "rep1@demo.test");
        await OpenAsync("/my-leads", rep);
        var pool = Grid(rep, "Unclaimed leads");
        await Expect(pool.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await rep.ShouldHaveNoAxeViolationsAsync("My leads");
        await rep.GetByRole(AriaRole.Button, new() { Name = $"Claim {name}" }).ClickAsync();
        var mine = Grid(rep, "My open leads");
        await Expect(mine.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await Expect(pool.GetByRole(AriaRole.Link, new() { Name = name })).ToHaveCountAsync(0);
        await ScreenshotAsync("my-leads-after-claim", rep);

        await mine.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(rep).ToHaveURLAsync(new Regex(Regex.Escape(leadPath) + "$"));
        await Expect(StageBadge(rep)).ToHaveTextAsync("Claimed");
        await Expect(rep.Locator("[data-testid=lead-owner]")).ToHaveTextAsync("Owner: rep1@demo.test");

        await rep.GetByRole(AriaRole.Button, new() { Name = "Log contact attempt" }).ClickAsync();
        var dialog = rep.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "Channel" })).ToContainTextAsync("Phone call");
        await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "Outcome" })).ToContainTextAsync("Connected");
        var when = dialog.Locator("#OccurredAt");
        var now = await when.InputValueAsync();
        now.ShouldNotBeNullOrEmpty("the contact time starts at now");
        await dialog.GetByLabel("Note (optional)").FillAsync("Spoke with Dana; demo booked for Tuesday.");

        // Never in the future: the message sits under the time.
        await when.FillAsync(DateTime.ParseExact(now, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Log attempt" }).ClickAsync();
        await Expect(dialog.Locator("#OccurredAt + div.validation-message")).ToHaveTextAsync("The contact time can't be in the future.");
        await when.FillAsync(now);
        await rep.ShouldHaveNoAxeViolationsAsync("the log-contact dialog");
        await ScreenshotAsync("log-contact-dialog", rep);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Log attempt" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Timeline(rep).First).ToContainTextAsync("Contact attempt");
        await Expect(Timeline(rep).First).ToContainTextAsync("Phone call: Connected");
        await Expect(Timeline(rep).First).ToContainTextAsync("Spoke with Dana; demo booked for Tuesday.");
        await Expect(Timeline(rep).First).ToContainTextAsync("by rep1@demo.test · agreement v1");

        await rep.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Expect(StageBadge(rep)).ToHaveTextAsync("Accepted (SAL)");
        await Expect(Timeline(rep).First).ToContainTextAsync("Claimed → Accepted (SAL)");
        await Expect(rep.GetByRole(AriaRole.Button, new() { Name = "Convert to opportunity" })).ToBeVisibleAsync();
        await ScreenshotAsync("lead-accepted", rep);

        // The whole story, oldest last: created, handed off, claimed, contacted, accepted.
        await Expect(Timeline(rep).Locator(".timeline-title")).ToHaveTextAsync(
            ["Accepted", "Contact attempt", "Claimed", "Handed off to sales", "Created"]);

        // On a phone, the lead page reads top to bottom: name, stage, actions, clocks, facts, why, history.
        await rep.SetViewportSizeAsync(390, 844);
        await Expect(rep.GetByRole(AriaRole.Button, new() { Name = "Convert to opportunity" })).ToBeVisibleAsync();
        await rep.ShouldHaveNoAxeViolationsAsync("the lead page on a phone");
        await ScreenshotAsync("lead-accepted-phone", rep);
        BrowserErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ARepRejectsALeadWithAReasonFromTheAgreement_AndMarketingSeesItFirstInReturnedBySales()
    {
        var name = $"Rhea Rejected{Guid.NewGuid().ToString("N")[..5]}";
        var id = await _api.HandedOffAsync(LeadApi.Qualifying("Rhea", name.Split(' ')[1], "Budgetless Ltd"));
        await _api.ClaimAsync(id, "demo-rep2");

        await SignInAsync(Page, "rep2@demo.test");
        await OpenAsync($"/leads/{id}");
        await Expect(StageBadge(Page)).ToHaveTextAsync("Claimed");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reject…" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        var reject = dialog.GetByRole(AriaRole.Button, new() { Name = "Reject lead" });

        // No reason chosen: the service's message, right under the field.
        await reject.ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "Rejection reason" }))
            .ToHaveAccessibleDescriptionAsync("Choose a rejection reason from the agreement's list.");
        await Page.ShouldHaveNoAxeViolationsAsync("the reject dialog with its message");
        await ScreenshotAsync("reject-without-reason");

        var reasons = dialog.GetByRole(AriaRole.Combobox, new() { Name = "Rejection reason" });
        await reasons.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "No budget", Exact = true }).ClickAsync();
        await Expect(reasons).ToContainTextAsync("No budget");
        await ScreenshotAsync("reject-with-reason");
        await reject.ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(StageBadge(Page)).ToHaveTextAsync("Rejected");
        await Expect(Timeline(Page).First).ToContainTextAsync("Rejected, back to marketing");
        await Expect(Timeline(Page).First).ToContainTextAsync("Why: No budget");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true })).ToHaveCountAsync(0);

        var marketing = await NewPageInNewContextAsync();
        await SignInAsync(marketing, "marketing@demo.test");
        await OpenAsync("/leads/returned", marketing);
        var firstRow = Grid(marketing, "Leads returned by sales").Locator("tr.data-row").First;
        await Expect(firstRow).ToContainTextAsync(name);
        await Expect(firstRow).ToContainTextAsync("No budget");
        await Expect(firstRow).ToContainTextAsync("Budgetless Ltd");
        await ScreenshotAsync("returned-by-sales", marketing);

        // Back with marketing, it can go to sales again.
        await firstRow.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(marketing.GetByRole(AriaRole.Button, new() { Name = "Hand off to sales" })).ToBeVisibleAsync();
        BrowserErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task TwoRepsClaimTheSameLead_TheSecondIsToldWhoHasIt()
    {
        var name = $"Cleo Contested{Guid.NewGuid().ToString("N")[..5]}";
        await _api.HandedOffAsync(LeadApi.Qualifying("Cleo", name.Split(' ')[1], "Racing Co"));

        var rep1 = Page;
        var rep2 = await NewPageInNewContextAsync();
        await SignInAsync(rep1, "rep1@demo.test");
        await SignInAsync(rep2, "rep2@demo.test");
        await OpenAsync("/my-leads", rep1);
        await OpenAsync("/my-leads", rep2);

        await rep2.GetByRole(AriaRole.Button, new() { Name = $"Claim {name}" }).ClickAsync();
        await Expect(Grid(rep2, "My open leads").GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();

        // rep1's page still shows the lead in the pool; claiming it now is refused with the service's words.
        await rep1.GetByRole(AriaRole.Button, new() { Name = $"Claim {name}" }).ClickAsync();
        await Expect(rep1.Locator("[data-testid=queue-error]")).ToHaveTextAsync($"{name} is already claimed by rep2@demo.test.");
        await Expect(rep1.GetByRole(AriaRole.Button, new() { Name = $"Claim {name}" })).ToHaveCountAsync(0);
        await ScreenshotAsync("claim-refused", rep1);
    }

    [Fact]
    public async Task HandingOffSelectedLeads_AsksWhyForThoseThatAreNotMqls_AndShowsEachLeadsOutcome()
    {
        var company = "Bulkmark " + Guid.NewGuid().ToString("N")[..6];
        var mqlId = await _api.CreateAsync(LeadApi.Qualifying("Milo", "Qualified", company));
        var otherId = await _api.CreateAsync(LeadApi.NotQualifying("Nora", "Notyet", company));

        await SignInAsync(Page, "marketing@demo.test");
        await OpenAsync("/leads");
        var grid = Grid(Page, "Leads");
        await Page.GetByLabel("Search name, email or company", new() { Exact = true }).FillAsync(company);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(grid.Locator("tr.data-row")).ToHaveCountAsync(2);
        await Expect(grid.Locator("tr.data-row").Filter(new() { HasText = "Nora Notyet" })).ToContainTextAsync("New");

        await grid.GetByRole(AriaRole.Checkbox, new() { Name = "Select every lead on this page" }).CheckAsync();
        var handOff = Page.GetByRole(AriaRole.Button, new() { Name = "Hand off selected (2)" });
        await handOff.ClickAsync();

        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByRole(AriaRole.List, new() { Name = "Leads that are not MQLs" })).ToHaveTextAsync(new Regex("^\\s*Nora Notyet\\s*$"));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Hand off all 2" }).ClickAsync();
        await Expect(dialog.GetByLabel("Why hand off anyway? (required)"))
            .ToHaveAccessibleDescriptionAsync("Say why these leads should go to sales although they are not MQLs.");
        await Page.ShouldHaveNoAxeViolationsAsync("the hand-off dialog asking for an override reason");
        await ScreenshotAsync("hand-off-override-dialog");

        await dialog.GetByLabel("Why hand off anyway? (required)").FillAsync("Asked for pricing at the Berlin trade show.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Hand off all 2" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var outcomes = Page.Locator("[data-testid=hand-off-outcomes]");
        await Expect(outcomes.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Handed off 2 of 2");
        await Expect(outcomes.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Milo Qualified" })).ToContainTextAsync("Handed off to the sales pool.");
        await Expect(outcomes.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Nora Notyet" })).ToContainTextAsync("Handed off to the sales pool.");
        await Expect(grid.Locator("tr.data-row").Filter(new() { HasText = "Nora Notyet" })).ToContainTextAsync("Handed off");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Hand off selected (0)" })).ToBeDisabledAsync();
        await Page.ShouldHaveNoAxeViolationsAsync("the lead list showing hand-off outcomes");
        await ScreenshotAsync("hand-off-outcomes");

        // The override is on record; handing off again is refused per lead, with the reason.
        (await _api.GetAsync(otherId)).GetProperty("events").EnumerateArray().Last().GetProperty("reason").GetString()
            .ShouldBe("Override: Asked for pricing at the Berlin trade show.");
        await grid.GetByRole(AriaRole.Checkbox, new() { Name = "Select Milo Qualified" }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hand off selected (1)" }).ClickAsync();
        await Expect(outcomes.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Handed off 0 of 1");
        await Expect(outcomes).ToContainTextAsync("Milo Qualified is already with sales (Handed off)");
        mqlId.ShouldNotBe(Guid.Empty);
    }

    // MudBlazor puts a table's aria-label on its outer element, which has no role.
    private static ILocator Grid(IPage page, string label) => page.Locator($"[aria-label='{label}']");

    private static ILocator StageBadge(IPage page) => page.Locator(".lead-header .stage-badge");

    private static ILocator Timeline(IPage page) => page.Locator("[data-testid=timeline] > li");

    [GeneratedRegex(@"/leads/[0-9a-f-]{36}$")]
    private static partial Regex LeadPageUrl();
}
