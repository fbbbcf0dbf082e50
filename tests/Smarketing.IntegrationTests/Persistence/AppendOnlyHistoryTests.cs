using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Leads;
using Smarketing.Infrastructure.Persistence;
using Smarketing.IntegrationTests.Agreements;
using static Smarketing.IntegrationTests.Agreements.AgreementApp;

namespace Smarketing.IntegrationTests.Persistence;

/// <summary>
/// History is append-only below the UI, on a real SQLite file: the app's own DbContext refuses to change or delete a lead
/// event, a signature or an adopted version, and the database refuses the same to any other writer (a bulk statement,
/// raw SQL). Each refusal leaves the stored rows as they were.
/// </summary>
public sealed class AppendOnlyHistoryTests(AgreementApp app) : IClassFixture<AgreementApp>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AsyncServiceScope _scope;

    public async ValueTask InitializeAsync()
    {
        await app.ResetAsync();
        _scope = app.Services.CreateAsyncScope();
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    [Fact]
    public async Task ALeadEvent_CannotBeChangedOrDeleted_ThroughTheAppsDbContext()
    {
        var original = await FirstEventAsync();

        await using (var db = await AppContextAsync())
        {
            var tracked = await db.LeadEvents.SingleAsync(e => e.Id == original.Id, Ct);
            tracked.Reason = "rewritten";
            var changed = await Should.ThrowAsync<AppendOnlyHistoryException>(() => db.SaveChangesAsync(Ct));
            changed.Message.ShouldBe($"History is append-only: event {original.Id} of lead {original.LeadId} is part of the lead's history and is never changed.");
        }

        await using (var db = await AppContextAsync())
        {
            db.LeadEvents.Remove(await db.LeadEvents.SingleAsync(e => e.Id == original.Id, Ct));
            (await Should.ThrowAsync<AppendOnlyHistoryException>(() => db.SaveChangesAsync(Ct))).Message.ShouldEndWith("is never deleted.");
        }

        (await FirstEventAsync()).ShouldBeEquivalentTo(original);
    }

    [Fact]
    public async Task ALeadEvent_CannotBeChangedOrDeleted_ByAnyOtherWriterOfTheDatabase()
    {
        var original = await FirstEventAsync();
        await using var db = app.OpenDatabase();

        (await RefusedAsync(() => db.LeadEvents.Where(e => e.Id == original.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, "rewritten"), Ct)))
            .ShouldContain("a lead event is never changed");
        (await RefusedAsync(() => db.Database.ExecuteSqlAsync($"DELETE FROM LeadEvents WHERE Id = {original.Id}", Ct)))
            .ShouldContain("a lead event is never deleted");
        (await RefusedAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM LeadEvents", Ct))).ShouldContain("never deleted");

        (await FirstEventAsync()).ShouldBeEquivalentTo(original);
    }

    [Fact]
    public async Task AnAdoptedVersion_KeepsItsContentAndSignatures_WhateverWritesToIt()
    {
        var version1 = await StoredVersionAsync(1);
        var sections1 = await StoredSectionsAsync(version1.Id);

        await using (var db = await AppContextAsync())
        {
            var tracked = await db.AgreementVersions.SingleAsync(v => v.Number == 1, Ct);
            tracked.Summary = "quietly rewritten";
            (await Should.ThrowAsync<AppendOnlyHistoryException>(() => db.SaveChangesAsync(Ct)))
                .Message.ShouldBe("History is append-only: Version 1 is adopted; an adopted agreement version never changes.");
        }

        await using (var db = await AppContextAsync())
        {
            var section = await db.AgreementSections.FirstAsync(s => s.VersionId == version1.Id, Ct);
            section.Json = "{}";
            (await Should.ThrowAsync<AppendOnlyHistoryException>(() => db.SaveChangesAsync(Ct)))
                .Message.ShouldBe("History is append-only: Version 1 is adopted; its sections never change.");
        }

        await using (var db = app.OpenDatabase())
        {
            (await RefusedAsync(() => db.AgreementVersions.Where(v => v.Number == 1).ExecuteUpdateAsync(s => s.SetProperty(v => v.Summary, "quietly rewritten"), Ct)))
                .ShouldContain("an adopted agreement version never changes");
            (await RefusedAsync(() => db.AgreementSections.Where(s => s.VersionId == version1.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Json, "{}"), Ct)))
                .ShouldContain("the sections of an adopted agreement version never change");
            (await RefusedAsync(() => db.AgreementSections.Where(s => s.VersionId == version1.Id).ExecuteDeleteAsync(Ct)))
                .ShouldContain("are never deleted");
            (await RefusedAsync(() => db.AgreementVersions.Where(v => v.Number == 1).ExecuteDeleteAsync(Ct)))
                .ShouldContain("an adopted or signed agreement version is never deleted");
            (await RefusedAsync(() => db.AgreementSectionRevisions.Where(r => r.VersionId == version1.Id).ExecuteDeleteAsync(Ct)))
                .ShouldContain("a saved section revision is never deleted");
        }

        (await StoredVersionAsync(1)).ShouldBeEquivalentTo(version1);
        (await StoredSectionsAsync(version1.Id)).ShouldBeEquivalentTo(sections1);
    }

    [Fact]
    public async Task ASupersededVersion_StillCannotChange()
    {
        await app.AdoptDraftAsync();
        app.Clock.Advance(Version2Starts - app.Clock.GetUtcNow());
        (await app.As(Sales, s => s.GetVersionAsync(1, Ct))).ShouldNotBeNull().Status.ShouldBe(VersionStatus.Superseded);
        var version1 = await StoredVersionAsync(1);

        await using var db = app.OpenDatabase();
        (await RefusedAsync(() => db.AgreementVersions.Where(v => v.Number == 1).ExecuteUpdateAsync(s => s.SetProperty(v => v.EffectiveFrom, new DateOnly(2030, 1, 1)), Ct)))
            .ShouldContain("an adopted agreement version never changes");

        (await StoredVersionAsync(1)).ShouldBeEquivalentTo(version1);
    }

    [Fact]
    public async Task ASignatureOnTheDraft_CannotBeRewrittenOrQuietlyRemoved_OnlyVoidedByAnEdit()
    {
        var seen = await app.DraftAsync();
        (await app.As(Marketing, s => s.SignAsync(new SignRequest { Department = Department.Marketing, ContentRevision = seen.ContentRevision }, Ct)))
            .Succeeded.ShouldBeTrue();
        var signed = await StoredVersionAsync(2);

        await using (var db = await AppContextAsync())
        {
            var tracked = await db.AgreementVersions.SingleAsync(v => v.Number == 2, Ct);
            tracked.MarketingSignerName = "Someone else";
            (await Should.ThrowAsync<AppendOnlyHistoryException>(() => db.SaveChangesAsync(Ct)))
                .Message.ShouldBe("History is append-only: The marketing signature on version 2 can't be rewritten; only an edit of the draft voids it.");
        }

        await using (var db = app.OpenDatabase())
        {
            (await RefusedAsync(() => db.AgreementVersions.Where(v => v.Number == 2).ExecuteUpdateAsync(s => s
                    .SetProperty(v => v.MarketingSignedBy, (string?)null)
                    .SetProperty(v => v.MarketingSignerName, (string?)null)
                    .SetProperty(v => v.MarketingSignedAt, (DateTimeOffset?)null), Ct)))
                .ShouldContain("a signature is never rewritten");
            (await RefusedAsync(() => db.AgreementVersions.Where(v => v.Number == 2).ExecuteDeleteAsync(Ct)))
                .ShouldContain("an adopted or signed agreement version is never deleted");
        }

        (await StoredVersionAsync(2)).ShouldBeEquivalentTo(signed);

        // The one way a signature goes: an edit of what it covered.
        (await app.As(Sales, s => s.SaveSectionAsync(Save(AgreementSection.Reasons, seen, c => c.Reasons.LostReasons.Add("Budget frozen")), Ct)))
            .Value.IsConflict.ShouldBeFalse();
        (await app.DraftAsync()).MarketingSignature.ShouldBeNull();
    }

    [Fact]
    public async Task TheDraftsContent_StillChanges_ThroughTheAppsDbContext()
    {
        var draft = await StoredVersionAsync(2);

        await using (var db = await AppContextAsync())
        {
            var tracked = await db.AgreementVersions.SingleAsync(v => v.Number == 2, Ct);
            tracked.Summary = "Faster first contact for A leads.";
            var section = await db.AgreementSections.SingleAsync(s => s.VersionId == draft.Id && s.Section == AgreementSection.Reasons, Ct);
            section.Revision++;
            await db.SaveChangesAsync(Ct);
        }

        (await StoredVersionAsync(2)).Summary.ShouldBe("Faster first contact for A leads.");
    }

    /// <summary>A DbContext as the app's services get it, with the app's interceptors.</summary>
    private Task<SmarketingDbContext> AppContextAsync() =>
        _scope.ServiceProvider.GetRequiredService<IDbContextFactory<SmarketingDbContext>>().CreateDbContextAsync(Ct);

    private static async Task<string> RefusedAsync(Func<Task> write) => (await Should.ThrowAsync<SqliteException>(write)).Message;

    private async Task<LeadEvent> FirstEventAsync()
    {
        await using var db = app.OpenDatabase();
        return await db.LeadEvents.AsNoTracking().OrderBy(e => e.Id).FirstAsync(Ct);
    }

    private async Task<AgreementVersion> StoredVersionAsync(int number)
    {
        await using var db = app.OpenDatabase();
        return await db.AgreementVersions.AsNoTracking().SingleAsync(v => v.Number == number, Ct);
    }

    private async Task<List<AgreementSectionRecord>> StoredSectionsAsync(Guid versionId)
    {
        await using var db = app.OpenDatabase();
        return await db.AgreementSections.AsNoTracking().Where(s => s.VersionId == versionId).OrderBy(s => s.Section).ToListAsync(Ct);
    }
}
