using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Leads;

/// <summary>What happened to one item of a batch.</summary>
public enum IntakeStatus
{
    Created,
    Updated,
    Merged,
    Invalid,
}

/// <summary>The lead an item was merged into: an earlier item of the same batch (its index), or a lead already stored.</summary>
public sealed record MergeTarget(Guid LeadId, int? Index, string MatchedBy);

/// <summary>One item's result, in request order. <see cref="Lead"/> is null only for an invalid item.</summary>
public sealed record IntakeItemResult(
    int Index,
    IntakeStatus Status,
    string Message,
    LeadDetails? Lead,
    MergeTarget? MergedInto,
    IReadOnlyDictionary<string, string[]>? Errors);

public sealed record IntakeOutcome(IReadOnlyList<IntakeItemResult> Items)
{
    public int Count(IntakeStatus status) => Items.Count(i => i.Status == status);
}

/// <summary>How far a run has got: which step (<c>Checking</c> the items, <c>Saving</c> them) and how many of how many.</summary>
public sealed record IntakeProgress(string Step, int Done, int Of);

/// <summary>
/// How a run goes: as a dry run (everything decided and reported, nothing saved), all or nothing (one invalid item, as
/// judged inside the writing transaction, and nothing is written), and who hears of its progress.
/// </summary>
public sealed record IntakeRun(bool DryRun = false, IProgress<IntakeProgress>? Progress = null, bool AllOrNothing = false);

