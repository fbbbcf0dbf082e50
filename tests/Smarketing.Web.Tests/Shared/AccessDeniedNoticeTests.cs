using Smarketing.Domain.Common;
using Smarketing.Web.Components.Shared;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Shared;

/// <summary>What a signed-in person sees when their role does not reach a page.</summary>
public sealed class AccessDeniedNoticeTests
{
    [Fact]
    public async Task TheNotice_SaysSoInItsHeading_AndInTheTabTitle()
    {
        var page = await ComponentRenderer.RenderAsync<AccessDeniedNotice>(ComponentRenderer.UserInRoles(Roles.SalesRep), "/admin/users");

        page.QuerySelectorAll("h1").ShouldHaveSingleItem().TextContent.Trim().ShouldBe("You don't have access to this page");
        page.Title.ShouldBe("Not allowed - Smarketing");
    }

    [Fact]
    public async Task TheNotice_TellsWhoCanHelp_AndLinksHome()
    {
        var page = await ComponentRenderer.RenderAsync<AccessDeniedNotice>(ComponentRenderer.UserInRoles(Roles.SalesRep), "/admin/users");

        page.Body!.TextContent.ShouldContain("ask an admin to change your roles");
        var home = page.QuerySelectorAll("a").ShouldHaveSingleItem();
        home.GetAttribute("href").ShouldBe("/");
        home.TextContent.Trim().ShouldBe("Go to your home page");
        home.HasAttribute("aria-current").ShouldBeFalse("the person is not on the home page");
    }
}
