using Smarketing.Domain.Common;
using Smarketing.Web.Components.Layout;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Layout;

/// <summary>Each role sees only the sections it may use (the pages check the same roles on the server).</summary>
public sealed class NavMenuTests : ComponentTest
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
            [("Home", "/"), ("Leads", "/leads"), ("Import leads", "/leads/import"), ("Returned by sales", "/leads/returned"), .. Reports, .. Agreement, ("Draft", "/agreement/draft"), ("My API keys", "/settings/api-keys")]
        },
        { Roles.SalesRep, [("Home", "/"), ("My leads", "/my-leads"), .. Agreement, ("My API keys", "/settings/api-keys")] },
        {
            Roles.SalesManager,
            [("Home", "/"), ("Pipeline", "/pipeline"), ("Team availability", "/team/availability"), ("At risk and breached", "/sla/watch"), .. Reports, .. Agreement, ("Draft", "/agreement/draft"), ("My API keys", "/settings/api-keys")]
        },
        { Roles.Leadership, [("Home", "/"), .. Reports, .. Agreement, ("My API keys", "/settings/api-keys")] },
        {
            Roles.Admin,
            [("Home", "/"), .. Reports, .. Agreement, ("Draft", "/agreement/draft"), ("Users", "/admin/users"), ("Service accounts", "/admin/service-accounts"), ("History import", "/admin/history-import"), ("My API keys", "/settings/api-keys")]
        },
    };

    [Theory]
    [MemberData(nameof(MenuOfEachRole))]
    public void EachRole_SeesOnlyTheSectionsItMayUse_InMenuOrder(string role, (string Text, string Href)[] expected)
    {
        SignInAs(role);
        var page = Render<NavMenu>();

        Links(page).ShouldBe(expected);
    }

    [Theory]
    [InlineData(Roles.MarketingManager)]
    [InlineData(Roles.SalesRep)]
    [InlineData(Roles.SalesManager)]
    [InlineData(Roles.Leadership)]
    public void APersonWithoutTheAdminRole_SeesNoAdminLinks(string role)
    {
        SignInAs(role);
        var page = Render<NavMenu>();

        Links(page).Select(l => l.Href).ShouldNotContain("/admin/users");
        Links(page).Select(l => l.Href).ShouldNotContain("/admin/service-accounts");
    }

    [Fact]
    public void SomeoneWhoIsAdminAmongOtherRoles_SeesTheAdminLinks()
    {
        SignInAs(Roles.SalesManager, Roles.Admin);
        var page = Render<NavMenu>();

        Links(page).ShouldContain(("Users", "/admin/users"));
        Links(page).ShouldContain(("Service accounts", "/admin/service-accounts"));
    }

    [Fact]
    public void EveryoneWithoutRoles_SeesOnlyWhatEveryoneMayUse()
    {
        var signedOut = Render<NavMenu>();
        Links(signedOut).ShouldBe(EveryoneSees);

        SignInAs();
        var signedInWithoutRoles = Render<NavMenu>();
        Links(signedInWithoutRoles).ShouldBe(EveryoneSees);
    }

    [Fact]
    public void TheMenu_IsALabelledNavigationLandmark()
    {
        SignInAs(Roles.SalesRep);
        var page = Render<NavMenu>();

        page.Find("nav").GetAttribute("aria-label").ShouldBe("Sections");
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/admin/users", "/admin/users")]
    [InlineData("/admin/service-accounts", "/admin/service-accounts")]
    [InlineData("/settings/api-keys", "/settings/api-keys")]
    public void OnEachPage_OnlyThatPagesLinkIsAnnouncedAsCurrent(string currentPath, string currentLink)
    {
        SignInAs(Roles.Admin);
        NavigateTo(currentPath);
        var page = Render<NavMenu>();

        page.FindAll("nav a[aria-current='page']").Select(a => a.GetAttribute("href")).ShouldBe([currentLink]);
    }

    private static List<(string Text, string Href)> Links(IRenderedComponent<NavMenu> page) =>
        page.FindAll("nav a")
            .Select(a => (a.QuerySelector(".mud-nav-link-text")?.TextContent.Trim() ?? "", a.GetAttribute("href") ?? ""))
            .ToList();
}
