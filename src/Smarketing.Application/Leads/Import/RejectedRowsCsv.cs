using Smarketing.Application.Common.Csv;
using Smarketing.Application.Reports;

namespace Smarketing.Application.Leads.Import;

/// <summary>The rejected rows of an import as a CSV file a person can correct and import again: the file's own columns, then why.</summary>
internal static class RejectedRowsCsv
{
    public const string ReasonColumn = "reason";

    public static string Write(CsvTable table, IReadOnlyList<LeadRowPreview> rejected)
    {
        var byLine = table.Rows.ToDictionary(r => r.Line);
        var header = table.Header.Count;
        return ReportCsv.Write(
            [.. table.Header, ReasonColumn],
            rejected.Select(row =>
            {
                var cells = new object?[header + 1];
                var source = byLine[row.Line];
                for (var c = 0; c < header; c++)
                {
                    cells[c] = source[c];
                }

                var reason = string.Join(" ", row.Messages);
                cells[header] = reason.StartsWith($"Line {row.Line} ", StringComparison.Ordinal) ? reason : $"Line {row.Line}: {reason}";
                return cells;
            }));
    }
}
