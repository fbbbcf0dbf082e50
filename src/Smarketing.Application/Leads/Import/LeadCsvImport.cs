using FluentValidation;
using Smarketing.Application.Common;
using Smarketing.Application.Common.Csv;
using Smarketing.Domain.Common;

namespace Smarketing.Application.Leads.Import;

/// <summary>
/// A marketing manager's CSV import, step by step: read the file (<see cref="CsvFile"/>, with the import's limits),
/// map its columns to lead fields, preview every row's fate without writing, then import. Validation and
/// deduplication are <see cref="LeadIntake"/>'s, asked as a dry run for the preview and for real for the import, so
/// a file is judged exactly as the batch API judges the same leads; this class adds only what a file gets wrong.
/// </summary>
public sealed class LeadCsvImport(LeadIntake intake, IValidator<CreateLeadRequest> validator, ICurrentUser currentUser)
{
    /// <summary>How many of the imported leads the summary names, to open them.</summary>
    public const int ShownLeads = 10;

    /// <summary>The field failures about the rows as a whole are reported under.</summary>
    public const string RowsField = "rows";

    /// <summary>Reads an uploaded file of <paramref name="size"/> bytes and guesses its mapping; a file over the limit is refused unread.</summary>
    public async Task<Result<LeadCsvUpload>> ReadAsync(string fileName, Stream content, long size, CancellationToken ct = default)
    {
        if (LeadService.RefuseUnlessMayAddLeads(currentUser) is { } refused)
        {
            return Result<LeadCsvUpload>.Fail(refused);
        }

        var read = size > LeadImportLimits.MaxBytes
            ? CsvFile.TooBig(LeadImportLimits.ReadOptions)
            : await CsvFile.ReadAsync(content, LeadImportLimits.ReadOptions, ct);
        return read.Succeeded
            ? new LeadCsvUpload(fileName, read.Value, LeadHeaderGuesses.GuessAll(read.Value.Header))
            : Result<LeadCsvUpload>.Fail(read);
    }

    /// <summary>Every row's fate under <paramref name="mapping"/>, decided as the import would, with nothing written.</summary>
    public async Task<Result<LeadImportPreview>> PreviewAsync(
        LeadCsvUpload upload, LeadColumnMapping mapping, IProgress<IntakeProgress>? progress = null, CancellationToken ct = default)
    {
        if (mapping.Check(upload.Table.Header) is { } wrong)
        {
            return Result<LeadImportPreview>.Fail(wrong);
        }

        var rows = upload.Table.Rows;
        var reader = new LeadRowReader(mapping);
        var items = new CreateLeadRequest?[rows.Count];
        var fileProblems = new Dictionary<int, IReadOnlyList<string>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (lead, problems) = reader.Read(rows[i]);
            if (problems.Count == 0)
            {
                items[i] = lead;
                continue;
            }

            // The row stays out of the intake (so no other row merges into it), but is still told every lead rule it breaks.
            var ruled = lead is null ? null : (await validator.CheckAsync(lead, ct))?.Errors;
            fileProblems[i] = [.. problems, .. ruled?.SelectMany(e => e.Value) ?? []];
        }

        var dryRun = await intake.RunAsync(items, new IntakeRun(DryRun: true, Progress: progress), ct);
        if (!dryRun.Succeeded)
        {
            return Result<LeadImportPreview>.Fail(dryRun);
        }

