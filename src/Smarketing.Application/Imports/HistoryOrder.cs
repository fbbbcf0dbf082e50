using System.Globalization;

namespace Smarketing.Application.Imports;

/// <summary>
/// Whether a row's timestamps tell a story the lead's state machine could have lived: created, then an MQL, then handed
/// off; a rep (the owner) contacts it after the hand-off, accepts or rejects it, and only an accepted lead is won or lost.
/// Equal times are allowed (steps a minute apart in the source may share a timestamp).
/// </summary>
public static class HistoryOrder
{
    public static IReadOnlyList<string> Problems(HistoryRow row)
    {
        var problems = new List<string>();
        void NotBefore(DateTimeOffset? later, string laterColumn, DateTimeOffset? earlier, string earlierColumn, string why)
        {
            if (later is { } l && earlier is { } e && l < e)
            {
                problems.Add($"{laterColumn} ({Iso(l)}) is before {earlierColumn} ({Iso(e)}): {why}.");
            }
        }

        NotBefore(row.MqlAt, HistoryColumns.MqlAt, row.CreatedAt, HistoryColumns.CreatedAt, "a lead becomes an MQL after it is created");
        NotBefore(row.HandedOffAt, HistoryColumns.HandedOffAt, row.CreatedAt, HistoryColumns.CreatedAt, "a lead is handed off after it is created");
        NotBefore(row.HandedOffAt, HistoryColumns.HandedOffAt, row.MqlAt, HistoryColumns.MqlAt, "an MQL is handed off after it qualifies");

        var salesSteps = new (string Column, DateTimeOffset? At)[]
        {
            (HistoryColumns.FirstContactAt, row.FirstContactAt), (HistoryColumns.AcceptedAt, row.AcceptedAt), (HistoryColumns.RejectedAt, row.RejectedAt),
            (HistoryColumns.WonAt, row.WonAt), (HistoryColumns.LostAt, row.LostAt),
        };
        foreach (var (column, at) in salesSteps.Where(s => s.At is not null))
        {
            if (row.HandedOffAt is null)
            {
                problems.Add($"{column} is set but {HistoryColumns.HandedOffAt} is empty: sales works a lead only after its hand-off.");
            }
            else if (row.OwnerEmail is null)
            {
                problems.Add($"{column} is set but {HistoryColumns.OwnerEmail} is empty: name the sales rep who worked the lead.");
            }

            NotBefore(at, column, row.HandedOffAt, HistoryColumns.HandedOffAt, "sales works a lead after its hand-off");
        }

        if (row.OwnerEmail is not null && row.HandedOffAt is null)
        {
            problems.Add($"{HistoryColumns.OwnerEmail} is set but {HistoryColumns.HandedOffAt} is empty: a lead has an owner in sales only once it is handed off.");
        }

        if (row.AcceptedAt is not null && row.RejectedAt is not null)
        {
            problems.Add($"{HistoryColumns.AcceptedAt} and {HistoryColumns.RejectedAt} are both set: a lead is accepted or rejected, not both.");
        }

        if (row.RejectedAt is null && row.RejectionReason is not null)
        {
            problems.Add($"{HistoryColumns.RejectionReason} is given but {HistoryColumns.RejectedAt} is empty: only a rejected lead has a rejection reason.");
        }

        if (row.RejectedAt is not null && row.RejectionReason is null)
        {
            problems.Add($"{HistoryColumns.RejectedAt} is set but {HistoryColumns.RejectionReason} is empty: give one of the agreement's rejection reasons.");
        }

        NotBefore(row.RejectedAt, HistoryColumns.RejectedAt, row.FirstContactAt, HistoryColumns.FirstContactAt,
            "a rejected lead goes back to marketing, so no contact by sales follows it");

        if (row.WonAt is not null && row.LostAt is not null)
        {
            problems.Add($"{HistoryColumns.WonAt} and {HistoryColumns.LostAt} are both set: an opportunity is won or lost, not both.");
        }

        foreach (var (column, at) in new[] { (HistoryColumns.WonAt, row.WonAt), (HistoryColumns.LostAt, row.LostAt) }.Where(o => o.Item2 is not null))
        {
            if (row.AcceptedAt is null)
            {
                problems.Add($"{column} is set but {HistoryColumns.AcceptedAt} is empty: only an accepted lead becomes an opportunity that is won or lost.");
            }

            NotBefore(at, column, row.AcceptedAt, HistoryColumns.AcceptedAt, "a lead is won or lost after sales accepts it");
            NotBefore(at, column, row.FirstContactAt, HistoryColumns.FirstContactAt, "a closed opportunity takes no first contact after it");
        }

        return problems;
    }

    /// <summary>An instant with its offset, as a file writes it: 2026-11-02T10:30:00-05:00.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
