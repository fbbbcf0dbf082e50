using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using Smarketing.Web.Components.Pages.Agreements;

namespace Smarketing.Web.Tests.Agreements;

/// <summary>Someone reading or editing the agreement hears, live, when somebody else changes it.</summary>
public sealed class LiveAgreementNoticeTests : AgreementTest
{
    [Fact]
    public async Task WhenSomeoneElseSavesASection_TheNoticeSaysWhoAndWhat_AndReloadingClearsIt()
    {
        SignInAs(AgreementWorld.Sam);
        AgreementChanged? reloaded = null;
        var notice = Render<LiveAgreementNotice>(p => p.Add(x => x.OnReload, (AgreementChanged c) => reloaded = c).Add(x => x.ReloadText, "Load their changes"));

        await SaveTheCalendarAsync(AgreementWorld.Maya);

        notice.WaitForAssertion(() => notice.Find("[data-testid=live-notice]").TextContent.ShouldContain("Maya Marketing saved Business calendar in version 2"));
        SnackbarMessages.ShouldContain("The agreement changed: Maya Marketing saved Business calendar.");
        notice.FindAll("button").Single(b => b.TextContent.Trim() == "Load their changes").Click();
        reloaded.ShouldNotBeNull().Section.ShouldBe(AgreementSection.Calendar);
        notice.FindAll("[data-testid=live-notice]").ShouldBeEmpty();
    }

    [Fact]
    public async Task MyOwnSaves_RaiseNoNotice()
    {
        SignInAs(AgreementWorld.Sam);
        var notice = Render<LiveAgreementNotice>();

        await SaveTheCalendarAsync(AgreementWorld.Sam);

        notice.FindAll("[data-testid=live-notice]").ShouldBeEmpty();
        SnackbarMessages.ShouldBeEmpty();
    }

    [Fact]
    public async Task OnAPageThatCannotReload_TheNoticeOffersNoButton()
    {
        SignInAs(AgreementWorld.Riley);
        var notice = Render<LiveAgreementNotice>();

        await SaveTheCalendarAsync(AgreementWorld.Maya);

        notice.WaitForElement("[data-testid=live-notice]");
        notice.FindAll("button").ShouldBeEmpty();
    }

    private async Task SaveTheCalendarAsync(Person who)
    {
        var content = (await World.DraftAsync()).Content;
        content.Calendar.TimeZone = "America/Chicago";
        var saved = await World.ServiceFor(who).SaveSectionAsync(
            new SaveSectionRequest { Section = AgreementSection.Calendar, ExpectedRevision = 1, Content = content }, Xunit.TestContext.Current.CancellationToken);
        saved.Value.Saved.ShouldNotBeNull();
    }
}