/// <summary>
/// Many leads at once (POST /api/v1/leads/batch), by the single POST's rules and validator. An item whose external id
/// is known updates that lead; an item whose email is already taken (in the database or earlier in the batch) is merged
/// into that lead; anything else is created. Valid items are written even when others are invalid, in one save, with
/// set-based look-ups and the agreement in force loaded once.
/// </summary>
public sealed class LeadIntake(
    IAppDbContextFactory dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    AgreementService agreements,
    IValidator<CreateLeadRequest> validator,
    Clocks.SlaClock slaClock)
{
    public const int MaxBatchSize = 1000;

    /// <summary>One API batch of at most <see cref="MaxBatchSize"/> items.</summary>
    public async Task<Result<IntakeOutcome>> IntakeAsync(IReadOnlyList<CreateLeadRequest?> items, CancellationToken ct = default)
    {
        if (items.Count > MaxBatchSize)
        {
            return Result<IntakeOutcome>.Fail(Result.Invalid("leads",
                $"A batch holds at most {MaxBatchSize:N0} leads; this one has {items.Count:N0}. Split it into batches of {MaxBatchSize:N0} or fewer."));
        }

        return await RunAsync(items, new IntakeRun(), ct);
    }

    /// <summary>
    /// Any number of items (an import, whose caller sets its own limit) in one transaction: the valid items are all
    /// written or, if the save fails, none is. A dry run decides and reports every item as a real run would, saving nothing.
    /// </summary>
    public async Task<Result<IntakeOutcome>> RunAsync(IReadOnlyList<CreateLeadRequest?> items, IntakeRun run, CancellationToken ct = default)
    {
        if (LeadService.RefuseUnlessMayAddLeads(currentUser) is { } refused)
        {
            return Result<IntakeOutcome>.Fail(refused);
        }

        var errors = new IReadOnlyDictionary<string, string[]>?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            errors[i] = items[i] is { } item
                ? (await validator.CheckAsync(item, ct))?.Errors
                : new Dictionary<string, string[]> { ["Lead"] = ["The item is empty: send a lead object with at least an email."] };
            if (i % 1000 == 999)
            {
                run.Progress?.Report(new IntakeProgress("Checking", i + 1, items.Count));
            }
        }

        var agreement = await agreements.GetInForceAsync(ct);
        try
        {
            return await WriteAsync(items, errors, agreement, run, ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // Someone added or changed one of these leads between the look-up and the save: look again, now that it is stored.
        }

        try
        {
            return await WriteAsync(items, errors, agreement, run, ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            return Result<IntakeOutcome>.Fail(Result.Conflict("Other changes to these leads were saved at the same moment, twice in a row. Send the batch again; nothing of it was written."));
        }
    }

    private async Task<Result<IntakeOutcome>> WriteAsync(
        IReadOnlyList<CreateLeadRequest?> items, IReadOnlyDictionary<string, string[]>?[] errors, AgreementVersionView? agreement, IntakeRun run, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);

        // The look-ups and the writes share one transaction that holds the writer's slot, so no other save can add one
        // of these leads in between. A dry run only reads.
        await using var write = run.DryRun ? null : await db.BeginWriteAsync(ct);
        var batch = new Batch(LeadService.Actor(currentUser), clock.GetUtcNow(), agreement);
        await batch.LoadKnownAsync(db, items, errors, ct);

        var outcomes = new Outcome[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            outcomes[i] = errors[i] is { } invalid ? Outcome.Invalid(invalid) : batch.Take(i, items[i]!);
        }

        if (write is not null && run.AllOrNothing && outcomes.Count(o => o.Status == IntakeStatus.Invalid) is var refused and > 0)
        {
            return Result<IntakeOutcome>.Fail(Result.Invalid("leads",
                $"{refused:N0} of {items.Count:N0} leads are invalid, so none was written. Correct them and send all of them again."));
        }

        if (write is not null)
        {
            await SaveAsync(db, batch, run, ct);
            await write.CommitAsync(ct);
        }

        return await ReportAsync(db, outcomes, batch, ct);
    }

    // New leads and their first events go in without the change tracker, in chunks so progress can be told; the few
    // stored leads an item changed are saved as any change is.
    private async Task SaveAsync(IAppDbContext db, Batch batch, IntakeRun run, CancellationToken ct)
    {
        const int chunk = 5000;
        var total = batch.Created.Count + batch.Changed.Count;
        for (var done = 0; done < batch.Created.Count; done += chunk)
        {
            run.Progress?.Report(new IntakeProgress("Saving", done, total));
            var leads = batch.Created.GetRange(done, Math.Min(chunk, batch.Created.Count - done));
            await db.InsertManyAsync(leads, ct);
            await db.InsertManyAsync(leads.SelectMany(l => l.Events).ToList(), ct);
        }

        foreach (var lead in batch.Changed)
        {
            lead.Revision++;
        }

        await slaClock.ReflectLeadsAsync(db, batch.Changed, ct);
        await db.SaveChangesAsync(ct);
        run.Progress?.Report(new IntakeProgress("Saving", total, total));
    }

    private static async Task<Result<IntakeOutcome>> ReportAsync(IAppDbContext db, Outcome[] outcomes, Batch batch, CancellationToken ct)
    {
        var storedIds = outcomes.Where(o => o.Lead is not null && !batch.IsNew(o.Lead)).Select(o => o.Lead!.Id).Distinct().ToList();
        var storedEvents = (storedIds.Count == 0
            ? []
            : await db.LeadEvents.AsNoTracking().Where(e => storedIds.Contains(e.LeadId)).ToListAsync(ct)).ToLookup(e => e.LeadId);
        var details = new Dictionary<Guid, LeadDetails>();
        LeadDetails Details(Lead lead)
        {
            if (!details.TryGetValue(lead.Id, out var found))
            {
                var events = batch.IsNew(lead) ? lead.Events : storedEvents[lead.Id];
                var verdict = lead.QualificationJson is null ? null : JsonSerializer.Deserialize<Domain.Leads.QualificationVerdict>(lead.QualificationJson, AgreementJson.Options);
                found = new LeadDetails(lead, verdict, events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList()) { IsNew = batch.IsNew(lead) };
                details[lead.Id] = found;
            }

            return found;
        }

        return new IntakeOutcome(outcomes.Select((o, i) =>
            new IntakeItemResult(i, o.Status, o.Message, o.Lead is null ? null : Details(o.Lead), o.MergedInto, o.Errors)).ToList());
    }

    private sealed record Outcome(IntakeStatus Status, string Message, Lead? Lead, MergeTarget? MergedInto = null, IReadOnlyDictionary<string, string[]>? Errors = null)
    {
        public static Outcome Invalid(IReadOnlyDictionary<string, string[]> errors) =>
            new(IntakeStatus.Invalid, string.Join(" ", errors.SelectMany(e => e.Value)), null, Errors: errors);
    }

    /// <summary>The leads one batch touches, found by external id and by email, as the items are taken in order.</summary>
    private sealed class Batch(Actor? actor, DateTimeOffset now, AgreementVersionView? agreement)
    {
        private readonly Dictionary<string, Lead> _byExternalId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Lead> _byEmail = new(StringComparer.Ordinal);
        private readonly Dictionary<Guid, int> _createdBy = [];

        public List<Lead> Created { get; } = [];

        public HashSet<Lead> Changed { get; } = [];

        public bool IsNew(Lead lead) => _createdBy.ContainsKey(lead.Id);

        public async Task LoadKnownAsync(IAppDbContext db, IReadOnlyList<CreateLeadRequest?> items, IReadOnlyDictionary<string, string[]>?[] errors, CancellationToken ct)
        {
            var valid = items.Where((item, i) => errors[i] is null).Select(item => item!).ToList();
            var externalIds = valid.Select(v => LeadService.Clean(v.ExternalId)).OfType<string>().Distinct().ToList();
            var emails = valid.Select(v => v.Email.Trim().ToLowerInvariant()).Distinct().ToList();
            // Two look-ups, each answered by its own unique index, rather than one that ORs them and reads every lead.
            // Each list goes as one JSON parameter: a whole file's emails are more than SQLite's limit of variables.
            var byExternalId = externalIds.Count == 0 ? [] : await db.Leads.Where(l => EF.Parameter(externalIds).Contains(l.ExternalId!)).ToListAsync(ct);
            var byEmail = await db.Leads.Where(l => EF.Parameter(emails).Contains(l.Email)).ToListAsync(ct);
            foreach (var lead in byExternalId.Concat(byEmail).DistinctBy(l => l.Id))
            {
                Register(lead);
            }
        }

        public Outcome Take(int index, CreateLeadRequest item)
        {
            var externalId = LeadService.Clean(item.ExternalId);
            var email = item.Email.Trim().ToLowerInvariant();
            if (externalId is not null && _byExternalId.TryGetValue(externalId, out var named))
            {
                if (named.IsMerged)
                {
                    return MergedAway(nameof(LeadFields.ExternalId), $"The lead with external id {externalId} was merged into lead {named.MergedIntoId}; send its details to that lead.");
                }

                return _createdBy.TryGetValue(named.Id, out var first)
                    ? Replace(named, item, new MergeTarget(named.Id, first, "externalId"))
                    : Replace(named, item, null);
            }

            if (_byEmail.TryGetValue(email, out var sameEmail))
            {
                if (sameEmail.IsMerged)
                {
                    return MergedAway(nameof(LeadFields.Email), $"The lead with email {email} was merged into lead {sameEmail.MergedIntoId}; send its details to that lead.");
                }

                return Merge(sameEmail, item, new MergeTarget(sameEmail.Id, _createdBy.TryGetValue(sameEmail.Id, out var first) ? first : null, "email"));
            }

            var lead = new Lead();
            LeadService.Apply(item, lead);
            LeadService.Qualify(lead, agreement);
            lead.RecordCreated(actor, now, agreement?.Number);
            Created.Add(lead);
            _createdBy[lead.Id] = index;
            Register(lead);
            return new Outcome(IntakeStatus.Created, "Created.", lead);
        }

        // A merged duplicate is kept only as history: an item naming it would change a lead nobody sees.
        private static Outcome MergedAway(string field, string message) =>
            Outcome.Invalid(new Dictionary<string, string[]> { [field] = [message] });

        // The item names this lead by its external id: its fields replace the lead's, as the single POST does.
        private Outcome Replace(Lead lead, CreateLeadRequest item, MergeTarget? mergedInto)
        {
            var email = item.Email.Trim().ToLowerInvariant();
            if (email != lead.Email && _byEmail.TryGetValue(email, out var other) && other != lead)
            {
                return Outcome.Invalid(new Dictionary<string, string[]> { [nameof(LeadFields.Email)] = [$"Another lead already has email {email}."] });
            }

            var changes = LeadService.Changes(lead, item);
            Change(lead, changes, () => LeadService.Apply(item, lead));
            var status = mergedInto is null ? IntakeStatus.Updated : IntakeStatus.Merged;
            var said = changes.Count == 0 ? "nothing changed" : string.Join("; ", changes);
            return new Outcome(status, mergedInto is null
                ? $"Updated the lead with external id {lead.ExternalId}: {said}."
                : $"Merged into item {mergedInto.Index} (same external id {lead.ExternalId}): {said}.", lead, mergedInto);
        }

        // The item's email belongs to this lead: the values the item carries are added to it, the lead keeps the rest.
        private Outcome Merge(Lead lead, CreateLeadRequest item, MergeTarget mergedInto)
        {
            var merged = new CreateLeadRequest
            {
                ExternalId = lead.ExternalId ?? LeadService.Clean(item.ExternalId),
                Email = lead.Email,
                FirstName = LeadService.Clean(item.FirstName) ?? lead.FirstName,
                LastName = LeadService.Clean(item.LastName) ?? lead.LastName,
                Company = LeadService.Clean(item.Company) ?? lead.Company,
                Title = LeadService.Clean(item.Title) ?? lead.Title,
                CompanySize = item.CompanySize ?? lead.CompanySize,
                Industry = LeadService.Clean(item.Industry) ?? lead.Industry,
                Country = LeadService.Clean(item.Country) ?? lead.Country,
                Source = LeadService.Clean(item.Source) ?? lead.Source,
                Campaign = LeadService.Clean(item.Campaign) ?? lead.Campaign,
                EngagementScore = item.EngagementScore,
            };
            var changes = LeadService.Changes(lead, merged);
            Change(lead, changes, () => LeadService.Apply(merged, lead));
            Register(lead);
            var into = mergedInto.Index is { } first ? $"item {first}" : $"lead {lead.Id}";
            var said = changes.Count == 0 ? "nothing new" : string.Join("; ", changes);
            return new Outcome(IntakeStatus.Merged, $"Merged into {into} (same email {lead.Email}): {said}.", lead, mergedInto);
        }

        private void Change(Lead lead, List<string> changes, Action apply)
        {
            if (changes.Count == 0)
            {
                return;
            }

            var before = lead.Stage;
            _byEmail.Remove(lead.Email);
            apply();
            LeadService.Qualify(lead, agreement);
            lead.RecordUpdated(actor, now, agreement?.Number, before, string.Join("; ", changes));
            if (!IsNew(lead))
            {
                Changed.Add(lead);
            }

            Register(lead);
        }

        private void Register(Lead lead)
        {
            _byEmail[lead.Email] = lead;
            if (lead.ExternalId is { } externalId)
            {
                _byExternalId[externalId] = lead;
            }
        }
    }
}
