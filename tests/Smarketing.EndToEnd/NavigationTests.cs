using Microsoft.Playwright;
using Smarketing.Domain.Common;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd;

/// <summary>What each demo role sees once signed in. Extend <see cref="Expectations"/> when a feature adds a section.</summary>
public sealed class NavigationTests(SmarketingApp app) : BrowserTest(app)
{
    /// <summary>One row per demo role: who signs in, the name and role the header shows, and the nav's sections, in order.</summary>
    public static IReadOnlyList<RoleNavigation> Expectations { get; } =
    [
        new("marketing@demo.test", "Maya Marketing", Roles.MarketingManager,
            ["Home", "Leads", "Import leads", "Returned by sales", "Scorecard", "Response times", "Marketing delivery", "Funnel", "Agreement", "Versions", "Draft", "My API keys"]),
        new("sales.manager@demo.test", "Sam Salesmanager", Roles.SalesManager,
            ["Home", "Pipeline", "Team availability", "At risk and breached", "Scorecard", "Response times", "Marketing delivery", "Funnel", "Agreement", "Versions", "Draft", "My API keys"]),
        new("rep1@demo.test", "Riley Rep", Roles.SalesRep,
            ["Home", "My leads", "Agreement", "Versions", "My API keys"]),
        new("leadership@demo.test", "Lee Leadership", Roles.Leadership,
            ["Home", "Scorecard", "Response times", "Marketing delivery", "Funnel", "Agreement", "Versions", "My API keys"]),
        new("admin@demo.test", "Ada Admin", Roles.Admin,
            ["Home", "Scorecard", "Response times", "Marketing delivery", "Funnel", "Agreement", "Versions", "Draft", "Users", "Service accounts", "History import", "My API keys"]),
    ];

    public static TheoryData<string> DemoUsers => [.. Expectations.Select(row => row.Email)];

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task EachDemoRole_SignsIn_AndSeesItsOwnNavigation(string email)
    {
        var expected = Expectations.Single(row => row.Email == email);

        await SignInAsync(Page, email);

        await Expect(Page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync(expected.DisplayName);
        await Expect(Page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync(Roles.DisplayName(expected.Role));
        var sections = Page.Locator("nav[aria-label=Sections] .mud-nav-link-text");
        await Expect(sections).ToHaveTextAsync([.. expected.Sections]);

        // Every section any role sees, and that this role does not, is absent.
        foreach (var hidden in Expectations.SelectMany(row => row.Sections).Distinct().Except(expected.Sections))
        {
            await Expect(Page.Locator("nav[aria-label=Sections]").GetByText(hidden, new() { Exact = true })).ToHaveCountAsync(0);
        }

        await ScreenshotAsync($"home-{email}");
        BrowserErrors.ShouldBeEmpty("every script, style sheet and font loads, and nothing throws");
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task EachDemoRole_GetsAHomePageWithoutAccessibilityViolations(string email)
    {
        await SignInAsync(Page, email);
        if (!Page.Url.EndsWith('/'))
        {
            // Leadership lands on the scorecard; their home page is one click away.
            await Page.Locator("nav[aria-label=Sections]").GetByText("Home", new() { Exact = true }).ClickAsync();
        }

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");

        await Page.ShouldHaveNoAxeViolationsAsync($"the home page of {email}");
    }

    [Fact]
    public async Task ASalesRep_TypingTheUsersAddress_SeesTheNoAccessPage_NotTheUsers()
    {
        await SignInAsync(Page, "rep1@demo.test");

        // Typed into the address bar: a full request to the server, not a click inside the app.
        await Page.GotoAsync("/admin/users");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("You don't have access");
        await Expect(Page.Locator("[aria-label=Users]")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add user" })).ToHaveCountAsync(0);
        await ScreenshotAsync("rep-on-admin-users");

        // The refusal is the server's: the HTML it sends this user for that address holds no user list.
        var response = await Page.Context.APIRequest.GetAsync("/admin/users");
        var html = await response.TextAsync();
        html.ShouldContain("have access to", Case.Insensitive, "the server's answer should be the no-access page");
        html.ShouldNotContain("admin@demo.test");
        html.ShouldNotContain("Add user");
    }

    public sealed record RoleNavigation(string Email, string DisplayName, string Role, IReadOnlyList<string> Sections);
}
