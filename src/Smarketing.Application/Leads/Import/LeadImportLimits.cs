using Smarketing.Application.Common.Csv;

namespace Smarketing.Application.Leads.Import;

/// <summary>How big a lead CSV import may be; the page shows these before the upload and the reader enforces them.</summary>
public static class LeadImportLimits
{
    public const long MaxBytes = 50L * 1024 * 1024;

    public const int MaxRows = 100_000;

    /// <summary>Commas, semicolons or tabs, as HubSpot, Salesforce and spreadsheets in any locale write them.</summary>
    public static CsvReadOptions ReadOptions { get; } = CsvReadOptions.Spreadsheet(MaxBytes, MaxRows);

    /// <summary>The limits in words, for the upload step.</summary>
    public static string Description { get; } = $"Up to {CsvFile.Size(MaxBytes)} and {MaxRows:N0} rows, UTF-8, separated by commas, semicolons or tabs.";
}
