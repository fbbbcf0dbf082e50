using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using Smarketing.Application.Common.Csv;
using Smarketing.Application.Leads;

namespace Smarketing.Application.Imports;

/// <summary>
/// Reads the rows of a history file one at a time, with every rule a row keeps by itself: the lead's fields by the
/// same validator as POST /api/v1/leads, timestamps with an offset and in an order that could have happened, numbers
/// that are numbers. What needs the database (owners, reasons, duplicates) is <see cref="HistoryImport"/>'s.
/// </summary>
public sealed partial class HistoryRowReader(IValidator<CreateLeadRequest> leadValidator, IValidator<WonRequest> wonValidator)
{
    /// <summary>The header's problem (missing or unknown columns), or null when it is exactly the contract's.</summary>
    public static string? HeaderProblem(CsvTable table)
    {
        var missing = table.MissingColumns(HistoryColumns.All);
        var unknown = table.Header.Where(name => !HistoryColumns.All.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count == 0 && unknown.Count == 0)
        {
            return null;
        }

        var said = new List<string>();
        if (missing.Count > 0)
        {
            said.Add($"The header lacks {Plural(missing.Count, "column")}: {string.Join(", ", missing)}.");
        }

        if (unknown.Count > 0)
        {
            said.Add($"The header has {Plural(unknown.Count, "column")} a history file does not have: {string.Join(", ", unknown)}.");
        }

        return $"{string.Join(" ", said)} The header line must be: {HistoryColumns.Header}";
    }

    /// <summary>Reads one row as of <paramref name="now"/> (no timestamp may be later): the row, or its problems.</summary>
    public (HistoryRow? Row, IReadOnlyList<string> Problems) Read(CsvTable table, CsvRow row, DateTimeOffset now)
    {
        if (row.Problem is { } shape)
        {
            return (null, [shape]);
        }

        var cells = new Cells(table, row, now);
        var lead = new CreateLeadRequest
        {
            ExternalId = cells.Text(HistoryColumns.ExternalId),
            Email = cells.Text(HistoryColumns.Email) ?? "",
            FirstName = cells.Text(HistoryColumns.FirstName),
            LastName = cells.Text(HistoryColumns.LastName),
            Company = cells.Text(HistoryColumns.Company),
            Title = cells.Text(HistoryColumns.Title),
            CompanySize = cells.WholeNumber(HistoryColumns.CompanySize),
            Industry = cells.Text(HistoryColumns.Industry),
            Country = cells.Text(HistoryColumns.Country),
            Source = cells.Text(HistoryColumns.Source),
            Campaign = cells.Text(HistoryColumns.Campaign),
        };
        cells.Problems.AddRange(leadValidator.Validate(lead).Errors.Select(e => e.ErrorMessage).Distinct());

        var created = cells.Time(HistoryColumns.CreatedAt);
        if (cells.IsEmpty(HistoryColumns.CreatedAt))
        {
            cells.Problems.Add($"{HistoryColumns.CreatedAt} is required: when the lead was created.");
        }

        var history = new HistoryRow(
            row.Line, lead, created ?? default, cells.Time(HistoryColumns.MqlAt), cells.Time(HistoryColumns.HandedOffAt),
            cells.Text(HistoryColumns.OwnerEmail)?.ToLowerInvariant(), cells.Time(HistoryColumns.FirstContactAt), cells.Time(HistoryColumns.AcceptedAt),
            cells.Time(HistoryColumns.RejectedAt), cells.Text(HistoryColumns.RejectionReason), cells.Time(HistoryColumns.WonAt),
            cells.Time(HistoryColumns.LostAt), cells.Decimal(HistoryColumns.Amount));
        // A rule between columns is checked when the columns it compares could be read, so no reason is a guess.
        if (!cells.Failed(TimeColumns) && created is not null)
        {
            cells.Problems.AddRange(HistoryOrder.Problems(history));
        }

        if (!cells.Failed([HistoryColumns.WonAt, HistoryColumns.Amount]))
        {
            cells.Problems.AddRange(AmountProblems(history));
        }

        return cells.Problems.Count == 0 ? (history, []) : (null, cells.Problems);
    }

