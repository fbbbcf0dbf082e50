using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Common;
using static Smarketing.IntegrationTests.Agreements.AgreementApp;

namespace Smarketing.IntegrationTests.Agreements;

/// <summary>
/// Signing on a real SQLite file: a signature covers exactly the content the signer read, the second signature adopts
/// the draft, it comes into force on its date, and there is only ever one draft.
/// </summary>
public sealed class AgreementSigningTests(AgreementApp app) : IClassFixture<AgreementApp>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AnySaveAfterASignature_ClearsTheSignature_SoNoOneSignsContentTheyDidNotRead()
    {
        var seen = await app.DraftAsync();

        var marketingSigned = await app.As(Marketing, s => s.SignAsync(new SignRequest { Department = Department.Marketing, ContentRevision = seen.ContentRevision }, Ct));
        marketingSigned.Value.MarketingSignature.ShouldNotBeNull().SignedBy.ShouldBe(Marketing);
        marketingSigned.Value.Status.ShouldBe(VersionStatus.Draft);

        (await app.As(Sales, s => s.SaveSectionAsync(Save(AgreementSection.Reasons, seen, c => c.Reasons.LostReasons.Add("Budget frozen")), Ct)))
            .Value.IsConflict.ShouldBeFalse();
        var afterSalesEdit = await app.DraftAsync();
        afterSalesEdit.MarketingSignature.ShouldBeNull();
        afterSalesEdit.ContentRevision.ShouldBe(seen.ContentRevision + 1);

        (await app.As(Sales, s => s.SignAsync(new SignRequest { Department = Department.Sales, ContentRevision = afterSalesEdit.ContentRevision }, Ct)))
            .Value.Status.ShouldBe(VersionStatus.Draft);
        (await app.As(Marketing, s => s.SaveSectionAsync(Save(AgreementSection.Personas, afterSalesEdit, c => c.Personas.RemoveAt(3)), Ct)))
            .Value.IsConflict.ShouldBeFalse();

        var afterMarketingEdit = await app.DraftAsync();
        afterMarketingEdit.MarketingSignature.ShouldBeNull();
        afterMarketingEdit.SalesSignature.ShouldBeNull();
        afterMarketingEdit.Status.ShouldBe(VersionStatus.Draft);
    }

    [Fact]
    public async Task ChangingTheEffectiveDateAfterASignature_ClearsTheSignature()
    {
        var seen = await app.DraftAsync();
        (await app.As(Sales, s => s.SignAsync(new SignRequest { Department = Department.Sales, ContentRevision = seen.ContentRevision }, Ct))).Succeeded.ShouldBeTrue();

        var changed = await app.As(Marketing, s => s.SaveHeaderAsync(
            new DraftHeaderRequest { EffectiveFrom = new DateOnly(2027, 2, 1), Summary = seen.Summary, ExpectedContentRevision = seen.ContentRevision }, Ct));

        changed.Value.EffectiveFrom.ShouldBe(new DateOnly(2027, 2, 1));
        changed.Value.SalesSignature.ShouldBeNull();
        changed.Value.ContentRevision.ShouldBe(seen.ContentRevision + 1);
    }

    [Fact]
    public async Task SigningContentThatChangedSinceTheSignerReadIt_IsRefused()
    {
        var marketingRead = await app.DraftAsync();
        await app.As(Sales, s => s.SaveSectionAsync(Save(AgreementSection.ResponseRules, marketingRead, c => c.ResponseRules.Rules[1].WarningPercent = 80), Ct));

        var signed = await app.As(Marketing, s => s.SignAsync(new SignRequest { Department = Department.Marketing, ContentRevision = marketingRead.ContentRevision }, Ct));

        signed.Kind.ShouldBe(ResultKind.Conflict);
        signed.Message.ShouldBe("The draft changed since you opened it. Read the changes, then sign again.");
        (await app.DraftAsync()).MarketingSignature.ShouldBeNull();
    }

    [Fact]
    public async Task ADepartmentCannotSignTwice()
    {
        var seen = await app.DraftAsync();
        var request = new SignRequest { Department = Department.Marketing, ContentRevision = seen.ContentRevision };
        (await app.As(Marketing, s => s.SignAsync(request, Ct))).Succeeded.ShouldBeTrue();

        var again = await app.As(Marketing, s => s.SignAsync(request, Ct));

        again.Kind.ShouldBe(ResultKind.Conflict);
        again.Message.ShouldBe($"{Marketing} already signed version 2 for marketing.");
    }

    [Fact]
    public async Task BothSignatures_AdoptTheDraft_WhichComesIntoForceOnItsDate_AndTheOldVersionStaysReadable()
    {
        var seen = await app.DraftAsync();

        var afterMarketing = await app.As(Marketing, s => s.SignAsync(new SignRequest { Department = Department.Marketing, ContentRevision = seen.ContentRevision }, Ct));
        afterMarketing.Value.Status.ShouldBe(VersionStatus.Draft);
        afterMarketing.Value.AdoptedAt.ShouldBeNull();
        app.Clock.Advance(TimeSpan.FromHours(2));
        var adopted = (await app.As(Sales, s => s.SignAsync(new SignRequest { Department = Department.Sales, ContentRevision = seen.ContentRevision }, Ct))).Value;

        adopted.Number.ShouldBe(2);
        adopted.Status.ShouldBe(VersionStatus.Scheduled);
        adopted.AdoptedAt.ShouldBe(Start.AddHours(2));
        adopted.EffectiveAt.ShouldBe(Version2Starts);
        adopted.MarketingSignature.ShouldBe(new Signature(Marketing, Marketing, Start));
        adopted.SalesSignature.ShouldBe(new Signature(Sales, Sales, Start.AddHours(2)));
        (await app.As(Marketing, s => s.GetDraftAsync(Ct))).ShouldBeNull();
        var inForce = await app.As(Sales, s => s.GetInForceAsync(Ct));
        inForce.ShouldNotBeNull().Number.ShouldBe(1);
        inForce.Status.ShouldBe(VersionStatus.InForce);

        app.Clock.Advance(Version2Starts - app.Clock.GetUtcNow());

        var nowInForce = (await app.As(Sales, s => s.GetInForceAsync(Ct))).ShouldNotBeNull();
        nowInForce.Number.ShouldBe(2);
        nowInForce.Status.ShouldBe(VersionStatus.InForce);
        nowInForce.Content.ResponseRules.RuleFor("A", null).FirstContact.ToString().ShouldBe("2 business hours");
        var old = (await app.As(Sales, s => s.GetVersionAsync(1, Ct))).ShouldNotBeNull();
        old.Status.ShouldBe(VersionStatus.Superseded);
        old.Content.ResponseRules.RuleFor("A", null).FirstContact.ToString().ShouldBe("4 business hours");
        old.Content.MarketingClauses[0].Target.ShouldBe(400);
        (await app.As(Sales, s => s.ListVersionsAsync(Ct))).Select(v => (v.Number, v.Status))
            .ShouldBe([(2, VersionStatus.InForce), (1, VersionStatus.Superseded)]);
    }

    [Fact]
    public async Task AnAdoptedVersion_CannotBeEdited_AndTheNextDraftStartsFromIt()
    {
        var seen = await app.DraftAsync();
        await app.AdoptDraftAsync();

        var edit = await app.As(Marketing, s => s.SaveSectionAsync(Save(AgreementSection.Personas, seen, c => c.Personas.Clear()), Ct));
        edit.Kind.ShouldBe(ResultKind.NotFound);
        (await app.As(Marketing, s => s.GetVersionAsync(2, Ct)))!.Content.Personas.Count.ShouldBe(4);

        var next = await app.As(Sales, s => s.StartDraftAsync(Ct));

        next.Value.Number.ShouldBe(3);
        next.Value.Status.ShouldBe(VersionStatus.Draft);
        AgreementDiff.Between(seen.Content, next.Value.Content).ShouldBeEmpty();
        next.Value.EffectiveFrom.ShouldBeNull();
        next.Value.Sections.Values.ShouldAllBe(s => s.Revision == 1);
    }

    [Fact]
    public async Task StartingASecondDraft_IsAConflict()
    {

        var second = await app.As(Sales, s => s.StartDraftAsync(Ct));

        second.Kind.ShouldBe(ResultKind.Conflict);
        second.Message.ShouldStartWith("Version 2 is already being drafted");
        (await app.As(Sales, s => s.ListVersionsAsync(Ct))).Count.ShouldBe(2);
    }

    [Fact]
    public async Task TwoManagersStartingADraftAtTheSameMoment_MakeExactlyOneDraft()
    {

        for (var round = 1; round <= 5; round++)
        {
            var draft = await app.DraftAsync();
            (await app.As(Marketing, s => s.SaveHeaderAsync(new DraftHeaderRequest
            {
                EffectiveFrom = new DateOnly(2027, 1, 4).AddDays(round), Summary = $"Round {round}", ExpectedContentRevision = draft.ContentRevision,
            }, Ct))).Succeeded.ShouldBeTrue();
            await app.AdoptDraftAsync();
            (await app.As(Marketing, s => s.GetDraftAsync(Ct))).ShouldBeNull();

            await using var marketingScope = await app.SignedInAsAsync(Marketing);
            await using var salesScope = await app.SignedInAsAsync(Sales);
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var starting = new[] { Service(marketingScope), Service(salesScope) }
                .Select(service => Task.Run(async () => { await go.Task; return await service.StartDraftAsync(Ct); }, Ct))
                .ToArray();
            go.SetResult();
            var outcomes = await Task.WhenAll(starting);

            outcomes.Count(o => o.Succeeded).ShouldBe(1, $"round {round}");
            outcomes.Single(o => !o.Succeeded).Kind.ShouldBe(ResultKind.Conflict);
            await using var db = app.OpenDatabase();
            (await db.AgreementVersions.CountAsync(v => v.AdoptedAt == null, Ct)).ShouldBe(1, $"round {round}");
            (await app.DraftAsync()).Number.ShouldBe(round + 2);
        }
    }

    private static AgreementService Service(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<AgreementService>();
}
