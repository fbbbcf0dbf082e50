using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Common;
using static Smarketing.IntegrationTests.Agreements.AgreementApp;

namespace Smarketing.IntegrationTests.Agreements;

/// <summary>
/// Two people editing the draft at once never lose each other's work: each section saves on its own against the
/// revision its editor started from, on a real SQLite file.
/// </summary>
public sealed class AgreementEditingTests(AgreementApp app) : IClassFixture<AgreementApp>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Persona NewPersona(string name) => new()
    {
        Name = name, JobTitles = [name], CompanySizeMin = 100, CompanySizeMax = 5000, Industries = ["Software"], Regions = ["North America"],
    };

    [Fact]
    public async Task MarketingSavingPersonas_WhileSalesSavesResponseRules_FromTheSameRevisions_BothLand()
    {
        var marketingSees = await app.DraftAsync();
        var salesSees = await app.DraftAsync();

        var saves = await Task.WhenAll(
            app.As(Marketing, s => s.SaveSectionAsync(Save(AgreementSection.Personas, marketingSees, c => c.Personas.Add(NewPersona("CFO"))), Ct)),
            app.As(Sales, s => s.SaveSectionAsync(Save(AgreementSection.ResponseRules, salesSees, c => c.ResponseRules.Rules[0].FirstContact = new BusinessDuration(1, DurationUnit.Hours)), Ct)));

        saves.ShouldAllBe(r => r.Succeeded && !r.Value.IsConflict);
        var draft = await app.DraftAsync();
        draft.Content.Personas.Select(p => p.Name).ShouldBe(["IT Director", "Operations Manager", "Startup Founder", "RevOps Lead", "CFO"]);
        draft.Content.ResponseRules.RuleFor("A", null).FirstContact.ToString().ShouldBe("1 business hour");
        draft.Sections[AgreementSection.Personas].ShouldBe(new SectionStamp(2, Start, Marketing));
        draft.Sections[AgreementSection.ResponseRules].ShouldBe(new SectionStamp(2, Start, Sales));
        draft.Sections[AgreementSection.Calendar].Revision.ShouldBe(1);
        draft.ContentRevision.ShouldBe(2);
    }

    [Fact]
    public async Task TwoMarketingManagersEditingPersonas_TheSecondIsToldWhoChangedWhat_AndNothingIsOverwritten()
    {
        var colleague = await app.AddMarketingManagerAsync("Morgan");
        var mayaSees = await app.DraftAsync();
        var morganSees = await app.DraftAsync();

        var first = await app.As(Marketing, s => s.SaveSectionAsync(Save(AgreementSection.Personas, mayaSees, c => c.Personas.Add(NewPersona("CFO"))), Ct));
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var second = await app.As(colleague, s => s.SaveSectionAsync(
            Save(AgreementSection.Personas, morganSees, c => c.Personas.Single(p => p.Name == "IT Director").CompanySizeMin = 300), Ct));

        first.Value.IsConflict.ShouldBeFalse();
        second.Succeeded.ShouldBeTrue();
        var conflict = second.Value.Conflict.ShouldNotBeNull();
        second.Value.Saved.ShouldBeNull();
        conflict.Section.ShouldBe(AgreementSection.Personas);
        conflict.ChangedBy.ShouldBe(Marketing);
        conflict.ChangedAt.ShouldBe(Start);
        conflict.CurrentRevision.ShouldBe(2);
        conflict.TheirChanges.Select(l => l.Text).ShouldBe(["Persona 'CFO' added"]);
        conflict.YourChanges.Select(l => l.Text).ShouldBe(["Persona 'IT Director': company size: 200-5000 -> 300-5000"]);
        conflict.Current.Personas.Select(p => p.Name).ShouldContain("CFO");

        var stored = await app.DraftAsync();
        stored.Content.Personas.Select(p => p.Name).ShouldContain("CFO");
        stored.Content.Personas.Single(p => p.Name == "IT Director").CompanySizeMin.ShouldBe(200);
        stored.Sections[AgreementSection.Personas].ShouldBe(new SectionStamp(2, Start, Marketing));
    }

    [Fact]
    public async Task AfterAConflict_TheSecondEditorCanReapplyTheirChangeOnTheCurrentRevision_AndBothChangesAreKept()
    {
        var colleague = await app.AddMarketingManagerAsync("Morgan");
        var seen = await app.DraftAsync();
        await app.As(Marketing, s => s.SaveSectionAsync(Save(AgreementSection.Personas, seen, c => c.Personas.Add(NewPersona("CFO"))), Ct));
        var conflict = (await app.As(colleague, s => s.SaveSectionAsync(
            Save(AgreementSection.Personas, seen, c => c.Personas[0].CompanySizeMin = 300), Ct))).Value.Conflict!;

        var retry = AgreementJson.Clone(conflict.Current);
        retry.Personas[0].CompanySizeMin = 300;
        var saved = await app.As(colleague, s => s.SaveSectionAsync(
            new SaveSectionRequest { Section = AgreementSection.Personas, ExpectedRevision = conflict.CurrentRevision, Content = retry }, Ct));

        saved.Value.Saved.ShouldNotBeNull().Revision.ShouldBe(3);
        var stored = (await app.DraftAsync()).Content.Personas;
        stored.Select(p => p.Name).ShouldContain("CFO");
        stored[0].CompanySizeMin.ShouldBe(300);
    }

    [Fact]
    public async Task TwoMarketingManagersSavingPersonasAtTheSameMoment_ExactlyOneWins_EveryTime()
    {
        var colleague = await app.AddMarketingManagerAsync("Morgan");

        for (var round = 1; round <= 8; round++)
        {
            var seen = await app.DraftAsync();
            var revision = seen.Sections[AgreementSection.Personas].Revision;
            await using var mayaScope = await app.SignedInAsAsync(Marketing);
            await using var morganScope = await app.SignedInAsAsync(colleague);
            var maya = Service(mayaScope);
            var morgan = Service(morganScope);
            var mayaEdit = Save(AgreementSection.Personas, seen, c => c.Personas.Add(NewPersona($"Maya's persona {round}")));
            var morganEdit = Save(AgreementSection.Personas, seen, c => c.Personas.Add(NewPersona($"Morgan's persona {round}")));

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var saving = new[]
            {
                Task.Run(async () => { await go.Task; return await maya.SaveSectionAsync(mayaEdit, Ct); }, Ct),
                Task.Run(async () => { await go.Task; return await morgan.SaveSectionAsync(morganEdit, Ct); }, Ct),
            };
            go.SetResult();
            var outcomes = await Task.WhenAll(saving);

            outcomes.ShouldAllBe(o => o.Succeeded);
            outcomes.Count(o => o.Value.Saved is not null).ShouldBe(1, $"round {round}");
            outcomes.Count(o => o.Value.IsConflict).ShouldBe(1, $"round {round}");
            var winner = outcomes[0].Value.Saved is not null ? "Maya" : "Morgan";
            var loser = winner == "Maya" ? "Morgan" : "Maya";
            var stored = await app.DraftAsync();
            stored.Sections[AgreementSection.Personas].Revision.ShouldBe(revision + 1);
            stored.Content.Personas.Select(p => p.Name).ShouldContain($"{winner}'s persona {round}");
            stored.Content.Personas.Select(p => p.Name).ShouldNotContain($"{loser}'s persona {round}");
            outcomes.Single(o => o.Value.IsConflict).Value.Conflict!.TheirChanges.Select(l => l.Text)
                .ShouldBe([$"Persona '{winner}'s persona {round}' added"]);
        }

        await using var db = app.OpenDatabase();
        var draftId = (await app.DraftAsync()).Id;
        (await db.AgreementSectionRevisions.CountAsync(r => r.VersionId == draftId && r.Section == AgreementSection.Personas, Ct)).ShouldBe(9);
    }

    private static AgreementService Service(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<AgreementService>();
}
