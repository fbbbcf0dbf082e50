using AngleSharp.Dom;
using Smarketing.Domain.Common;
using Smarketing.Web.Components.Layout;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Layout;

/// <summary>Each role sees only the sections it may use (the pages check the same roles on the server).</summary>
public sealed class NavMenuTests
{
    private static readonly (string Text, string Href)[] Agreement = [("Agreement", "/agreement"), ("Versions", "/agreement/versions")];

    private static readonly (string Text, string Href)[] Reports =
        [("Scorecard", "/scorecard"), ("Response times", "/reports/response-times"), ("Marketing delivery", "/reports/marketing"), ("Funnel", "/reports/funnel")];

    private static readonly (string Text, string Href)[] EveryoneSees = [("Home", "/"), .. Agreement, ("My API keys", "/settings/api-keys")];

    /// <summary>What each role's menu holds, in order: its own work first, then the reports, then the agreement, then settings.</summary>
    public static TheoryData<string, (string Text, string Href)[]> MenuOfEachRole => new()
    {
        {
            Roles.MarketingManager,
            [("Home", "/"), ("Leads", "/leads"), ("Returned by sales", "/leads/returned"), .. Reports, .. Agreement, ("Draft", "/agreement/draft"), ("My API keys", "/settings/api-keys")]
        },
        { Roles.SalesRep, [("Home", "/"), ("My leads", "/my-leads"), .. Agreement, ("My API keys", "/settings/api-keys")] },
        {
            Roles.SalesManager,
            [("Home", "/"), ("Pipeline", "/pipeline"), ("Team availability", "/team/availability"), ("At risk and breached", "/sla/watch"), .. Reports, .. Agreement, ("Draft", "/agreement/draft"), ("My API keys", "/settings/api-keys")]
        },
        { Roles.Leadership, [("Home", "/"), .. Reports, .. Agreement, ("My API keys", "/settings/api-keys")] },
        {
            Roles.Admin,
            [("Home", "/"), .. Reports, .. Agreement, ("Draft", "/agreement/draft"), ("Users", "/admin/users"), ("Service accounts", "/admin/service-accounts"), ("My API keys", "/settings/api-keys")]
        },
    };

    [Theory]
    [MemberData(nameof(MenuOfEachRole))]
    public async Task EachRole_SeesOnlyTheSectionsItMayUse_InMenuOrder(string role, (string Text, string Href)[] expected)
    {
        var page = await ComponentRenderer.RenderAsync<NavMenu>(ComponentRenderer.UserInRoles(role));

        Links(page).ShouldBe(expected);
    }

    [Theory]
    [InlineData(Roles.MarketingManager)]
    [InlineData(Roles.SalesRep)]
    [InlineData(Roles.SalesManager)]
    [InlineData(Roles.Leadership)]
    public async Task APersonWithoutTheAdminRole_SeesNoAdminLinks(string role)
    {
        var page = await ComponentRenderer.RenderAsync<NavMenu>(ComponentRenderer.UserInRoles(role));

        Links(page).Select(l => l.Href).ShouldNotContain("/admin/users");
        Links(page).Select(l => l.Href).ShouldNotContain("/admin/service-accounts");
    }

    [Fact]
    public async Task SomeoneWhoIsAdminAmongOtherRoles_SeesTheAdminLinks()
    {
        var page = await ComponentRenderer.RenderAsync<NavMenu>(ComponentRenderer.UserInRoles(Roles.SalesManager, Roles.Admin));

        Links(page).ShouldContain(("Users", "/admin/users"));
        Links(page).ShouldContain(("Service accounts", "/admin/service-accounts"));
    }

    [Fact]
    public async Task EveryoneWithoutRoles_SeesOnlyWhatEveryoneMayUse()
    {
        var signedInWithoutRoles = await ComponentRenderer.RenderAsync<NavMenu>(ComponentRenderer.UserInRoles());
        var signedOut = await ComponentRenderer.RenderAsync<NavMenu>(user: null);

        Links(signedInWithoutRoles).ShouldBe(EveryoneSees);
        Links(signedOut).ShouldBe(EveryoneSees);
    }

    [Fact]
    public async Task TheMenu_IsALabelledNavigationLandmark()
    {
        var page = await ComponentRenderer.RenderAsync<NavMenu>(ComponentRenderer.UserInRoles(Roles.SalesRep));

        page.QuerySelector("nav")!.GetAttribute("aria-label").ShouldBe("Sections");
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/admin/users", "/admin/users")]
    [InlineData("/admin/service-accounts", "/admin/service-accounts")]
    [InlineData("/settings/api-keys", "/settings/api-keys")]
    public async Task OnEachPage_OnlyThatPagesLinkIsAnnouncedAsCurrent(string currentPath, string currentLink)
    {
        var page = await ComponentRenderer.RenderAsync<NavMenu>(ComponentRenderer.UserInRoles(Roles.Admin), currentPath);

        page.QuerySelectorAll("nav a[aria-current='page']").Select(a => a.GetAttribute("href")).ShouldBe([currentLink]);
    }

    private static List<(string Text, string Href)> Links(IDocument page) =>
        page.QuerySelectorAll("nav a")
            .Select(a => (a.QuerySelector(".rz-navigation-item-text")?.TextContent.Trim() ?? "", a.GetAttribute("href") ?? ""))
            .ToList();
}
