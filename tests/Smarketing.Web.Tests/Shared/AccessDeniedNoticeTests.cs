using Smarketing.Domain.Common;
using Smarketing.Web.Components.Shared;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Shared;

/// <summary>What a signed-in person sees when their role does not reach a page.</summary>
public sealed class AccessDeniedNoticeTests : ComponentTest
{
    [Fact]
    public void TheNotice_SaysSoInItsHeading_AndInTheTabTitle()
    {
        SignInAs(Roles.SalesRep);
        NavigateTo("/admin/users");
        var head = RenderHead();

        var page = Render<AccessDeniedNotice>();

        page.FindAll("h1").ShouldHaveSingleItem().TextContent.Trim().ShouldBe("You don't have access to this page");
        PageTitle(head).ShouldBe("Not allowed - Smarketing");
    }

    [Fact]
    public void TheNotice_TellsWhoCanHelp_AndLinksHome()
    {
        SignInAs(Roles.SalesRep);
        NavigateTo("/admin/users");

        var page = Render<AccessDeniedNotice>();

        page.Markup.ShouldContain("ask an admin to change your roles");
        var home = page.FindAll("a").ShouldHaveSingleItem();
        home.GetAttribute("href").ShouldBe("/");
        home.TextContent.Trim().ShouldBe("Go to your home page");
        home.HasAttribute("aria-current").ShouldBeFalse("the person is not on the home page");
    }
}
