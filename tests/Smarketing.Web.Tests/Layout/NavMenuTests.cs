using AngleSharp.Dom;
using Smarketing.Domain.Common;
using Smarketing.Web.Components.Layout;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Layout;

/// <summary>Each role sees only the sections it may use (the pages check the same roles on the server).</summary>
public sealed class NavMenuTests
{
    private static readonly (string Text, string Href)[] EveryoneSees = [("Home", "/"), ("My API keys", "/settings/api-keys")];

    private static readonly (string Text, string Href)[] AdminSees =
        [("Home", "/"), ("Users", "/admin/users"), ("Service accounts", "/admin/service-accounts"), ("My API keys", "/settings/api-keys")];

    [Theory]
    [InlineData(Roles.MarketingManager)]
    [InlineData(Roles.SalesRep)]
    [InlineData(Roles.SalesManager)]
    [InlineData(Roles.Leadership)]
    public async Task APersonWithoutTheAdminRole_SeesNoAdminLinks(string role)
    {
        var page = await ComponentRenderer.RenderAsync<NavMenu>(ComponentRenderer.UserInRoles(role));

        Links(page).ShouldBe(EveryoneSees);
    }

    [Fact]
    public async Task AnAdmin_SeesUsersAndServiceAccounts_InMenuOrder()
    {
        var page = await ComponentRenderer.RenderAsync<NavMenu>(ComponentRenderer.UserInRoles(Roles.Admin));

        Links(page).ShouldBe(AdminSees);
    }

    [Fact]
    public async Task SomeoneWhoIsAdminAmongOtherRoles_SeesTheAdminLinks()
    {
        var page = await ComponentRenderer.RenderAsync<NavMenu>(ComponentRenderer.UserInRoles(Roles.SalesManager, Roles.Admin));

        Links(page).ShouldBe(AdminSees);
    }

    [Fact]
    public async Task EveryoneWithoutRoles_SeesNoAdminLinks()
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
