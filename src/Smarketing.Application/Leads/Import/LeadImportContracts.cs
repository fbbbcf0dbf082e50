using Smarketing.Application.Common.Csv;

namespace Smarketing.Application.Leads.Import;

/// <summary>An uploaded file, read: its name, its table, and the mapping guessed from its header.</summary>
public sealed record LeadCsvUpload(string FileName, CsvTable Table, LeadColumnMapping Guessed);

/// <summary>What a row comes to: what an import would do with it, or why it cannot.</summary>
public enum LeadRowFate
{
    Created,
    Updated,
    Merged,
    Rejected,
}

/// <summary>
/// One row's fate before anything is written. <see cref="Messages"/> holds every reason a rejected row is refused;
/// for the others, what happens. <see cref="SameAsLine"/> is the earlier line a merged row joins; <see cref="LeadId"/>
/// the stored lead it updates or merges into, when there is one.
/// </summary>
public sealed record LeadRowPreview(int Line, LeadRowFate Fate, string? Email, string? Name, IReadOnlyList<string> Messages, int? SameAsLine, Guid? LeadId);

/// <summary>The preview of a mapped file: every row's fate, in file order, ready to be imported as it is.</summary>
public sealed class LeadImportPreview(LeadCsvUpload upload, LeadColumnMapping mapping, IReadOnlyList<CreateLeadRequest?> items, IReadOnlyList<LeadRowPreview> rows)
{
    public LeadCsvUpload Upload { get; } = upload;

    public LeadColumnMapping Mapping { get; } = mapping;

    /// <summary>The lead each row stands for; null for a row the file itself got wrong (a bad number, a wrong cell count).</summary>
    internal IReadOnlyList<CreateLeadRequest?> Items { get; } = items;

    public IReadOnlyList<LeadRowPreview> Rows { get; } = rows;

    public int Count(LeadRowFate fate) => Rows.Count(r => r.Fate == fate);

    public int Rejected => Count(LeadRowFate.Rejected);
}

/// <summary>What to do when some rows are rejected.</summary>
public enum LeadImportMode
{
    /// <summary>Import only when no row is rejected; otherwise write nothing.</summary>
    AllOrNothing,

    /// <summary>Import the rows that can be, and hand back the rejected ones as a CSV file with a reason column.</summary>
    ValidRowsOnly,
}

/// <summary>A lead the import created or changed, to find it again.</summary>
public sealed record ImportedLead(Guid Id, string Name, string Email, LeadRowFate Fate);

/// <summary>
/// What an import did: the counts, the first leads it touched (<see cref="LeadCsvImport.ShownLeads"/>), and the rejected
/// rows as a CSV file (the file's own columns and a <c>reason</c>), null when none was rejected.
/// </summary>
public sealed record LeadImportSummary(int Created, int Updated, int Merged, int Rejected, IReadOnlyList<ImportedLead> Leads, string? RejectedCsv)
{
    public int Imported => Created + Updated + Merged;
}
