using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Agreements;
using Smarketing.Application.Clocks;
using Smarketing.Application.Common;
using Smarketing.Application.Common.Csv;
using Smarketing.Application.Leads;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Imports;

/// <summary>What an import wrote.</summary>
public sealed record HistoryImportCounts(int Leads, int HandedOff, int Contacted, int Accepted, int Rejected, int Won, int Lost, int Events, int Timers, int TimersBreached);

/// <summary>A file read whole: its rows and either every bad row (nothing written) or what was written.</summary>
public sealed record HistoryImportOutcome(int Rows, IReadOnlyList<HistoryRowProblem> Problems, HistoryImportCounts? Imported)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// History backfill (product.md, POST /api/v1/imports/history): a file of past leads, each created with its events at
/// their real times and its SLA timers as live work would have left them. All or nothing: one bad row and nothing is
/// written, and every bad row is reported with its line and reasons. Look-ups are set-based (one query for the stored
/// emails and external ids, one for the reps, one per agreement version) and the whole file is one transaction of bulk inserts.
/// </summary>
public sealed class HistoryImport(
    IAppDbContextFactory dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    AgreementService agreements,
    IRepDirectory repDirectory,
    HistoryRowReader reader,
    SlaMonitorSignal monitor)
{
    public async Task<Result<HistoryImportOutcome>> ImportAsync(ReadOnlyMemory<byte> file, CancellationToken ct = default)
    {
        if (!currentUser.IsInRole(Roles.Admin) || LeadService.Actor(currentUser) is not { } admin)
        {
            return Fail(Result.Forbidden("Only admins import lead history."));
        }

        var read = CsvFile.Read(file.Span, CsvReadOptions.Strict(HistoryColumns.MaxBytes, HistoryColumns.MaxRows));
        if (!read.Succeeded)
        {
            return Fail(read);
        }

        var table = read.Value;
        if (HistoryRowReader.HeaderProblem(table) is { } header)
        {
            return Fail(Result.Invalid(CsvFile.Field, header));
        }

        if (table.Rows.Count == 0)
        {
            return Fail(Result.Invalid(CsvFile.Field, "The file has a header but no rows: add one row per lead."));
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var versions = await AdoptedVersionsAsync(db, ct);
        if (versions.Count == 0)
        {
            return Fail(Result.Conflict("No agreement version has been adopted yet, so there is no response rule to judge the history by. Adopt the agreement first."));
        }

        var now = clock.GetUtcNow();
        var problems = new Problems();
        var rows = new List<HistoryRow>(table.Rows.Count);
        foreach (var csvRow in table.Rows)
        {
            var (row, rowProblems) = reader.Read(table, csvRow, now);
            problems.Add(csvRow.Line, rowProblems);
            if (row is not null)
            {
                rows.Add(row);
            }
        }

        FindRepeats(rows, problems);
        await FindStoredAsync(db, rows, problems, ct);
        var owners = await OwnersAsync(rows, problems, ct);

        var replay = new HistoryReplay(versions, admin, now);
        var leads = new List<Lead>(rows.Count);
        var timers = new List<SlaTimer>(rows.Count * 3);
        foreach (var row in rows.Where(r => r.OwnerEmail is null || owners.ContainsKey(r.OwnerEmail)))
        {
            var (lead, leadTimers, refusal) = replay.Replay(row, row.OwnerEmail is null ? null : owners[row.OwnerEmail]);
            if (refusal is not null)
            {
                problems.Add(row.Line, [refusal]);
                continue;
            }

            leads.Add(lead!);
            timers.AddRange(leadTimers);
        }

        if (problems.Any)
        {
            return new HistoryImportOutcome(table.Rows.Count, problems.ByLine(), null);
        }

        try
        {
            // New records only, written without the change tracker in one transaction that holds the writer's slot.
            await using var write = await db.BeginWriteAsync(ct);
            await db.InsertManyAsync(leads, ct);
            await db.InsertManyAsync(leads.SelectMany(l => l.Events).ToList(), ct);
            await db.InsertManyAsync(timers, ct);
            await write.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            return Fail(Result.Conflict("A lead with one of this file's emails or external ids was added while it was being imported, so nothing was imported. Send the file again to see which rows are affected."));
        }

        monitor.Wake();
        return new HistoryImportOutcome(table.Rows.Count, [], Count(leads, timers));
    }

    private async Task<List<AdoptedVersion>> AdoptedVersionsAsync(IAppDbContext db, CancellationToken ct)
    {
        var adopted = await db.AgreementVersions.AsNoTracking().Where(v => v.AdoptedAt != null && v.EffectiveAt != null)
            .Select(v => new { v.Number, v.EffectiveAt }).ToListAsync(ct);
        var versions = new List<AdoptedVersion>();
        foreach (var version in adopted)
        {
            versions.Add(new AdoptedVersion(version.Number, version.EffectiveAt!.Value, await agreements.GetAdoptedContentAsync(version.Number, ct)));
        }

        return versions;
    }

    /// <summary>A lead is one row: a later row with an email or external id an earlier row has is bad, naming that line.</summary>
    private static void FindRepeats(List<HistoryRow> rows, Problems problems)
    {
        var emails = new Dictionary<string, int>(StringComparer.Ordinal);
        var externalIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var email = Email(row);
            if (!emails.TryAdd(email, row.Line))
            {
                problems.Add(row.Line, [$"{HistoryColumns.Email} {email} is also on line {emails[email]}: each lead is one row."]);
            }

            if (ExternalId(row) is { } externalId && !externalIds.TryAdd(externalId, row.Line))
            {
                problems.Add(row.Line, [$"{HistoryColumns.ExternalId} {externalId} is also on line {externalIds[externalId]}: each lead is one row."]);
            }
        }
    }

    private static async Task FindStoredAsync(IAppDbContext db, List<HistoryRow> rows, Problems problems, CancellationToken ct)
    {
        var emails = rows.Select(Email).Distinct().ToList();
        var externalIds = rows.Select(ExternalId).OfType<string>().Distinct().ToList();
        // Two look-ups, each answered by its unique index, each list sent as one JSON parameter (ten thousand SQL
        // parameters take seconds to plan).
        var storedEmails = (await db.Leads.AsNoTracking().Where(l => EF.Parameter(emails).Contains(l.Email)).Select(l => l.Email).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var storedIds = (externalIds.Count == 0 ? [] : await db.Leads.AsNoTracking().Where(l => EF.Parameter(externalIds).Contains(l.ExternalId!))
            .Select(l => l.ExternalId!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        const string Before = "this lead was imported or added before";
        foreach (var row in rows)
        {
            if (storedEmails.Contains(Email(row)))
            {
                problems.Add(row.Line, [$"{HistoryColumns.Email} {Email(row)} already belongs to a stored lead: {Before}."]);
            }

            if (ExternalId(row) is { } externalId && storedIds.Contains(externalId))
            {
                problems.Add(row.Line, [$"{HistoryColumns.ExternalId} {externalId} already belongs to a stored lead: {Before}."]);
            }
        }
    }

    /// <summary>The owners the rows name, each an active sales rep; a row naming anyone else is bad.</summary>
    private async Task<Dictionary<string, Actor>> OwnersAsync(List<HistoryRow> rows, Problems problems, CancellationToken ct)
    {
        var reps = (await repDirectory.ListRepsAsync(ct)).ToDictionary(r => r.Email.ToLowerInvariant(), StringComparer.Ordinal);
        var owners = new Dictionary<string, Actor>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.OwnerEmail is not null))
        {
            var email = row.OwnerEmail!;
            if (!reps.TryGetValue(email, out var rep))
            {
                problems.Add(row.Line, [$"{HistoryColumns.OwnerEmail} {email} is not a sales rep: the owner is the rep who worked the lead."]);
            }
            else if (!rep.Active)
            {
                problems.Add(row.Line, [$"{HistoryColumns.OwnerEmail} {email} is a deactivated sales rep: only active reps own leads."]);
            }
            else
            {
                owners[email] = new Actor(rep.Id, rep.Email);
            }
        }

        return owners;
    }

    private static HistoryImportCounts Count(List<Lead> leads, List<SlaTimer> timers) => new(
        leads.Count,
        leads.Count(l => l.HandedOffAt is not null),
        leads.Count(l => l.FirstContactAt is not null),
        leads.Count(l => l.AcceptedAt is not null),
        leads.Count(l => l.RejectedAt is not null),
        leads.Count(l => l.WonAt is not null),
        leads.Count(l => l.LostAt is not null),
        leads.Sum(l => l.Events.Count),
        timers.Count,
        timers.Count(t => t.Status == TimerStatus.Breached));

    private static string Email(HistoryRow row) => row.Lead.Email.Trim().ToLowerInvariant();

    private static string? ExternalId(HistoryRow row) => LeadService.Clean(row.Lead.ExternalId);

    private static Result<HistoryImportOutcome> Fail(Result failure) => Result<HistoryImportOutcome>.Fail(failure);

    /// <summary>Every reason of every bad row, by line.</summary>
    private sealed class Problems
    {
        private readonly SortedDictionary<int, List<string>> _byLine = [];

        public bool Any => _byLine.Count > 0;

        public void Add(int line, IReadOnlyList<string> reasons)
        {
            if (reasons.Count == 0)
            {
                return;
            }

            if (!_byLine.TryGetValue(line, out var list))
            {
                _byLine[line] = list = [];
            }

            list.AddRange(reasons);
        }

        public IReadOnlyList<HistoryRowProblem> ByLine() => _byLine.Select(p => new HistoryRowProblem(p.Key, p.Value)).ToList();
    }
}
