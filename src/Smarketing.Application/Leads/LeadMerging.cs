using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Leads;

/// <summary>
/// A marketing manager merges a duplicate into a lead by hand. The lead decides whether the merge is allowed
/// (<see cref="Lead.CheckMerge"/>); both leads are saved in one go with optimistic concurrency on each one's revision, so
/// of two managers merging at once, one wins and the other is told why, and nothing of either is lost.
/// </summary>
public sealed class LeadMerging(
    IAppDbContextFactory dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    AgreementService agreements,
    IValidator<MergeRequest> validator,
    LeadService leads,
    Clocks.SlaClock slaClock)
{
    /// <summary>How many leads the search for a duplicate offers at a time.</summary>
    public const int MaxCandidates = 10;

    /// <summary>Leads of their own whose name, email or company contains <paramref name="term"/>, except the survivor.</summary>
    public async Task<IReadOnlyList<LeadSummary>> FindCandidatesAsync(Guid survivorId, string? term, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(term) || RefuseUnlessMarketing() is not null)
        {
            return [];
        }

        var page = await leads.ListAsync(new LeadQuery { Search = term, SortBy = nameof(LeadSummary.Name), Take = MaxCandidates + 1 }, ct);
        return page.Items.Where(l => l.Id != survivorId).Take(MaxCandidates).ToList();
    }

    /// <summary>The two leads side by side, and whether the rules allow the merge.</summary>
    public async Task<Result<MergePreview>> PreviewAsync(Guid survivorId, Guid duplicateId, CancellationToken ct = default)
    {
        if (RefuseUnlessMarketing() is { } refused)
        {
            return Result<MergePreview>.Fail(refused);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var pair = await LoadAsync(db, survivorId, duplicateId, tracked: false, ct);
        if (!pair.Succeeded)
        {
            return Result<MergePreview>.Fail(pair);
        }

        var (survivor, duplicate) = pair.Value;
        var rows = LeadMergeFields.All.Select(f => new MergeFieldRow(f, LeadMergeFields.Label(f),
            LeadMergeFields.Display(LeadMergeFields.ValueOf(survivor, f)), LeadMergeFields.Display(LeadMergeFields.ValueOf(duplicate, f)),
            LeadMergeFields.Differ(survivor, duplicate, f))).ToList();
        return new MergePreview(Side(survivor), Side(duplicate), rows, survivor.CheckMerge(duplicate));
    }

    public async Task<Result<LeadDetails>> MergeAsync(Guid survivorId, MergeRequest request, CancellationToken ct = default)
    {
        if (RefuseUnlessMarketing() is { } refused)
        {
            return Result<LeadDetails>.Fail(refused);
        }

        if (await validator.CheckAsync(request, ct) is { } invalid)
        {
            return Result<LeadDetails>.Fail(invalid);
        }

        var agreement = await agreements.GetInForceAsync(ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var pair = await LoadAsync(db, survivorId, request.DuplicateId, tracked: true, ct);
        if (!pair.Succeeded)
        {
            return Result<LeadDetails>.Fail(pair);
        }

        var (survivor, duplicate) = pair.Value;
        var fields = request.TakeFromDuplicate!.Select(name => LeadMergeFields.Parse(name)!.Value).ToList();
        var merged = survivor.Absorb(duplicate, fields, LeadService.Actor(currentUser)!, clock.GetUtcNow(), agreement?.Number);
        if (!merged.Succeeded)
        {
            return Result<LeadDetails>.Fail(merged);
        }

        if (fields.Count > 0)
        {
            LeadService.Qualify(survivor, agreement);
            await slaClock.ReflectLeadAsync(db, survivor, ct);
        }

        survivor.Revision++;
        duplicate.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<LeadDetails>.Fail(await WhyNotNowAsync(survivorId, request.DuplicateId, ct));
        }

        return (await leads.GetAsync(survivorId, ct))!;
    }

    // Someone changed one of the two leads first: say what stands in the way now ("already merged into ...").
    private async Task<Result> WhyNotNowAsync(Guid survivorId, Guid duplicateId, CancellationToken ct)
    {
        await using var fresh = await dbFactory.CreateAsync(ct);
        var pair = await LoadAsync(fresh, survivorId, duplicateId, tracked: false, ct);
        if (!pair.Succeeded)
        {
            return pair;
        }

        var (survivor, duplicate) = pair.Value;
        return survivor.CheckMerge(duplicate) is { Succeeded: false } refusal
            ? refusal
            : Result.Conflict($"Someone else changed {Named(survivor)} or {Named(duplicate)} at the same moment; nothing was merged. Reload, compare again and merge.");
    }

    private static async Task<Result<(Lead Survivor, Lead Duplicate)>> LoadAsync(IAppDbContext db, Guid survivorId, Guid duplicateId, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.Leads : db.Leads.AsNoTracking();
        var both = await query.Where(l => l.Id == survivorId || l.Id == duplicateId).ToListAsync(ct);
        var survivor = both.SingleOrDefault(l => l.Id == survivorId);
        if (survivor is null)
        {
            return Result<(Lead, Lead)>.Fail(Result.NotFound("That lead does not exist."));
        }

        var duplicate = both.SingleOrDefault(l => l.Id == duplicateId);
        return duplicate is null
            ? Result<(Lead, Lead)>.Fail(Result.NotFound($"The duplicate lead {duplicateId} does not exist."))
            : (survivor, duplicate);
    }

    private Result? RefuseUnlessMarketing() =>
        currentUser.IsInRole(LeadActionRoles.For(LeadAction.Merge)) ? null : Result.Forbidden("Only a marketing manager can merge leads.");

    private static MergeSide Side(Lead lead) => new(lead.Id, Named(lead), lead.Email, lead.ExternalId, lead.Stage, lead.CreatedAt, lead.Revision);

    private static string Named(Lead lead) => lead.Name.Length > 0 ? lead.Name : lead.Email;
}
