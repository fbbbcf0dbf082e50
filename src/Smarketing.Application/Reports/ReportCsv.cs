using System.Globalization;
using System.Text;
using Smarketing.Application.Leads;

namespace Smarketing.Application.Reports;

/// <summary>
/// The report tables as CSV (RFC 4180, invariant numbers, UTF-8 with a byte-order mark so spreadsheets read accents),
/// with the same numbers the pages show because they come from the same <see cref="ReportService"/> rows.
/// </summary>
public static class ReportCsv
{
    public static string Scorecard(Scorecard card) => Write(
        ["owner", "clause", "metric", "comparison", "target", "actual", "met", "status", "leads", "sla_versions"],
        card.Clauses.Select(c => new object?[]
        {
            c.Owner, c.Title, c.Metric, c.Comparison == Domain.Agreements.Comparison.AtLeast ? ">=" : "<=", c.Target, c.Actual, c.Met,
            ScorecardStatus.Label(ScorecardStatus.Of(c)), c.SampleSize, string.Join(' ', c.SlaVersions),
        }));

    public static string ResponseTimes(IEnumerable<ResponseTimeRow> rows) => Write(
        ["group", "handed_off", "contacted", "contacted_within_sla", "breached", "open", "compliance_pct",
         "p50_business_minutes_to_first_contact", "p90_business_minutes_to_first_contact",
         "band_0_1h", "band_1_4h", "band_4_24h", "band_over_24h"],
        rows.Select(r => new object?[]
        {
            r.Group, r.HandedOff, r.Contacted, r.ContactedWithinSla, r.Breached, r.Open, r.CompliancePct,
            r.P50BusinessMinutesToFirstContact, r.P90BusinessMinutesToFirstContact,
            r.Bands.UpToOneHour, r.Bands.OneToFourHours, r.Bands.FourToTwentyFourHours, r.Bands.OverTwentyFourHours,
        }));

    public static string Funnel(IEnumerable<FunnelStep> steps) => Write(
        ["stage", "leads", "conversion_from_previous_pct", "median_days_from_previous"],
        steps.Select(s => new object?[] { s.Stage, s.Count, s.ConversionFromPreviousPct, s.MedianDaysFromPrevious }));

    public static string RejectionReasons(IEnumerable<ReasonCount> reasons) => Write(
        ["reason", "rejected", "share_pct", "cumulative_pct"],
        reasons.Select(r => new object?[] { r.Reason, r.Count, r.SharePct, r.CumulativePct }));

    public static string WeeklyDelivery(IEnumerable<WeeklyDelivery> weeks) => Write(
        ["week", "week_start", "mqls_delivered", "weekly_target", "accepted", "rejected"],
        weeks.Select(w => new object?[] { w.Week, w.WeekStart, w.MqlsDelivered, w.WeeklyTarget, w.Accepted, w.Rejected }));

    public static string Leads(IEnumerable<LeadSummary> leads) => Write(
        ["id", "name", "email", "company", "title", "stage", "owner", "source", "handed_off_at", "rejection_reason"],
        leads.Select(l => new object?[] { l.Id, l.Name, l.Email, l.Company, l.Title, Domain.Leads.LeadStages.Label(l.Stage), l.OwnerEmail, l.Source, l.HandedOffAt, l.RejectionReason }));

    public static string ClauseLeads(ClauseLeads drill) => Write(
        ["sla_version", "clause", "id", "name", "email", "company", "owner", "handed_off_at", "due_at", "done_at", "kept", "outcome"],
        drill.Leads.Select(l => new object?[]
        {
            drill.Version, drill.Title, l.Lead.Id, l.Lead.Name, l.Lead.Email, l.Lead.Company, l.Lead.OwnerEmail, l.Lead.HandedOffAt, l.DueAt, l.DoneAt, l.Kept, l.Outcome,
        }));

    public static string Write(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Cell)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(Line(row, zone: null));
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes the file row by row as the rows come (a byte-order mark, the header, then each row), so a file of any
    /// length never sits whole in memory. Instants are written in <paramref name="zone"/> with their offset.
    /// </summary>
    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, TimeZoneInfo zone,
        CancellationToken ct = default)
    {
        await writer.WriteAsync('\uFEFF');
        await writer.WriteAsync(string.Join(',', header.Select(Cell)) + "\r\n");
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteAsync(Line(row, zone));
        }

        await writer.FlushAsync(ct);
    }

    private static string Line(object?[] row, TimeZoneInfo? zone) => string.Join(',', row.Select(v => Cell(Format(v, zone)))) + "\r\n";

    // Instants: UTC with Z in the report files; in the reader's zone with its offset (2026-12-07T09:05:00-05:00) where a zone is given.
    private static string Format(object? value, TimeZoneInfo? zone) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateTimeOffset instant when zone is not null =>
            TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Quotes what needs quoting; a cell a spreadsheet would run as a formula (=, +, -, @ from a lead's name) is
    // prefixed with an apostrophe so an imported lead can't smuggle a formula into leadership's spreadsheet.
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
