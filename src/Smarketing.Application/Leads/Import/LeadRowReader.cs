using Smarketing.Application.Common.Csv;

namespace Smarketing.Application.Leads.Import;

/// <summary>
/// Turns one CSV row into the lead it stands for, by a mapping, and says what in the row itself is wrong before any
/// lead rule is asked: a cell count that differs from the header's, text or a fraction where a whole number belongs,
/// a number where a name belongs.
/// </summary>
internal sealed class LeadRowReader
{
    private readonly (int Column, LeadImportField Field)[] _columns;

    public LeadRowReader(LeadColumnMapping mapping) =>
        _columns = mapping.Fields
            .Select((name, column) => (Column: column, Field: LeadImportFields.Find(name)))
            .Where(c => c.Field is not null)
            .Select(c => (c.Column, c.Field!))
            .ToArray();

    /// <summary>The lead the row stands for (as far as it can be read) and the row's own problems; null only when the cells cannot be matched to columns.</summary>
    public (CreateLeadRequest? Lead, IReadOnlyList<string> Problems) Read(CsvRow row)
    {
        if (row.Problem is { } ragged)
        {
            return (null, [ragged]);
        }

        var lead = new CreateLeadRequest();
        List<string>? problems = null;
        foreach (var (column, field) in _columns)
        {
            var cell = row[column].Trim();
            if (field.SetNumber is { } setNumber)
            {
                if (!LeadCsvNumbers.TryRead(cell, field.Label, out var number, out var problem))
                {
                    (problems ??= []).Add(problem!);
                }
                else if (number is { } value)
                {
                    setNumber(lead, value);
                }

                continue;
            }

            if (cell.Length > 0 && LeadImportFields.NeverANumber.Contains(field.Name) && IsNumber(cell))
            {
                (problems ??= []).Add($"{field.Label} is \"{cell}\", a number: check that the column mapped to {field.Label} is the right one.");
                continue;
            }

            if (cell.Length > 0)
            {
                field.SetText!(lead, cell);
            }
        }

        return (lead, problems ?? (IReadOnlyList<string>)[]);
    }

    private static bool IsNumber(string cell) => decimal.TryParse(cell, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _);
}
