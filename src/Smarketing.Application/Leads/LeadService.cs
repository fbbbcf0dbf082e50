using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Leads;

/// <summary>
/// Leads from creation to won or lost. Every change runs the domain's state machine, records its event, and is
/// saved with optimistic concurrency on the lead's revision, so two people acting at once never both win.
/// </summary>
public sealed class LeadService(
    IAppDbContextFactory dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    AgreementService agreements,
    IRepDirectory repDirectory,
    LeadRequestValidators validators,
    Clocks.SlaClock slaClock,
    Notifications.NotificationCenter notifications)
{
    public async Task<Result<LeadDetails>> CreateAsync(CreateLeadRequest request, CancellationToken ct = default)
    {
        if (RefuseUnlessMayAddLeads(currentUser) is { } refused)
        {
            return Fail(refused);
        }

        if (await validators.Create.CheckAsync(request, ct) is { } invalid)
        {
            return Fail(invalid);
        }

        var agreement = await agreements.GetInForceAsync(ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var email = request.Email.Trim();

        // The same external id updates the lead it already names; it never makes a second one.
        if (!string.IsNullOrWhiteSpace(request.ExternalId))
        {
            var known = await db.Leads.AsNoTracking().Where(l => l.ExternalId == request.ExternalId.Trim()).Select(l => new { l.Id, l.Revision }).SingleOrDefaultAsync(ct);
            if (known is not null)
            {
                var update = new UpdateLeadRequest { Id = known.Id, Revision = known.Revision };
                Copy(request, update);
                return await UpdateAsync(update, ct);
            }
        }

        var normalized = email.ToLowerInvariant();
        if (await db.Leads.AsNoTracking().Where(l => l.Email == normalized).Select(l => new { l.FirstName, l.LastName, l.Stage }).FirstOrDefaultAsync(ct) is { } duplicate)
        {
            return Fail(Result.Invalid(nameof(LeadFields.Email),
                $"A lead with email {email} already exists ({duplicate.FirstName} {duplicate.LastName}, {LeadStages.Label(duplicate.Stage)}). Open it instead of adding it twice."));
        }

        var lead = new Lead();
        Apply(request, lead);
        var now = clock.GetUtcNow();
        var verdict = Qualify(lead, agreement);
        lead.RecordCreated(Actor(), now, agreement?.Number);
        db.Leads.Add(lead);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Fail(Result.Invalid(nameof(LeadFields.Email), $"A lead with email {email} (or external id {request.ExternalId}) was added a moment ago."));
        }

        // The saved lead is answered as it is in memory: reading it back would only cost two more queries.
        return new LeadDetails(lead, verdict, lead.Events) { IsNew = true };
    }

    public async Task<Result<LeadDetails>> UpdateAsync(UpdateLeadRequest request, CancellationToken ct = default)
    {
        if (!currentUser.IsInRole(LeadActionRoles.For(LeadAction.Edit)))
        {
            return Fail(Result.Forbidden("Only marketing managers change a lead's details."));
        }

        if (await validators.Update.CheckAsync(request, ct) is { } invalid)
        {
            return Fail(invalid);
        }

        var agreement = await agreements.GetInForceAsync(ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == request.Id, ct);
        if (lead is null)
        {
            return Fail(Result.NotFound("That lead does not exist."));
        }

        if (lead.Revision != request.Revision)
        {
            return Fail(Result.Conflict($"Someone else changed {lead.Name} since you opened it. Reload to see their change, then edit again."));
        }

        if (lead.CheckEditable() is { Succeeded: false } merged)
        {
            return Fail(merged);
        }

        var email = request.Email.Trim().ToLowerInvariant();
        if (email != lead.Email && await db.Leads.AnyAsync(l => l.Email == email && l.Id != lead.Id, ct))
        {
            return Fail(Result.Invalid(nameof(LeadFields.Email), $"Another lead already has email {email}."));
        }

        var before = lead.Stage;
        var changes = Changes(lead, request);
        if (changes.Count == 0)
        {
            return (await GetAsync(lead.Id, ct))!;
        }

        Apply(request, lead);
        Qualify(lead, agreement);
        lead.RecordUpdated(Actor(), clock.GetUtcNow(), agreement?.Number, before, string.Join("; ", changes));
        await slaClock.ReflectLeadAsync(db, lead, ct);
        return await SaveAsync(db, lead, ct, () => Task.FromResult(Result.Conflict($"Someone else changed {lead.Name} at the same moment. Reload and try again.")));
    }

    public async Task<LeadDetails?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var lead = await db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null)
        {
            return null;
        }

        // The histories of the duplicates merged into this lead are shown with its own; nothing is moved or rewritten.
        var mergedLeads = await MergedIntoAsync(db, id, ct);
        var ids = mergedLeads.Select(m => m.Id).Append(id).ToList();
        var events = await db.LeadEvents.AsNoTracking().Where(e => ids.Contains(e.LeadId)).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var verdict = lead.QualificationJson is null ? null : JsonSerializer.Deserialize<QualificationVerdict>(lead.QualificationJson, AgreementJson.Options);
        var mergedInto = lead.MergedIntoId is { } survivorId
            ? await db.Leads.AsNoTracking().Where(l => l.Id == survivorId).Select(l => new LeadRef(l.Id, (l.FirstName + " " + l.LastName).Trim(), l.Email)).SingleOrDefaultAsync(ct)
            : null;
        return new LeadDetails(lead, verdict, events) { MergedLeads = mergedLeads, MergedInto = mergedInto };
    }

    /// <summary>The leads merged into this one, and those merged into them in turn, oldest merge first.</summary>
    private static async Task<IReadOnlyList<LeadRef>> MergedIntoAsync(IAppDbContext db, Guid id, CancellationToken ct)
    {
        var found = new List<LeadRef>();
        List<Guid> survivors = [id];
        while (survivors.Count > 0)
        {
            var next = await db.Leads.AsNoTracking().Where(l => l.MergedIntoId != null && survivors.Contains(l.MergedIntoId.Value))
                .OrderBy(l => l.UpdatedAt).Select(l => new LeadRef(l.Id, (l.FirstName + " " + l.LastName).Trim(), l.Email)).ToListAsync(ct);
            next = next.Where(n => n.Id != id && found.All(f => f.Id != n.Id)).ToList();
            found.AddRange(next);
            survivors = next.Select(n => n.Id).ToList();
        }

        return found;
    }

    public async Task<LeadPage> ListAsync(LeadQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var leads = db.Leads.AsNoTracking().Matching(query);
        var total = await leads.CountAsync(ct);
        IOrderedQueryable<Lead> ordered = (query.SortBy, query.Descending) switch
        {
            (nameof(LeadSummary.Name), false) => leads.OrderBy(l => l.LastName).ThenBy(l => l.FirstName),
            (nameof(LeadSummary.Name), true) => leads.OrderByDescending(l => l.LastName).ThenByDescending(l => l.FirstName),
            (nameof(LeadSummary.Email), false) => leads.OrderBy(l => l.Email),
            (nameof(LeadSummary.Email), true) => leads.OrderByDescending(l => l.Email),
            (nameof(LeadSummary.Company), false) => leads.OrderBy(l => l.Company),
            (nameof(LeadSummary.Company), true) => leads.OrderByDescending(l => l.Company),
            (nameof(LeadSummary.Stage), false) => leads.OrderBy(l => l.Stage),
            (nameof(LeadSummary.Stage), true) => leads.OrderByDescending(l => l.Stage),
            (nameof(LeadSummary.Score), false) => leads.OrderBy(l => l.Score),
            (nameof(LeadSummary.Score), true) => leads.OrderByDescending(l => l.Score),
            (nameof(LeadSummary.OwnerEmail), false) => leads.OrderBy(l => l.OwnerEmail),
            (nameof(LeadSummary.OwnerEmail), true) => leads.OrderByDescending(l => l.OwnerEmail),
            (nameof(LeadSummary.HandedOffAt), false) => leads.OrderBy(l => l.HandedOffAt),
            (nameof(LeadSummary.HandedOffAt), true) => leads.OrderByDescending(l => l.HandedOffAt),
            (nameof(LeadSummary.RejectedAt), _) => leads.OrderByDescending(l => l.RejectedAt),
            (nameof(LeadSummary.CreatedAt), false) => leads.OrderBy(l => l.CreatedAt),
            _ => leads.OrderByDescending(l => l.CreatedAt),
        };
        // Leads that tie on the sort column keep one order, so pages never overlap or skip a lead.
        var items = await ordered.ThenBy(l => l.Id).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, Paging.MaxPageSize)).Select(Summary).ToListAsync(ct);
        return new LeadPage(items, total);
    }

    /// <summary>The signed-in rep's open leads, oldest hand-off first, and the unclaimed pool.</summary>
    public async Task<(IReadOnlyList<LeadSummary> Mine, IReadOnlyList<LeadSummary> Pool)> QueueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var me = currentUser.UserId;
        var open = LeadStages.Open.ToList();
        var mine = await db.Leads.AsNoTracking().Where(l => l.OwnerId == me && open.Contains(l.Stage))
            .OrderBy(l => l.HandedOffAt).Take(200).Select(Summary).ToListAsync(ct);
        var pool = await db.Leads.AsNoTracking().Where(l => l.Stage == LeadStage.HandedOff && l.OwnerId == null)
            .OrderBy(l => l.HandedOffAt).Take(200).Select(Summary).ToListAsync(ct);
        return (mine, pool);
    }

    public async Task<IReadOnlyDictionary<LeadStage, int>> CountByStageAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var counts = await db.Leads.AsNoTracking().Where(LeadStages.StandsAlone).GroupBy(l => l.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return LeadStages.OfItsOwn.ToDictionary(s => s, s => counts.SingleOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    public async Task<IReadOnlyList<HandOffOutcome>> HandOffAsync(HandOffRequest request, CancellationToken ct = default)
    {
        var outcomes = new List<HandOffOutcome>();
        if (await validators.HandOff.CheckAsync(request, ct) is { } invalid)
        {
            return [.. request.LeadIds.Distinct().Select(id => new HandOffOutcome(id, "", Fail(invalid), string.Join(" ", invalid.Errors.SelectMany(e => e.Value))))];
        }

        foreach (var id in request.LeadIds.Distinct())
        {
            var result = await TransitionAsync(id, LeadActionRoles.For(LeadAction.HandOff), "hand off leads", (lead, actor, now, agreement) =>
            {
                var handedOff = lead.HandOff(actor, now, agreement.Number, request.OverrideReason);
                return handedOff.Succeeded ? null : handedOff;
            }, AssignIfRoundRobinAsync, ct);
            outcomes.Add(result.Succeeded
                ? new HandOffOutcome(id, result.Value.Lead.Name, result, result.Value.Lead.OwnerEmail is { } owner ? $"Handed off and assigned to {owner}." : "Handed off to the sales pool.")
                : new HandOffOutcome(id, "", result, result.Kind == ResultKind.Invalid ? string.Join(" ", result.Errors.SelectMany(e => e.Value)) : result.Message ?? ""));
        }

        return outcomes;
    }

    public Task<Result<LeadDetails>> ClaimAsync(Guid id, CancellationToken ct = default) =>
        TransitionAsync(id, LeadActionRoles.For(LeadAction.Claim), "claim leads", (lead, actor, now, agreement) => Refusal(lead.Claim(actor, now, agreement.Number)), null, ct);

    public async Task<Result<LeadDetails>> LogContactAsync(Guid id, ContactRequest request, CancellationToken ct = default)
    {
        if (await validators.Contact.CheckAsync(request, ct) is { } invalid)
        {
            return Fail(invalid);
        }

        return await TransitionAsync(id, LeadActionRoles.For(LeadAction.LogContact), "log contact attempts", (lead, actor, now, agreement) =>
            Refusal(lead.LogContact(actor, request.OccurredAt ?? now, request.Channel, request.Outcome, request.Note?.Trim(), now, agreement.Number,
                LocalTime.Zone(agreement.Content.Calendar.TimeZone))), null, ct);
    }

    public Task<Result<LeadDetails>> AcceptAsync(Guid id, CancellationToken ct = default) =>
        TransitionAsync(id, LeadActionRoles.For(LeadAction.Accept), "accept leads", (lead, actor, now, agreement) => Refusal(lead.Accept(actor, now, agreement.Number)), null, ct);

    public async Task<Result<LeadDetails>> RejectAsync(Guid id, ReasonRequest request, CancellationToken ct = default)
    {
        if (await validators.Reason.CheckAsync(request, ct) is { } invalid)
        {
            return Fail(invalid);
        }

        var result = await TransitionAsync(id, LeadActionRoles.For(LeadAction.Reject), "reject leads", (lead, actor, now, agreement) =>
            Refusal(lead.Reject(actor, request.Reason, agreement.Content.Reasons.RejectionReasons, now, agreement.Number)), null, ct);
        if (result.Succeeded)
        {
            // Marketing hears at once that a lead came back, and why.
            var lead = result.Value.Lead;
            await notifications.SendToRoleAsync(Roles.MarketingManager, Domain.Notifications.NotificationKind.Rejected,
                $"Returned by sales: {lead.Name}", $"{currentUser.Email} rejected {UserText.Isolate(lead.Name)} ({UserText.Isolate(lead.Company)}): {UserText.Isolate(lead.RejectionReason)}.", lead.Id, ct);
        }

        return result;
    }

    public Task<Result<LeadDetails>> ConvertAsync(Guid id, CancellationToken ct = default) =>
        TransitionAsync(id, LeadActionRoles.For(LeadAction.Convert), "convert leads", (lead, actor, now, agreement) => Refusal(lead.Convert(actor, now, agreement.Number)), null, ct);

    public async Task<Result<LeadDetails>> MarkWonAsync(Guid id, WonRequest request, CancellationToken ct = default) =>
        await validators.Won.CheckAsync(request, ct) is { } invalid
            ? Fail(invalid)
            : await TransitionAsync(id, LeadActionRoles.For(LeadAction.MarkWon), "close opportunities", (lead, actor, now, agreement) => Refusal(lead.MarkWon(actor, request.Amount, now, agreement.Number)), null, ct);

    public async Task<Result<LeadDetails>> MarkLostAsync(Guid id, ReasonRequest request, CancellationToken ct = default) =>
        await validators.Reason.CheckAsync(request, ct) is { } invalid
            ? Fail(invalid)
            : await TransitionAsync(id, LeadActionRoles.For(LeadAction.MarkLost), "close opportunities", (lead, actor, now, agreement) =>
                Refusal(lead.MarkLost(actor, request.Reason, agreement.Content.Reasons.LostReasons, now, agreement.Number)), null, ct);

    public async Task<Result<LeadDetails>> ReassignAsync(Guid id, ReassignRequest request, CancellationToken ct = default)
    {
        if (await validators.Reassign.CheckAsync(request, ct) is { } invalid)
        {
            return Fail(invalid);
        }

        var reps = await repDirectory.ListRepsAsync(ct);
        var target = reps.SingleOrDefault(r => string.Equals(r.Email, request.OwnerEmail?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (target is null)
        {
            return Fail(Result.Invalid(nameof(ReassignRequest.OwnerEmail), $"'{request.OwnerEmail}' is not a sales rep."));
        }

        if (!target.Active)
        {
            return Fail(Result.Invalid(nameof(ReassignRequest.OwnerEmail), $"{target.Email} is deactivated."));
        }

        return await TransitionAsync(id, LeadActionRoles.For(LeadAction.Reassign), "reassign leads", (lead, actor, now, agreement) =>
            Refusal(lead.Reassign(actor, new Actor(target.Id, target.Email), request.Reason, now, agreement.Number)), null, ct);
    }

    private async Task<Result<LeadDetails>> TransitionAsync(
        Guid id,
        string role,
        string what,
        Func<Lead, Actor, DateTimeOffset, AgreementVersionView, Result?> act,
        Func<IAppDbContext, Lead, Actor, DateTimeOffset, AgreementVersionView, CancellationToken, Task>? after,
        CancellationToken ct)
    {
        if (!currentUser.IsInRole(role))
        {
            return Fail(Result.Forbidden($"Only a {Roles.DisplayName(role).ToLowerInvariant()} can {what}."));
        }

        var agreement = await agreements.GetInForceAsync(ct);
        if (agreement is null)
        {
            return Fail(Result.Conflict("No agreement is in force yet, so there is no lead definition or response rule to work by."));
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null)
        {
            return Fail(Result.NotFound("That lead does not exist."));
        }

        var actor = Actor()!;
        var now = clock.GetUtcNow();
        if (act(lead, actor, now, agreement) is { } refused)
        {
            return Fail(refused);
        }

        if (after is not null)
        {
            await after(db, lead, actor, now, agreement, ct);
        }

        // The SLA timers change with the lead, in the same save.
        await slaClock.SyncAsync(db, lead, ct);

        return await SaveAsync(db, lead, ct, async () =>
        {
            // Someone else changed the lead first: say what stands in the way now ("already claimed by ...").
            await using var fresh = await dbFactory.CreateAsync(ct);
            var current = await fresh.Leads.AsNoTracking().SingleAsync(l => l.Id == id, ct);
            return act(current, actor, now, agreement) ?? Result.Conflict($"Someone else changed {current.Name} at the same moment. Reload and try again.");
        });
    }

    private async Task<Result<LeadDetails>> SaveAsync(IAppDbContext db, Lead lead, CancellationToken ct, Func<Task<Result>> onConflict)
    {
        lead.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Fail(await onConflict());
        }

        return (await GetAsync(lead.Id, ct))!;
    }

    private async Task AssignIfRoundRobinAsync(IAppDbContext db, Lead lead, Actor actor, DateTimeOffset now, AgreementVersionView agreement, CancellationToken ct)
    {
        if (agreement.Content.ResponseRules.Assignment != Domain.Agreements.AssignmentMode.RoundRobin)
        {
            return;
        }

        var reps = (await repDirectory.ListRepsAsync(ct)).OrderBy(r => r.Email).ToList();
        var zone = LocalTime.Zone(agreement.Content.Calendar.TimeZone);
        var today = LocalTime.DateAt(now, zone);
        var availability = await db.RepAvailability.AsNoTracking().ToDictionaryAsync(a => a.UserId, ct);
        var open = LeadStages.Open.ToList();
        var openCounts = await db.Leads.AsNoTracking().Where(l => l.OwnerId != null && open.Contains(l.Stage))
            .GroupBy(l => l.OwnerId!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var last = await db.LeadEvents.AsNoTracking().Where(e => e.Type == LeadEventType.Assigned)
            .OrderByDescending(e => e.Id).Select(e => e.OwnerEmail).FirstOrDefaultAsync(ct);

        var statuses = reps.Select(r =>
        {
            var a = availability.GetValueOrDefault(r.Id);
            return new RepStatus(r.Id, r.Email, r.Active, a?.IsOutOfOffice(today) ?? false, openCounts.GetValueOrDefault(r.Id), a?.Capacity ?? RepAvailability.DefaultCapacity);
        }).ToList();
        var decision = RoundRobin.Next(statuses, last);
        if (decision.Rep is { } rep)
        {
            lead.Assign(new Actor(rep.Id, rep.Email), decision.Explanation, actor, now, agreement.Number);
        }
        else
        {
            lead.Events[^1].Note = decision.Explanation;
        }
    }

    /// <summary>Who may bring leads in, one at a time or in a batch: marketing managers and integrations acting as one.</summary>
    internal static Result? RefuseUnlessMayAddLeads(ICurrentUser user) =>
        user.IsInRole(Roles.LeadAdders) ? null : Result.Forbidden("Only marketing managers (and integrations acting as one) add leads.");

    internal static QualificationVerdict? Qualify(Lead lead, AgreementVersionView? agreement)
    {
        if (agreement is null)
        {
            return null;
        }

        return Qualify(lead, agreement.Content, agreement.Number);
    }

    /// <summary>Qualifies the lead by one version's lead definition (a backfilled lead: the version in force when it was created).</summary>
    internal static QualificationVerdict Qualify(Lead lead, Domain.Agreements.AgreementContent content, int version)
    {
        var verdict = Qualification.Evaluate(content.LeadDefinition, content.Personas, lead.Facts, version);
        lead.ApplyQualification(verdict, JsonSerializer.Serialize(verdict, AgreementJson.Options));
        return verdict;
    }

    private Actor? Actor() => Actor(currentUser);

    internal static Actor? Actor(ICurrentUser user) =>
        user.UserId is { } id ? new Actor(id, user.Email ?? id) : null;

    private static Result? Refusal(Result result) => result.Succeeded ? null : result;

    private static Result<LeadDetails> Fail(Result failure) => Result<LeadDetails>.Fail(failure);

    /// <summary>A lead as lists show it, projected in SQL (the reports list their leads the same way).</summary>
    internal static readonly System.Linq.Expressions.Expression<Func<Lead, LeadSummary>> Summary = l => new LeadSummary(
        l.Id, l.FirstName + " " + l.LastName, l.Email, l.Company, l.Title, l.Stage, l.IsMql, l.Score, l.Grade, l.OwnerEmail, l.Source,
        l.CreatedAt, l.HandedOffAt, l.RejectionReason, l.RejectedAt);

    internal static void Apply(LeadFields source, Lead lead)
    {
        lead.ExternalId = Clean(source.ExternalId);
        lead.Email = source.Email.Trim().ToLowerInvariant();
        lead.FirstName = source.FirstName?.Trim() ?? "";
        lead.LastName = source.LastName?.Trim() ?? "";
        lead.Company = source.Company?.Trim() ?? "";
        lead.Title = Clean(source.Title);
        lead.CompanySize = source.CompanySize;
        lead.Industry = Clean(source.Industry);
        lead.Country = Clean(source.Country);
        lead.Source = Clean(source.Source);
        lead.Campaign = Clean(source.Campaign);
        lead.EngagementScore = source.EngagementScore;
    }

    private static void Copy(LeadFields from, LeadFields to)
    {
        to.ExternalId = from.ExternalId;
        to.Email = from.Email;
        to.FirstName = from.FirstName;
        to.LastName = from.LastName;
        to.Company = from.Company;
        to.Title = from.Title;
        to.CompanySize = from.CompanySize;
        to.Industry = from.Industry;
        to.Country = from.Country;
        to.Source = from.Source;
        to.Campaign = from.Campaign;
        to.EngagementScore = from.EngagementScore;
    }

    internal static List<string> Changes(Lead lead, LeadFields next)
    {
        var changes = new List<string>();
        void Check(string field, object? before, object? after)
        {
            if (!Equals(before, after))
            {
                changes.Add($"{field}: {before ?? "(none)"} -> {after ?? "(none)"}");
            }
        }

        Check("email", lead.Email, next.Email.Trim().ToLowerInvariant());
        Check("first name", lead.FirstName, next.FirstName?.Trim() ?? "");
        Check("last name", lead.LastName, next.LastName?.Trim() ?? "");
        Check("company", lead.Company, next.Company?.Trim() ?? "");
        Check("title", lead.Title, Clean(next.Title));
        Check("company size", lead.CompanySize, next.CompanySize);
        Check("industry", lead.Industry, Clean(next.Industry));
        Check("country", lead.Country, Clean(next.Country));
        Check("source", lead.Source, Clean(next.Source));
        Check("campaign", lead.Campaign, Clean(next.Campaign));
        Check("engagement score", lead.EngagementScore, next.EngagementScore);
        Check("external id", lead.ExternalId, Clean(next.ExternalId));
        return changes;
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
