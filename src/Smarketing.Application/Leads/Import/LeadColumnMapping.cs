using Smarketing.Domain.Common;

namespace Smarketing.Application.Leads.Import;

/// <summary>
/// Which lead field each CSV column fills, column by column (the header's order); null ignores the column. Field
/// names are those of <see cref="LeadImportFields"/>.
/// </summary>
public sealed record LeadColumnMapping(IReadOnlyList<string?> Fields)
{
    /// <summary>The field name failures are reported under.</summary>
    public const string Field = "mapping";

    /// <summary>This mapping with column <paramref name="column"/> set to <paramref name="field"/> (null: ignored).</summary>
    public LeadColumnMapping With(int column, string? field) =>
        new(Fields.Select((f, i) => i == column ? field : f).ToList());

    /// <summary>The column a field is read from, if one is mapped to it.</summary>
    public int? ColumnOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i] == field)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// Every reason the mapping cannot be used with this header, in words naming the columns: a column count that
    /// differs, a field that is not a lead field, a field read from two columns, the email read from none.
    /// </summary>
    public IReadOnlyList<string> Problems(IReadOnlyList<string> header)
    {
        var problems = new List<string>();
        if (Fields.Count != header.Count)
        {
            problems.Add($"The mapping has {Fields.Count} columns but the file has {header.Count}. Upload the file again.");
            return problems;
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i] is { } name && LeadImportFields.Find(name) is null)
            {
                problems.Add($"Column \"{header[i]}\" is mapped to \"{name}\", which is not a lead field. Choose a lead field or Ignore.");
            }
        }

        foreach (var field in LeadImportFields.All)
        {
            var columns = Enumerable.Range(0, Fields.Count).Where(i => Fields[i] == field.Name).ToList();
            if (columns.Count > 1)
            {
                problems.Add($"{field.Label} is mapped from {columns.Count} columns ({string.Join(", ", columns.Select(c => $"\"{header[c]}\""))}). Map it from one column and set the others to Ignore.");
            }
        }

        if (ColumnOf(LeadImportFields.Email) is null)
        {
            problems.Add("No column is mapped to Email, and every lead needs one (a required column is missing). Map the column that holds the email addresses to Email.");
        }

        return problems;
    }

    /// <summary>The problems as an Invalid result under <see cref="Field"/>; null when the mapping can be used.</summary>
    public Result? Check(IReadOnlyList<string> header) =>
        Problems(header) is { Count: > 0 } problems
            ? Result.Invalid(new Dictionary<string, string[]> { [Field] = [.. problems] })
            : null;
}
