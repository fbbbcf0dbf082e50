using AngleSharp.Dom;
using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using Smarketing.Web.Components.Pages.Agreements;

namespace Smarketing.Web.Tests.Agreements;

/// <summary>Two managers edit the same section of the draft: a save never overwrites the other's work unseen.</summary>
public sealed class SectionEditorTests : AgreementTest
{
    [Fact]
    public async Task MySave_AfterSomeoneElseSavedTheSameSection_ShowsTheirChangeAndMine_AndOverwritesNothing()
    {
        SignInAs(AgreementWorld.Sam);
        var editor = RenderCalendarEditor(await OpenDraftAsync());
        await MayaSavesTheTimeZoneAsync("America/Chicago");

        editor.Find("#calendar-zone").Change("Europe/Berlin");
        editor.Find("[data-testid=save-Calendar]").Click();

        editor.WaitForAssertion(() => editor.Find("[data-testid=conflict]").TextContent.ShouldContain("while you were editing"));
        var conflict = editor.Find("[data-testid=conflict]").TextContent;
        conflict.ShouldContain("marketing@demo.test saved business calendar");
        conflict.ShouldContain("Nothing was overwritten");
        conflict.ShouldContain("America/Chicago");
        conflict.ShouldContain("Europe/Berlin");
        (await World.DraftAsync()).Content.Calendar.TimeZone.ShouldBe("America/Chicago");
        Status(editor).ShouldStartWith("Unsaved changes.");
    }

    [Fact]
    public async Task DiscardingMine_ShowsTheirChangeInTheForm()
    {
        SignInAs(AgreementWorld.Sam);
        var editor = RenderCalendarEditor(await OpenDraftAsync());
        await MayaSavesTheTimeZoneAsync("America/Chicago");
        editor.Find("#calendar-zone").Change("Europe/Berlin");
        editor.Find("[data-testid=save-Calendar]").Click();
        editor.WaitForElement("[data-testid=conflict]");

        Button(editor, "Discard mine, show theirs").Click();

        editor.FindAll("[data-testid=conflict]").ShouldBeEmpty();
        editor.Find("#calendar-zone").GetAttribute("value").ShouldBe("America/Chicago");
        Status(editor).ShouldStartWith("Saved.");
    }

    [Fact]
    public async Task KeepingMine_SavesOverTheirs_OnPurpose()
    {
        SignInAs(AgreementWorld.Sam);
        var editor = RenderCalendarEditor(await OpenDraftAsync());
        await MayaSavesTheTimeZoneAsync("America/Chicago");
        editor.Find("#calendar-zone").Change("Europe/Berlin");
        editor.Find("[data-testid=save-Calendar]").Click();
        editor.WaitForElement("[data-testid=conflict]");

        Button(editor, "Keep mine and save over theirs").Click();

        editor.WaitForAssertion(() => Status(editor).ShouldStartWith("Saved. Last saved by sales.manager@demo.test"));
        editor.FindAll("[data-testid=conflict]").ShouldBeEmpty();
        (await World.DraftAsync()).Content.Calendar.TimeZone.ShouldBe("Europe/Berlin");
        SnackbarMessages.ShouldContain("Business calendar saved. Signatures, if any, were cleared.");
    }

    [Fact]
    public async Task AnInvalidValue_IsNotSaved_AndItsMessageShowsUnderTheField()
    {
        SignInAs(AgreementWorld.Sam);
        var editor = RenderCalendarEditor(await OpenDraftAsync());

        editor.Find("#calendar-zone").Change("Mars/Olympus_Mons");
        editor.Find("[data-testid=save-Calendar]").Click();

        editor.WaitForElement("[data-testid=section-errors]").TextContent.ShouldContain("Not saved. Fix these first:");
        var message = editor.Find(".field-message");
        message.TextContent.ShouldNotBeNullOrWhiteSpace();
        editor.Find("[data-testid=section-errors]").TextContent.ShouldContain(message.TextContent);
        (await World.DraftAsync()).Content.Calendar.TimeZone.ShouldBe("America/New_York");
    }

    [Fact]
    public async Task EachInputOfASection_HasALabel()
    {
        SignInAs(AgreementWorld.Maya);
        var session = await OpenDraftAsync();

        var editor = Render<SectionEditor>(p => p.Add(x => x.Section, AgreementSection.Personas).Add(x => x.Session, session));

        foreach (var input in editor.FindAll("input:not([type=hidden]), textarea"))
        {
            editor.FindAll($"label[for='{input.Id}']").ShouldHaveSingleItem($"the input {input.GetAttribute("name")} is labelled");
        }

        editor.Find("input[name='persona-0-name']").GetAttribute("value").ShouldBe(session.Draft.Content.Personas[0].Name);
    }

    private IRenderedComponent<SectionEditor> RenderCalendarEditor(DraftSession session) =>
        Render<SectionEditor>(p => p.Add(x => x.Section, AgreementSection.Calendar).Add(x => x.Session, session));

    private async Task MayaSavesTheTimeZoneAsync(string zone)
    {
        var theirs = (await World.DraftAsync()).Content;
        theirs.Calendar.TimeZone = zone;
        var saved = await World.ServiceFor(AgreementWorld.Maya).SaveSectionAsync(new SaveSectionRequest { Section = AgreementSection.Calendar, ExpectedRevision = 1, Content = theirs }, Xunit.TestContext.Current.CancellationToken);
        saved.Value.Saved.ShouldNotBeNull();
    }

    private static string Status(IRenderedComponent<SectionEditor> editor) => editor.Find("[role=status]").TextContent.Trim();

    private static IElement Button(IRenderedComponent<SectionEditor> editor, string text) =>
        editor.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
