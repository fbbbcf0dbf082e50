using System.Text;
using Smarketing.Domain.Common;

namespace Smarketing.Application.Common.Csv;

/// <summary>One pass over decoded text, record by record, counting physical lines so every problem names its line.</summary>
internal sealed class Parser(string text, CsvReadOptions options)
{
    private static readonly char[] KnownSeparators = [',', ';', '\t', '|'];

    private readonly StringBuilder _quoted = new();
    private readonly List<string> _cells = [];
    private int _at;
    private int _line = 1;
    private string? _failure;

    public Result<CsvTable> Parse()
    {
        if (ChooseSeparator() is not { } separator)
        {
            return CsvFile.Fail(_failure!);
        }

        IReadOnlyList<string>? header = null;
        var rows = new List<CsvRow>();
        while (_at < text.Length)
        {
            var line = _line;
            if (!NextRecord(separator, out var blank))
            {
                return CsvFile.Fail(_failure!);
            }

            if (blank)
            {
                continue;
            }

            if (header is null)
            {
                header = _cells.Select(c => c.Trim()).ToList();
                if (HeaderProblem(header) is { } wrongHeader)
                {
                    return CsvFile.Fail(wrongHeader);
                }

                continue;
            }

            if (rows.Count == options.MaxRows)
            {
                return CsvFile.Fail($"The file has more than {options.MaxRows:N0} rows. Split it into files of {options.MaxRows:N0} rows or fewer.");
            }

            var problem = _cells.Count == header.Count
                ? null
                : $"Line {line} has {_cells.Count} cells where the header has {header.Count}. A value that holds a separator needs quotes around it.";
            rows.Add(new CsvRow(line, _cells.ToArray(), problem));
        }

        if (rows.Count == 0)
        {
            return CsvFile.Fail("The file has a header but no rows below it.");
        }

        return Result<CsvTable>.Ok(new CsvTable(header!, rows, separator));
    }

    private static string? HeaderProblem(IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length == 0)
            {
                return $"Column {i + 1} of the header (line 1) has no name. Give every column a name, or delete the empty column.";
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(header[i], header[j], StringComparison.OrdinalIgnoreCase))
                {
                    return $"The header names the column \"{header[i]}\" twice (columns {j + 1} and {i + 1}). Each column needs its own name.";
                }
            }
        }

        return null;
    }

    /// <summary>The separator the first line uses (outside quotes), if it is one the read accepts.</summary>
    private char? ChooseSeparator()
    {
        var counts = new int[KnownSeparators.Length];
        var quoted = false;
        var started = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '\n' || c == '\r'))
            {
                if (started)
                {
                    break;
                }
            }
            else if (!quoted && Array.IndexOf(KnownSeparators, c) is var k and >= 0)
            {
                counts[k]++;
            }

            started |= !char.IsWhiteSpace(c);
        }

        var best = options.Separators.OrderByDescending(s => Count(s)).First();
        if (Count(best) > 0)
        {
            return best;
        }

        var used = KnownSeparators.Where(s => Count(s) > 0).OrderByDescending(Count).FirstOrDefault();
        if (used == default)
        {
            return options.Separators[0];
        }

        _failure = $"The columns are separated by {CsvFile.SeparatorName(used)}; this import reads {string.Join(" or ", options.Separators.Select(CsvFile.SeparatorName))}. Save the file as CSV with commas between columns.";
        return null;

        int Count(char s) => Array.IndexOf(KnownSeparators, s) is var at and >= 0 ? counts[at] : 0;
    }

    private bool NextRecord(char separator, out bool blank)
    {
        _cells.Clear();
        var anyQuoted = false;
        while (true)
        {
            string cell;
            if (_at < text.Length && text[_at] == '"')
            {
                anyQuoted = true;
                if (ReadQuoted(separator) is not { } value)
                {
                    blank = false;
                    return false;
                }

                cell = value;
            }
            else
            {
                var start = _at;
                while (_at < text.Length && text[_at] != separator && text[_at] != '\n' && text[_at] != '\r')
                {
                    if (text[_at] == '"')
                    {
                        blank = false;
                        return Refuse($"Line {_line} has a quote in the middle of a cell (column {_cells.Count + 1}). Put the whole cell in quotes and write each quote inside it twice (\"\").");
                    }

                    _at++;
                }

                cell = _at == start ? string.Empty : text[start.._at];
            }

            _cells.Add(cell);
            if (_at < text.Length && text[_at] == separator)
            {
                _at++;
                continue;
            }

            EndLine();
            blank = !anyQuoted && _cells.Count == 1 && _cells[0].AsSpan().Trim().IsEmpty;
            return true;
        }
    }

    private string? ReadQuoted(char separator)
    {
        var opened = _line;
        _quoted.Clear();
        _at++;
        while (true)
        {
            if (_at >= text.Length)
            {
                Refuse($"Line {opened} opens a quoted cell that never closes, so the quotes in the file are unbalanced. Each quoted cell needs a closing quote, and a quote inside it is written twice (\"\").");
                return null;
            }

            var c = text[_at];
            if (c == '"')
            {
                if (_at + 1 < text.Length && text[_at + 1] == '"')
                {
                    _quoted.Append('"');
                    _at += 2;
                    continue;
                }

                _at++;
                break;
            }

            if (c == '\n' || (c == '\r' && (_at + 1 >= text.Length || text[_at + 1] != '\n')))
            {
                _line++;
            }

            _quoted.Append(c);
            _at++;
        }

        if (_at < text.Length && text[_at] != separator && text[_at] != '\n' && text[_at] != '\r')
        {
            Refuse($"Line {_line} has text after the closing quote of a quoted cell (column {_cells.Count + 1}). Put the whole cell in quotes and write each quote inside it twice (\"\").");
            return null;
        }

        return _quoted.ToString();
    }

    private void EndLine()
    {
        if (_at >= text.Length)
        {
            return;
        }

        _at += text[_at] == '\r' && _at + 1 < text.Length && text[_at + 1] == '\n' ? 2 : 1;
        _line++;
    }

    private bool Refuse(string message)
    {
        _failure = message;
        return false;
    }
}
