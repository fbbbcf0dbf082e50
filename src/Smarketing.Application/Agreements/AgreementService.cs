using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Common;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Common;

namespace Smarketing.Application.Agreements;

/// <summary>
/// Adopted versions never change, so their content, and the view of the version in force, are kept for the life of the
/// app (one per service provider). A view is kept only while its stored row matches it.
/// </summary>
public sealed class AdoptedAgreementCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, AgreementContent> _content = new();
    private AgreementVersionView? _inForce;

    public bool TryGet(int number, out AgreementContent content) => _content.TryGetValue(number, out content!);

    public void Add(int number, AgreementContent content) => _content.TryAdd(number, content);

    /// <summary>The kept view of this adopted version, if one is kept and the row still says what it said.</summary>
    public AgreementVersionView? InForce(AgreementVersion version) =>
        _inForce is { } view && view.Id == version.Id && view.ContentRevision == version.ContentRevision &&
        view.EffectiveAt == version.EffectiveAt && view.AdoptedAt == version.AdoptedAt
            ? view
            : null;

    public void KeepInForce(AgreementVersionView view) => _inForce = view;
}

/// <summary>
/// Reading, drafting, editing and signing the agreement. Every write checks the caller's role here, on the
/// server; pages only hide what a role can't use.
/// </summary>
public sealed class AgreementService(
    IAppDbContextFactory dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    AgreementChangeFeed feed,
    IValidator<AgreementContent> contentValidator,
    IValidator<DraftHeaderRequest> headerValidator,
    AdoptedAgreementCache adoptedCache)
{
    public async Task<AgreementVersionView?> GetInForceAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var versions = await db.AgreementVersions.AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        var inForce = VersionTimeline.InForceAt(versions.Where(v => !v.IsDraft && v.EffectiveAt <= now), now);
        if (inForce is null)
        {
            return null;
        }

        // Every lead added or changed asks for this; its sections never change once adopted, so they are read once.
        if (adoptedCache.InForce(inForce) is { } kept)
        {
            return kept;
        }

        var view = await LoadViewAsync(db, inForce, versions, ct);
        adoptedCache.KeepInForce(view);
        return view;
    }

    public async Task<AgreementVersionView?> GetVersionAsync(int number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var versions = await db.AgreementVersions.AsNoTracking().ToListAsync(ct);
        var version = versions.SingleOrDefault(v => v.Number == number);
        return version is null ? null : await LoadViewAsync(db, version, versions, ct);
    }

    public async Task<AgreementVersionView?> GetDraftAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var versions = await db.AgreementVersions.AsNoTracking().ToListAsync(ct);
        var draft = versions.SingleOrDefault(v => v.IsDraft);
        return draft is null ? null : await LoadViewAsync(db, draft, versions, ct);
    }

    /// <summary>The content of an adopted version: what timers and reports judge leads by.</summary>
    public async Task<AgreementContent> GetAdoptedContentAsync(int number, CancellationToken ct = default)
    {
        if (adoptedCache.TryGet(number, out var cached))
        {
            return cached;
        }

        var version = await GetVersionAsync(number, ct) ?? throw new InvalidOperationException($"Agreement version {number} does not exist.");
        if (version.Status != VersionStatus.Draft)
        {
            adoptedCache.Add(number, version.Content);
        }

        return version.Content;
    }

    public async Task<IReadOnlyList<VersionSummary>> ListVersionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var versions = await db.AgreementVersions.AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        return versions
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Number, VersionTimeline.StatusOf(v, versions, now), v.EffectiveFrom, v.AdoptedAt,
                v.MarketingSignature, v.SalesSignature, v.Summary, v.CreatedAt, v.CreatedBy))
            .ToList();
    }

    public async Task<Result<IReadOnlyList<DiffLine>>> DiffAsync(int fromNumber, int toNumber, CancellationToken ct = default)
    {
        var from = await GetVersionAsync(fromNumber, ct);
        var to = await GetVersionAsync(toNumber, ct);
        if (from is null || to is null)
        {
            return Result<IReadOnlyList<DiffLine>>.Fail(Result.NotFound($"Version {(from is null ? fromNumber : toNumber)} does not exist."));
        }

        return Result<IReadOnlyList<DiffLine>>.Ok(AgreementDiff.Between(from.Content, to.Content));
    }

    /// <summary>Starts the one draft, as a copy of the newest adopted version.</summary>
    public async Task<Result<AgreementVersionView>> StartDraftAsync(CancellationToken ct = default)
    {
        if (!IsManager())
        {
            return Result<AgreementVersionView>.Fail(Result.Forbidden("Only a marketing or sales manager can start a draft."));
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var versions = await db.AgreementVersions.AsNoTracking().ToListAsync(ct);
        if (versions.SingleOrDefault(v => v.IsDraft) is { } existing)
        {
            return Result<AgreementVersionView>.Fail(Result.Conflict($"Version {existing.Number} is already being drafted (started by {existing.CreatedBy}). There is one draft at a time."));
        }

        var basis = versions.Where(v => !v.IsDraft).OrderByDescending(v => v.Number).FirstOrDefault();
        var sections = basis is null
            ? []
            : await db.AgreementSections.AsNoTracking().Where(s => s.VersionId == basis.Id).ToListAsync(ct);
        var draft = NewDraft(versions.Count == 0 ? 1 : versions.Max(v => v.Number) + 1, sections, basis);

        db.AgreementVersions.Add(draft);
        foreach (var section in draft.Sections)
        {
            db.AgreementSectionRevisions.Add(new AgreementSectionRevision
            {
                VersionId = draft.Id, Section = section.Section, Revision = section.Revision, Json = section.Json, SavedAt = section.UpdatedAt, SavedBy = section.UpdatedBy,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique draft slot: someone else started a draft between our read and our write.
            return Result<AgreementVersionView>.Fail(Result.Conflict("Someone else started a draft a moment ago. Open it instead."));
        }

        Publish(draft.Number, null, $"started draft version {draft.Number}");
        return (await GetDraftAsync(ct))!;
    }

    public async Task<Result<SectionSaveOutcome>> SaveSectionAsync(SaveSectionRequest request, CancellationToken ct = default)
    {
        if (!AgreementSections.MayEdit(request.Section, currentUser.IsInRole))
        {
            return Result<SectionSaveOutcome>.Fail(Result.Forbidden(
                $"{AgreementSections.Title(request.Section)} can be changed only by: {string.Join(", ", AgreementSections.Editors(request.Section).Select(Roles.DisplayName))}."));
        }

        // Before anything reads it: a null where the section needs a value would throw in the validator or the diff.
        if (AgreementJson.NullsIn(request.Content, request.Section) is { Count: > 0 } nulls)
        {
            return Result<SectionSaveOutcome>.Fail(Result.Invalid(nulls));
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var draft = await db.AgreementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.DraftSlot == 1, ct);
        if (draft is null)
        {
            return Result<SectionSaveOutcome>.Fail(Result.NotFound("There is no draft to edit. Start a draft first."));
        }

        var records = await db.AgreementSections.Where(s => s.VersionId == draft.Id).ToListAsync(ct);
        var stored = AgreementJson.Assemble(records.Select(r => (r.Section, r.Json)));
        var record = records.Single(r => r.Section == request.Section);

        // Validate the draft as it would be after this save, but speak only of this section. Before the revision check:
        // an invalid section is refused as such, and the conflict's diff only ever describes valid content.
        var proposed = AgreementJson.Clone(stored);
        AgreementJson.Apply(proposed, request.Section, AgreementJson.Serialize(request.Content, request.Section));
        var validation = await contentValidator.ValidateAsync(proposed, ct);
        var prefix = AgreementJson.PropertyPrefix(request.Section);
        var errors = validation.Errors.Where(e => e.PropertyName == prefix || e.PropertyName.StartsWith(prefix + ".", StringComparison.Ordinal) || e.PropertyName.StartsWith(prefix + "[", StringComparison.Ordinal)).ToList();
        if (errors.Count > 0)
        {
            return Result<SectionSaveOutcome>.Fail(Result.Invalid(errors.ToErrorDictionary()));
        }

        if (record.Revision != request.ExpectedRevision)
        {
            return await ConflictAsync(db, draft, record, stored, request, ct);
        }

        var now = clock.GetUtcNow();
        var who = currentUser.Email;
        var json = AgreementJson.Serialize(proposed, request.Section);
        if (json == record.Json)
        {
            return Result<SectionSaveOutcome>.Ok(new SectionSaveOutcome(new SectionStamp(record.Revision, record.UpdatedAt, record.UpdatedBy), null));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Any edit voids the signatures: they covered the content as it was. The version goes first: once it is adopted
        // its sections are history, and the database refuses to change them.
        var stillDraft = await db.AgreementVersions
            .Where(v => v.Id == draft.Id && v.AdoptedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(v => v.ContentRevision, v => v.ContentRevision + 1)
                .SetProperty(v => v.MarketingSignedBy, (string?)null)
                .SetProperty(v => v.MarketingSignerName, (string?)null)
                .SetProperty(v => v.MarketingSignedAt, (DateTimeOffset?)null)
                .SetProperty(v => v.SalesSignedBy, (string?)null)
                .SetProperty(v => v.SalesSignerName, (string?)null)
                .SetProperty(v => v.SalesSignedAt, (DateTimeOffset?)null)
                .SetProperty(v => v.UpdatedAt, now)
                .SetProperty(v => v.UpdatedBy, who), ct);
        if (stillDraft == 0)
        {
            await transaction.RollbackAsync(ct);
            return Result<SectionSaveOutcome>.Fail(Result.Conflict($"Version {draft.Number} was adopted a moment ago; it can't change any more. Start a new draft."));
        }

        var savedSection = await db.AgreementSections
            .Where(s => s.VersionId == draft.Id && s.Section == request.Section && s.Revision == request.ExpectedRevision)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Json, json)
                .SetProperty(x => x.Revision, x => x.Revision + 1)
                .SetProperty(x => x.UpdatedAt, now)
                .SetProperty(x => x.UpdatedBy, who), ct);
        if (savedSection == 0)
        {
            await transaction.RollbackAsync(ct);
            await using var fresh = await dbFactory.CreateAsync(ct);
            var current = await fresh.AgreementSections.AsNoTracking().SingleAsync(s => s.VersionId == draft.Id && s.Section == request.Section, ct);
            var freshContent = AgreementJson.Assemble((await fresh.AgreementSections.AsNoTracking().Where(s => s.VersionId == draft.Id).ToListAsync(ct)).Select(r => (r.Section, r.Json)));
            return await ConflictAsync(fresh, draft, current, freshContent, request, ct);
        }

        db.AgreementSectionRevisions.Add(new AgreementSectionRevision
        {
            VersionId = draft.Id, Section = request.Section, Revision = request.ExpectedRevision + 1, Json = json, SavedAt = now, SavedBy = who,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var signaturesCleared = draft.MarketingSignature is not null || draft.SalesSignature is not null;
        Publish(draft.Number, request.Section, $"saved {AgreementSections.Title(request.Section)}{(signaturesCleared ? " (signatures cleared)" : "")}");
        return Result<SectionSaveOutcome>.Ok(new SectionSaveOutcome(new SectionStamp(request.ExpectedRevision + 1, now, who), null));
    }

    public async Task<Result<AgreementVersionView>> SaveHeaderAsync(DraftHeaderRequest request, CancellationToken ct = default)
    {
        if (!IsManager())
        {
            return Result<AgreementVersionView>.Fail(Result.Forbidden("Only a marketing or sales manager can change the draft's effective date and summary."));
        }

        if (await headerValidator.CheckAsync(request, ct) is { } invalid)
        {
            return Result<AgreementVersionView>.Fail(invalid);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var draft = await db.AgreementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.DraftSlot == 1, ct);
        if (draft is null)
        {
            return Result<AgreementVersionView>.Fail(Result.NotFound("There is no draft to edit. Start a draft first."));
        }

        var today = await TodayAsync(db, draft, ct);
        if (request.EffectiveFrom is { } date && draft.RefuseEffectiveDate(date, today) is { } refused)
        {
            return Result<AgreementVersionView>.Fail(refused);
        }

        if (draft.EffectiveFrom == request.EffectiveFrom && draft.Summary == request.Summary.Trim())
        {
            return (await GetDraftAsync(ct))!;
        }

        var now = clock.GetUtcNow();
        var updated = await db.AgreementVersions
            .Where(v => v.Id == draft.Id && v.AdoptedAt == null && v.ContentRevision == request.ExpectedContentRevision)
            .ExecuteUpdateAsync(s => s
                .SetProperty(v => v.EffectiveFrom, request.EffectiveFrom)
                .SetProperty(v => v.Summary, request.Summary.Trim())
                .SetProperty(v => v.ContentRevision, v => v.ContentRevision + 1)
                .SetProperty(v => v.MarketingSignedBy, (string?)null)
                .SetProperty(v => v.MarketingSignerName, (string?)null)
                .SetProperty(v => v.MarketingSignedAt, (DateTimeOffset?)null)
                .SetProperty(v => v.SalesSignedBy, (string?)null)
                .SetProperty(v => v.SalesSignerName, (string?)null)
                .SetProperty(v => v.SalesSignedAt, (DateTimeOffset?)null)
                .SetProperty(v => v.UpdatedAt, now)
                .SetProperty(v => v.UpdatedBy, currentUser.Email), ct);
        if (updated == 0)
        {
            return Result<AgreementVersionView>.Fail(Result.Conflict("The draft changed since you opened it. Reload to see the latest, then set the date again."));
        }

        Publish(draft.Number, null, "changed the effective date and summary");
        return (await GetDraftAsync(ct))!;
    }

    /// <summary>Signs the draft for the caller's department; the second signature adopts it.</summary>
    public async Task<Result<AgreementVersionView>> SignAsync(SignRequest request, CancellationToken ct = default)
    {
        var role = request.Department == Department.Marketing ? Roles.MarketingManager : Roles.SalesManager;
        if (!currentUser.IsInRole(role))
        {
            return Result<AgreementVersionView>.Fail(Result.Forbidden($"Only a {Roles.DisplayName(role).ToLowerInvariant()} can sign for {request.Department.ToString().ToLowerInvariant()}."));
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var draft = await db.AgreementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.DraftSlot == 1, ct);
        if (draft is null)
        {
            return Result<AgreementVersionView>.Fail(Result.NotFound("There is no draft to sign."));
        }

        var today = await TodayAsync(db, draft, ct);
        if (draft.RefuseSignature(request.Department, today, request.ContentRevision) is { } refused)
        {
            return Result<AgreementVersionView>.Fail(refused);
        }

        // A signature covers the whole draft: it must hold together (e.g. no rule naming a grade another section removed).
        var content = AgreementJson.Assemble((await db.AgreementSections.AsNoTracking().Where(s => s.VersionId == draft.Id).ToListAsync(ct)).Select(r => (r.Section, r.Json)));
        if (await contentValidator.CheckAsync(content, ct) is { } inconsistent)
        {
            return Result<AgreementVersionView>.Fail(Result.Invalid(inconsistent.Errors.ToDictionary(
                e => e.Key, e => e.Value.Select(m => $"Not signable yet: {m}").ToArray())));
        }

        var now = clock.GetUtcNow();
        var signature = new Signature(currentUser.Email ?? "", currentUser.DisplayName ?? currentUser.Email ?? "", now);
        var query = db.AgreementVersions.Where(v => v.Id == draft.Id && v.AdoptedAt == null && v.ContentRevision == request.ContentRevision);
        var signed = request.Department == Department.Marketing
            ? await query.Where(v => v.MarketingSignedBy == null).ExecuteUpdateAsync(s => s
                .SetProperty(v => v.MarketingSignedBy, signature.SignedBy)
                .SetProperty(v => v.MarketingSignerName, signature.SignerName)
                .SetProperty(v => v.MarketingSignedAt, now), ct)
            : await query.Where(v => v.SalesSignedBy == null).ExecuteUpdateAsync(s => s
                .SetProperty(v => v.SalesSignedBy, signature.SignedBy)
                .SetProperty(v => v.SalesSignerName, signature.SignerName)
                .SetProperty(v => v.SalesSignedAt, now), ct);
        if (signed == 0)
        {
            return Result<AgreementVersionView>.Fail(Result.Conflict("The draft changed or was signed by someone else a moment ago. Reload, read it again, then sign."));
        }

        // The last signature adopts the version. Each signer tries after signing, so whichever signs second adopts.
        var calendar = await CalendarOfAsync(db, draft.Id, ct);
        var effectiveAt = LocalTime.StartOfDay(draft.EffectiveFrom!.Value, LocalTime.Zone(calendar.TimeZone));
        var adopted = await db.AgreementVersions
            .Where(v => v.Id == draft.Id && v.AdoptedAt == null && v.MarketingSignedBy != null && v.SalesSignedBy != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(v => v.AdoptedAt, now)
                .SetProperty(v => v.EffectiveAt, effectiveAt)
                .SetProperty(v => v.DraftSlot, (int?)null), ct);

        Publish(draft.Number, null, adopted > 0
            ? $"signed for {request.Department.ToString().ToLowerInvariant()}: version {draft.Number} is adopted, in force from {draft.EffectiveFrom:yyyy-MM-dd}"
            : $"signed version {draft.Number} for {request.Department.ToString().ToLowerInvariant()}");
        return (await GetVersionAsync(draft.Number, ct))!;
    }

    public bool MayEdit(AgreementSection section) => AgreementSections.MayEdit(section, currentUser.IsInRole);

    public bool IsManager() => currentUser.IsInRole(Roles.MarketingManager) || currentUser.IsInRole(Roles.SalesManager);

    private async Task<Result<SectionSaveOutcome>> ConflictAsync(
        IAppDbContext db, AgreementVersion draft, AgreementSectionRecord current, AgreementContent currentContent, SaveSectionRequest request, CancellationToken ct)
    {
        var baseJson = await db.AgreementSectionRevisions.AsNoTracking()
            .Where(r => r.VersionId == draft.Id && r.Section == request.Section && r.Revision == request.ExpectedRevision)
            .Select(r => r.Json)
            .SingleOrDefaultAsync(ct);
        var baseContent = AgreementJson.Clone(currentContent);
        if (baseJson is not null)
        {
            AgreementJson.Apply(baseContent, request.Section, baseJson);
        }

        var yours = AgreementJson.Clone(currentContent);
        AgreementJson.Apply(yours, request.Section, AgreementJson.Serialize(request.Content, request.Section));
        return Result<SectionSaveOutcome>.Ok(new SectionSaveOutcome(null, new SectionConflict(
            request.Section,
            current.UpdatedBy,
            current.UpdatedAt,
            current.Revision,
            AgreementDiff.Section(request.Section, baseContent, currentContent),
            AgreementDiff.Section(request.Section, baseContent, yours),
            currentContent)));
    }

    private AgreementVersion NewDraft(int number, List<AgreementSectionRecord> basisSections, AgreementVersion? basis)
    {
        var now = clock.GetUtcNow();
        var draft = new AgreementVersion { Number = number, Summary = "" };
        var content = basis is null ? new AgreementContent() : AgreementJson.Assemble(basisSections.Select(s => (s.Section, s.Json)));
        foreach (var section in AgreementSections.All)
        {
            var json = AgreementJson.Serialize(content, section);
            draft.Sections.Add(new AgreementSectionRecord { VersionId = draft.Id, Section = section, Json = json, Revision = 1, UpdatedAt = now, UpdatedBy = currentUser.Email });
        }

        return draft;
    }

    private async Task<AgreementVersionView> LoadViewAsync(IAppDbContext db, AgreementVersion version, IReadOnlyCollection<AgreementVersion> all, CancellationToken ct)
    {
        var records = await db.AgreementSections.AsNoTracking().Where(s => s.VersionId == version.Id).ToListAsync(ct);
        return new AgreementVersionView(
            version.Id,
            version.Number,
            VersionTimeline.StatusOf(version, all, clock.GetUtcNow()),
            version.EffectiveFrom,
            version.EffectiveAt,
            version.AdoptedAt,
            version.MarketingSignature,
            version.SalesSignature,
            version.ContentRevision,
            version.Summary,
            AgreementJson.Assemble(records.Select(r => (r.Section, r.Json))),
            records.ToDictionary(r => r.Section, r => new SectionStamp(r.Revision, r.UpdatedAt, r.UpdatedBy)),
            version.CreatedAt,
            version.CreatedBy);
    }

    private static async Task<BusinessCalendar> CalendarOfAsync(IAppDbContext db, Guid versionId, CancellationToken ct)
    {
        var json = await db.AgreementSections.AsNoTracking()
            .Where(s => s.VersionId == versionId && s.Section == AgreementSection.Calendar)
            .Select(s => s.Json).SingleAsync(ct);
        var content = new AgreementContent();
        AgreementJson.Apply(content, AgreementSection.Calendar, json);
        return content.Calendar;
    }

    // "Today" is the date in the agreement's own time zone, not the server's.
    private async Task<DateOnly> TodayAsync(IAppDbContext db, AgreementVersion draft, CancellationToken ct)
    {
        var calendar = await CalendarOfAsync(db, draft.Id, ct);
        var zone = BusinessCalendar.IsKnownTimeZone(calendar.TimeZone) ? LocalTime.Zone(calendar.TimeZone) : TimeZoneInfo.Utc;
        return LocalTime.DateAt(clock.GetUtcNow(), zone);
    }

    private void Publish(int number, AgreementSection? section, string what) =>
        feed.Publish(new AgreementChanged(number, section, what, currentUser.DisplayName ?? currentUser.Email ?? "someone", clock.GetUtcNow()));
}
