namespace Smarketing.Application.Leads.Import;

/// <summary>
/// One lead field of the API contract that a CSV column can fill, with the words a person reads for it. A text field
/// has <see cref="SetText"/>; a whole-number field has <see cref="SetNumber"/>.
/// </summary>
public sealed record LeadImportField(
    string Name,
    string Label,
    Action<CreateLeadRequest, string>? SetText,
    Action<CreateLeadRequest, int>? SetNumber = null)
{
    public bool IsNumber => SetNumber is not null;
}

/// <summary>The lead fields of the JSON API contract (product.md, POST /api/v1/leads), in its order, that an import maps columns to.</summary>
public static class LeadImportFields
{
    public const string Email = "email";

    public static IReadOnlyList<LeadImportField> All { get; } =
    [
        new("externalId", "External id", (r, v) => r.ExternalId = v),
        new(Email, "Email", (r, v) => r.Email = v),
        new("firstName", "First name", (r, v) => r.FirstName = v),
        new("lastName", "Last name", (r, v) => r.LastName = v),
        new("company", "Company", (r, v) => r.Company = v),
        new("title", "Title", (r, v) => r.Title = v),
        new("companySize", "Company size", null, (r, v) => r.CompanySize = v),
        new("industry", "Industry", (r, v) => r.Industry = v),
        new("country", "Country", (r, v) => r.Country = v),
        new("source", "Source", (r, v) => r.Source = v),
        new("campaign", "Campaign", (r, v) => r.Campaign = v),
        new("engagementScore", "Engagement score", null, (r, v) => r.EngagementScore = v),
    ];

    /// <summary>Fields where a cell holding only a number means the wrong column was mapped (nobody is called "4021").</summary>
    public static IReadOnlySet<string> NeverANumber { get; } = new HashSet<string>(StringComparer.Ordinal) { "firstName", "lastName", "industry", "country" };

    public static LeadImportField? Find(string? name) => All.FirstOrDefault(f => f.Name == name);
}
