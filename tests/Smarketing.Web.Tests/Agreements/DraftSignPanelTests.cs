using AngleSharp.Dom;
using MudBlazor;
using Smarketing.Domain.Agreements;
using Smarketing.Web.Components.Pages.Agreements;
using Smarketing.Web.Components.Shared;

namespace Smarketing.Web.Tests.Agreements;

/// <summary>Each department's manager signs for their own department; what the panel says before and after each signature.</summary>
public sealed class DraftSignPanelTests : AgreementTest
{
    [Fact]
    public async Task TheMarketingManager_MaySignOnlyForMarketing_AndSeesSalesStillWaiting()
    {
        SignInAs(AgreementWorld.Maya);

        var panel = RenderPanel(await OpenDraftAsync());

        Signature(panel, Department.Marketing).QuerySelector("button")!.TextContent.Trim().ShouldBe("Sign for marketing");
        Signature(panel, Department.Sales).TextContent.ShouldContain("Waiting for the sales manager's signature.");
        Signature(panel, Department.Sales).QuerySelector("button").ShouldBeNull();
    }

    [Fact]
    public async Task TheSalesManager_MaySignOnlyForSales()
    {
        SignInAs(AgreementWorld.Sam);

        var panel = RenderPanel(await OpenDraftAsync());

        Signature(panel, Department.Sales).QuerySelector("button")!.TextContent.Trim().ShouldBe("Sign for sales");
        Signature(panel, Department.Marketing).TextContent.ShouldContain("Waiting for the marketing manager's signature.");
    }

    [Fact]
    public async Task ASalesRep_ReadsWhoIsStillToSign_ButCanNeitherSignNorChangeTheDate()
    {
        SignInAs(AgreementWorld.Riley);

        var panel = RenderPanel(await OpenDraftAsync());

        panel.FindAll("button").ShouldBeEmpty();
        panel.FindAll("input").ShouldBeEmpty();
        Signature(panel, Department.Marketing).TextContent.ShouldContain("Waiting for the marketing manager's signature.");
        Signature(panel, Department.Sales).TextContent.ShouldContain("Waiting for the sales manager's signature.");
    }

    [Fact]
    public async Task AManager_SeesTheDraftsEffectiveDateAndSummary_ReadyToChange()
    {
        SignInAs(AgreementWorld.Maya);

        var panel = RenderPanel(await OpenDraftAsync());

        panel.Find("#effective-date").GetAttribute("value").ShouldBe("2027-01-04");
        panel.Find("label[for=effective-date]").TextContent.ShouldBe("Effective from (in the calendar's time zone)");
        panel.Find("#draft-summary").GetAttribute("value").ShouldBe("Faster first contact for A-leads.");
    }

    [Fact]
    public async Task SigningAsksFirst_ThenTheMarketingSignatureShows_AndSalesIsStillAwaited()
    {
        SignInAs(AgreementWorld.Maya);
        var dialogs = Render<MudDialogProvider>();
        var session = await OpenDraftAsync();
        var changed = 0;
        var panel = RenderPanel(session, () => changed++);

        Signature(panel, Department.Marketing).QuerySelector("button")!.Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("You sign version 2 for marketing exactly as it reads now, in force from 4 January 2027."));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Sign").Click();

        panel.WaitForAssertion(() => changed.ShouldBe(1));
        SnackbarMessages.ShouldContain("Signed. Waiting for the other department's signature.");
        session.Refresh(await World.DraftAsync());
        panel.Render();
        // Signed at 15:00 UTC, read by someone whose times are in New York.
        Signature(panel, Department.Marketing).TextContent.ShouldContain("Signed by Maya Marketing, 23 Nov 2026, 10:00 (America/New_York)");
        Signature(panel, Department.Sales).TextContent.ShouldContain("Waiting for the sales manager's signature.");
    }

    [Fact]
    public async Task CancellingTheQuestion_SignsNothing()
    {
        SignInAs(AgreementWorld.Maya);
        var dialogs = Render<MudDialogProvider>();
        var panel = RenderPanel(await OpenDraftAsync());

        Signature(panel, Department.Marketing).QuerySelector("button")!.Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click());

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldNotContain("Sign the agreement?"));
        (await World.DraftAsync()).MarketingSignature.ShouldBeNull();
    }

    [Fact]
    public async Task WithUnsavedEdits_SigningIsRefused_UntilTheyAreSavedOrDiscarded()
    {
        SignInAs(AgreementWorld.Maya);
        var dialogs = Render<MudDialogProvider>();
        var session = await OpenDraftAsync();
        session.Working.Personas[0].Name = "Chief of everything";
        var panel = RenderPanel(session);

        Signature(panel, Department.Marketing).QuerySelector("button")!.Click();

        SnackbarMessages.ShouldContain("Unsaved changes: save or discard your changes first, a signature covers the draft as saved.");
        dialogs.Markup.ShouldNotContain("Sign the agreement?");
        (await World.DraftAsync()).MarketingSignature.ShouldBeNull();
    }

    [Fact]
    public async Task TheSecondSignature_PutsTheVersionInForceOnItsDate()
    {
        await World.ServiceFor(AgreementWorld.Maya).SignAsync(new() { Department = Department.Marketing, ContentRevision = (await World.DraftAsync()).ContentRevision }, Xunit.TestContext.Current.CancellationToken);
        SignInAs(AgreementWorld.Sam);
        var dialogs = Render<MudDialogProvider>();
        var panel = RenderPanel(await OpenDraftAsync());
        Signature(panel, Department.Marketing).TextContent.ShouldContain("Signed by Maya Marketing");

        Signature(panel, Department.Sales).QuerySelector("button")!.Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Sign").Click());

        panel.WaitForAssertion(() => SnackbarMessages.ShouldContain("Signed. Both departments have signed. Version 2 is in force from 4 January 2027."));
    }

    private IRenderedComponent<DraftSignPanel> RenderPanel(DraftSession session, Action? onChanged = null) =>
        Render<DraftSignPanel>(p => p.Add(x => x.Session, session).Add(x => x.OnChanged, onChanged ?? (() => { }))
            .AddCascadingValue(new LocalClock(ViewerZone)));

    private static IElement Signature(IRenderedComponent<DraftSignPanel> panel, Department department) =>
        panel.Find($"[data-testid=signature-{department}]");
}