    private static readonly string[] TimeColumns =
    [
        HistoryColumns.CreatedAt, HistoryColumns.MqlAt, HistoryColumns.HandedOffAt, HistoryColumns.FirstContactAt,
        HistoryColumns.AcceptedAt, HistoryColumns.RejectedAt, HistoryColumns.WonAt, HistoryColumns.LostAt,
    ];

    private IEnumerable<string> AmountProblems(HistoryRow row)
    {
        if (row.WonAt is null)
        {
            return row.Amount is null ? [] : [$"{HistoryColumns.Amount} is given but {HistoryColumns.WonAt} is empty: only a won lead has an amount."];
        }

        if (row.Amount is not { } amount)
        {
            return [$"{HistoryColumns.WonAt} is set but {HistoryColumns.Amount} is empty: say how much was won."];
        }

        return wonValidator.Validate(new WonRequest { Amount = amount }).Errors.Select(e => e.ErrorMessage);
    }

    private static string Plural(int count, string word) => count == 1 ? $"a {word}" : $"{count} {word}s";

    // An ISO-8601 date and time, with seconds and fractions optional; the offset is captured apart so its absence is named.
    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[T ](?<time>\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)(?<offset>Z|[+-]\d{2}(:?\d{2})?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    /// <summary>The cells of one row by column name, each read once, collecting what is wrong with them.</summary>
    private sealed class Cells(CsvTable table, CsvRow row, DateTimeOffset now)
    {
        private readonly HashSet<string> _failed = [];

        public List<string> Problems { get; } = [];

        public bool Failed(IEnumerable<string> columns) => columns.Any(_failed.Contains);

        private void Refuse(string column, string problem)
        {
            _failed.Add(column);
            Problems.Add(problem);
        }

        private string Raw(string column) => table.ColumnOf(column) is { } at ? row[at].Trim() : "";

        public bool IsEmpty(string column) => Raw(column).Length == 0;

        public string? Text(string column) => IsEmpty(column) ? null : Raw(column);

        public int? WholeNumber(string column)
        {
            var raw = Raw(column);
            if (raw.Length == 0)
            {
                return null;
            }

            if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Refuse(column, $"{column} '{Shown(raw)}' is not a whole number.");
            return null;
        }

        public decimal? Decimal(string column)
        {
            var raw = Raw(column);
            if (raw.Length == 0)
            {
                return null;
            }

            if (decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Refuse(column, $"{column} '{Shown(raw)}' is not a number: write it like 12000 or 12000.50, with a point and no thousands separators or currency.");
            return null;
        }

        public DateTimeOffset? Time(string column)
        {
            var raw = Raw(column);
            if (raw.Length == 0)
            {
                return null;
            }

            var match = Timestamp().Match(raw);
            if (!match.Success)
            {
                Refuse(column, $"{column} '{Shown(raw)}' is not an ISO-8601 timestamp: write it like 2026-11-02T10:30:00-05:00.");
                return null;
            }

            if (!match.Groups["offset"].Success)
            {
                Refuse(column, $"{column} '{Shown(raw)}' has no offset, so it could be any time zone's: add one, like {raw}-05:00 or {raw}Z.");
                return null;
            }

            if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                Refuse(column, $"{column} '{Shown(raw)}' is not a date and time that exists.");
                return null;
            }

            if (instant > now)
            {
                Refuse(column, $"{column} {raw} is in the future: a history file holds what has happened (now is {HistoryOrder.Iso(now)}).");
                return null;
            }

            return instant;
        }

        private static string Shown(string raw) => raw.Length <= 40 ? raw : raw[..40] + "...";
    }
}
