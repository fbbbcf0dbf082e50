namespace Smarketing.Application.Common.Csv;

/// <summary>One data row: the line it starts on (the header is line 1) and its cells, as written.</summary>
/// <param name="Problem">Why the row cannot be read as a whole (its cell count differs from the header's); null when it can.</param>
public sealed record CsvRow(int Line, IReadOnlyList<string> Cells, string? Problem)
{
    /// <summary>The cell in a column, or "" where the row is short.</summary>
    public string this[int column] => column < Cells.Count ? Cells[column] : "";
}

/// <summary>A CSV file read whole: its header (names trimmed), its data rows and the separator it used.</summary>
public sealed class CsvTable(IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows, char separator)
{
    public IReadOnlyList<string> Header { get; } = header;

    public IReadOnlyList<CsvRow> Rows { get; } = rows;

    public char Separator { get; } = separator;

    /// <summary>The position of a column by its name, compared without regard to case; null when the file has none.</summary>
    public int? ColumnOf(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The names, of those given, that the header lacks, in the order given.</summary>
    public IReadOnlyList<string> MissingColumns(IEnumerable<string> required) => required.Where(name => ColumnOf(name) is null).ToList();
}
