using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Leads;

/// <summary>Each pipeline page for the role that uses it: loads, passes axe, and keeps people's input honest.</summary>
public sealed class LeadPagesTests(SmarketingApp app) : BrowserTest(app)
{
    private readonly LeadApi _api = new(app);

    /// <summary>Who opens which page, and something that shows it has loaded its data ("{lead}" is a lead made for the test).</summary>
    public static TheoryData<string, string, string> Pages => new()
    {
        { "marketing@demo.test", "/leads", "[aria-label='Leads'] tr.data-row" },
        { "marketing@demo.test", "/leads/new", "input[name='Email']" },
        { "marketing@demo.test", "/leads/returned", "[aria-label='Leads returned by sales'] tr.data-row" },
        { "marketing@demo.test", "/leads/{lead}", "[data-testid=timeline] li" },
        { "marketing@demo.test", "/leads/{lead}/edit", "input[name='Email']" },
        { "rep1@demo.test", "/my-leads", "[aria-label='Unclaimed leads'] tbody tr" },
        { "rep1@demo.test", "/leads/{lead}", "[data-testid=timeline] li" },
        { "sales.manager@demo.test", "/pipeline", "[data-testid=stage-HandedOff] li" },
        { "sales.manager@demo.test", "/team/availability", "[aria-label=\"Sales reps' availability\"] tr.data-row" },
        { "sales.manager@demo.test", "/leads/{lead}", "[data-testid=timeline] li" },
        { "leadership@demo.test", "/leads/{lead}", "[data-testid=timeline] li" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EachPipelinePage_LoadsForItsRole_WithoutAccessibilityViolations(string email, string path, string loaded)
    {
        var screenshot = $"{email.Split('@')[0]}{path.Replace('/', '_').Replace("{lead}", "lead", StringComparison.Ordinal)}";
        if (path.Contains("{lead}", StringComparison.Ordinal))
        {
            var id = await _api.HandedOffAsync(LeadApi.Qualifying("Axel", "Audit", "Checkpoint Inc"));
            path = path.Replace("{lead}", id.ToString(), StringComparison.Ordinal);
        }

        await SignInAsync(Page, email);
        await OpenAsync(path);
        await Expect(Page.Locator(loaded).First).ToBeVisibleAsync();
        await Expect(Page.GetByText("Loading…")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);

        await Page.ShouldHaveNoAxeViolationsAsync($"{path} as {email}");
        await Page.SetViewportSizeAsync(1366, 900);
        await ScreenshotAsync(screenshot);
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync($"{screenshot}-phone");
        BrowserErrors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("rep1@demo.test", "/leads")]
    [InlineData("rep1@demo.test", "/team/availability")]
    [InlineData("marketing@demo.test", "/my-leads")]
    [InlineData("marketing@demo.test", "/pipeline")]
    [InlineData("leadership@demo.test", "/leads/new")]
    public async Task APageForAnotherRole_ShowsTheNoAccessNotice(string email, string path)
    {
        await SignInAsync(Page, email);
        await Page.GotoAsync(path);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("You don't have access");
    }

    [Fact]
    public async Task AddingALeadWithAnEmailThatExists_ShowsTheServicesMessageUnderEmail()
    {
        var existing = LeadApi.Qualifying("Dora", "Duplicate", "Twice Ltd");
        await _api.CreateAsync(existing);
        await SignInAsync(Page, "marketing@demo.test");
        await OpenAsync("/leads/new");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Add lead" }).ClickAsync();
        await Expect(MessageAfter("Email")).ToHaveTextAsync("Email is required.");

        await Page.GetByLabel("Email (required)", new() { Exact = true }).FillAsync(((string)existing["email"]!).ToUpperInvariant());
        await Page.GetByLabel("Engagement score (0-1000)", new() { Exact = true }).FillAsync("5000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add lead" }).ClickAsync();
        await Expect(MessageAfter("EngagementScore")).ToHaveTextAsync("Engagement score must be between 0 and 1000.");

        await Page.GetByLabel("Engagement score (0-1000)", new() { Exact = true }).FillAsync("10");
        // Leaving the field hands the new score to the form, which drops its message, before the form is sent again.
        await Page.GetByLabel("Engagement score (0-1000)", new() { Exact = true }).PressAsync("Tab");
        await Expect(MessageAfter("EngagementScore")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add lead" }).ClickAsync();
        await Expect(MessageAfter("Email")).ToContainTextAsync("already exists (Dora Duplicate, MQL)");
        await Expect(MessageAfter("EngagementScore")).ToHaveCountAsync(0);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/leads/new$"));
        await Page.ShouldHaveNoAxeViolationsAsync("the new-lead form showing a duplicate email");
        await ScreenshotAsync("new-lead-duplicate-email");
    }

    [Fact]
    public async Task TwoPeopleEditingALead_TheSecondSaveIsRefused_AndReloadShowsTheFirstChange()
    {
        var id = await _api.CreateAsync(LeadApi.Qualifying("Eddie", "Edited", "Overlap GmbH"));
        var first = Page;
        var second = await NewPageInNewContextAsync();
        await SignInAsync(first, "marketing@demo.test");
        await SignInAsync(second, "marketing@demo.test");
        await OpenAsync($"/leads/{id}/edit", first);
        await OpenAsync($"/leads/{id}/edit", second);

        await first.GetByLabel("Job title", new() { Exact = true }).FillAsync("Head of IT");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(first).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/leads/{id}$"));
        await Expect(first.Locator("[data-testid=timeline] > li").First).ToContainTextAsync("title: IT Director -> Head of IT");

        await second.GetByLabel("Campaign", new() { Exact = true }).FillAsync("Spring trade show");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Someone else changed Eddie Edited since you opened it. Reload to see their change, then edit again.");
        await ScreenshotAsync("edit-conflict", second);

        await second.GetByRole(AriaRole.Button, new() { Name = "Reload the latest version" }).ClickAsync();
        await Expect(second.GetByLabel("Job title", new() { Exact = true })).ToHaveValueAsync("Head of IT");
        await Expect(second.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await second.GetByLabel("Campaign", new() { Exact = true }).FillAsync("Spring trade show");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(second).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/leads/{id}$"));
    }

    [Fact]
    public async Task TheSalesManagerSetsARepsTimeOff_WithAMessageUnderTheDateThatIsWrong()
    {
        await SignInAsync(Page, "sales.manager@demo.test");
        await OpenAsync("/team/availability");
        var row = Page.Locator("[aria-label=\"Sales reps' availability\"] tr.data-row").Filter(new() { HasText = "rep3@demo.test" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Edit availability of Reese Rep" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);

        await dialog.GetByLabel("First day away").FillAsync("2030-01-20");
        await dialog.GetByLabel("Last day away").FillAsync("2030-01-10");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog.Locator("#OutOfOfficeUntil ~ div.validation-message")).ToHaveTextAsync("Out-of-office end must not be before its start.");
        await Expect(dialog.Locator("#OutOfOfficeFrom ~ div.validation-message")).ToHaveCountAsync(0);
        await Page.ShouldHaveNoAxeViolationsAsync("the availability dialog with a message");
        await ScreenshotAsync("availability-invalid");

        await dialog.GetByLabel("Last day away").FillAsync("2030-01-24");
        await dialog.GetByLabel("Capacity (open leads at most)").FillAsync("60");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row).ToContainTextAsync("20 Jan 2030 to 24 Jan 2030");
        await Expect(row).ToContainTextAsync("of 60");

        // Put it back: other tests share this database.
        await row.GetByRole(AriaRole.Button, new() { Name = "Edit availability of Reese Rep" }).ClickAsync();
        await dialog.GetByLabel("First day away").FillAsync("");
        await dialog.GetByLabel("Last day away").FillAsync("");
        await dialog.GetByLabel("Capacity (open leads at most)").FillAsync("30");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(row).ToContainTextAsync("No time off planned");
    }

    private ILocator MessageAfter(string inputName) =>
        Page.Locator($"div.mud-input-control:has(input[name='{inputName}']) .mud-input-helper-text.mud-input-error");
}