        var previews = Describe(rows, dryRun.Value, i => fileProblems.GetValueOrDefault(i));
        return new LeadImportPreview(upload, mapping, items, previews);
    }

    /// <summary>
    /// Imports a previewed file in one transaction: all of it or none (<see cref="LeadImportMode.AllOrNothing"/>, refused
    /// while a row is rejected), or its valid rows with the rejected ones handed back as a CSV with a reason column.
    /// </summary>
    public async Task<Result<LeadImportSummary>> ImportAsync(
        LeadImportPreview preview, LeadImportMode mode, IProgress<IntakeProgress>? progress = null, CancellationToken ct = default)
    {
        var total = preview.Rows.Count;
        if (mode == LeadImportMode.AllOrNothing && preview.Rejected > 0)
        {
            return Refuse($"{preview.Rejected:N0} of {total:N0} rows are rejected, so nothing was imported. Correct them in the file and upload it again, or choose to import the valid rows and download the rejected ones.");
        }

        if (preview.Rejected == total)
        {
            return Refuse("Every row of the file is rejected, so nothing was imported. Each row's reasons are in the preview.");
        }

        // All or nothing is judged again as the file is written: a stored lead changed since the preview can make a row invalid.
        var run = await intake.RunAsync(preview.Items, new IntakeRun(Progress: progress, AllOrNothing: mode == LeadImportMode.AllOrNothing), ct);
        if (!run.Succeeded)
        {
            return Result<LeadImportSummary>.Fail(run);
        }

        var rows = Describe(preview.Upload.Table.Rows, run.Value, i => preview.Items[i] is null ? preview.Rows[i].Messages : null);
        var leads = rows
            .Select((row, i) => (row, lead: run.Value.Items[i].Lead?.Lead))
            .Where(r => r.row.Fate != LeadRowFate.Rejected && r.lead is not null)
            .DistinctBy(r => r.lead!.Id)
            .Take(ShownLeads)
            .Select(r => new ImportedLead(r.lead!.Id, NameOf(r.lead.FirstName, r.lead.LastName, r.lead.Email), r.lead.Email, r.row.Fate))
            .ToList();
        var rejected = rows.Where(r => r.Fate == LeadRowFate.Rejected).ToList();
        return new LeadImportSummary(
            rows.Count(r => r.Fate == LeadRowFate.Created),
            rows.Count(r => r.Fate == LeadRowFate.Updated),
            rows.Count(r => r.Fate == LeadRowFate.Merged),
            rejected.Count,
            leads,
            rejected.Count == 0 ? null : RejectedRowsCsv.Write(preview.Upload.Table, rejected));
    }

    private static Result<LeadImportSummary> Refuse(string message) => Result<LeadImportSummary>.Fail(Result.Invalid(RowsField, message));

    private static List<LeadRowPreview> Describe(IReadOnlyList<CsvRow> rows, IntakeOutcome outcome, Func<int, IReadOnlyList<string>?> fileProblems)
    {
        var previews = new List<LeadRowPreview>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var item = outcome.Items[i];
            var lead = item.Lead?.Lead;
            var email = lead?.Email;
            var name = lead is null ? null : NameOf(lead.FirstName, lead.LastName, lead.Email);
            previews.Add(fileProblems(i) is { } problems
                ? new LeadRowPreview(rows[i].Line, LeadRowFate.Rejected, null, null, problems, null, null)
                : item.Status switch
                {
                    IntakeStatus.Created => new LeadRowPreview(rows[i].Line, LeadRowFate.Created, email, name, ["A new lead."], null, null),
                    IntakeStatus.Updated => new LeadRowPreview(rows[i].Line, LeadRowFate.Updated, email, name, [item.Message], null, lead!.Id),
                    IntakeStatus.Merged => Merged(rows, i, item, email, name),
                    _ => new LeadRowPreview(rows[i].Line, LeadRowFate.Rejected, null, null,
                        item.Errors?.SelectMany(e => e.Value).ToList() ?? [item.Message], null, null),
                });
        }

        return previews;
    }

    private static LeadRowPreview Merged(IReadOnlyList<CsvRow> rows, int i, IntakeItemResult item, string? email, string? name)
    {
        var target = item.MergedInto!;
        var by = target.MatchedBy == "externalId" ? "external id" : "email";
        return target.Index is { } first
            ? new LeadRowPreview(rows[i].Line, LeadRowFate.Merged, email, name, [$"Same {by} as line {rows[first].Line}: merged into the lead that row makes."], rows[first].Line, null)
            : new LeadRowPreview(rows[i].Line, LeadRowFate.Merged, email, name, [$"Same {by} as a lead already stored: merged into it."], null, target.LeadId);
    }

    private static string NameOf(string? first, string? last, string email) =>
        $"{first} {last}".Trim() is { Length: > 0 } name ? name : email;
}
