namespace Smarketing.Application.Imports;

/// <summary>
/// The columns of a history backfill file (product.md, POST /api/v1/imports/history), in the contract's order, and the
/// limits of one file. The API, the page and its template all ask these.
/// </summary>
public static class HistoryColumns
{
    public const string ExternalId = "external_id";
    public const string Email = "email";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Company = "company";
    public const string Title = "title";
    public const string CompanySize = "company_size";
    public const string Industry = "industry";
    public const string Country = "country";
    public const string Source = "source";
    public const string Campaign = "campaign";
    public const string CreatedAt = "created_at";
    public const string MqlAt = "mql_at";
    public const string HandedOffAt = "handed_off_at";
    public const string OwnerEmail = "owner_email";
    public const string FirstContactAt = "first_contact_at";
    public const string AcceptedAt = "accepted_at";
    public const string RejectedAt = "rejected_at";
    public const string RejectionReason = "rejection_reason";
    public const string WonAt = "won_at";
    public const string LostAt = "lost_at";
    public const string Amount = "amount";

    /// <summary>The most data rows one file holds.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The largest file accepted: room for <see cref="MaxRows"/> rows with long names and companies.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    public const string MediaType = "text/csv";

    public static IReadOnlyList<string> All { get; } =
    [
        ExternalId, Email, FirstName, LastName, Company, Title, CompanySize, Industry, Country, Source, Campaign,
        CreatedAt, MqlAt, HandedOffAt, OwnerEmail, FirstContactAt, AcceptedAt, RejectedAt, RejectionReason, WonAt, LostAt, Amount,
    ];

    /// <summary>The header line of a file, as a template to fill in.</summary>
    public static string Header => string.Join(',', All);

    /// <summary>The size limit in words ("8 MB").</summary>
    public static string MaxSize => $"{MaxBytes / (1024 * 1024)} MB";
}
