namespace Smarketing.Domain.Leads;

/// <summary>
/// A detail a marketing manager may take from a duplicate when merging it. The email and the external id are not among
/// them: each names its own stored lead (the database keeps them unique), so each lead keeps its own.
/// </summary>
public enum MergeField
{
    FirstName,
    LastName,
    Company,
    Title,
    CompanySize,
    Industry,
    Country,
    Source,
    Campaign,
    EngagementScore,
}

/// <summary>The details a merge compares and may take from the duplicate: their names, their words and their values.</summary>
public static class LeadMergeFields
{
    public static IReadOnlyList<MergeField> All { get; } = Enum.GetValues<MergeField>();

    /// <summary>The field as the API names it (camelCase, as in the lead's JSON).</summary>
    public static string ApiName(MergeField field) => char.ToLowerInvariant(field.ToString()[0]) + field.ToString()[1..];

    /// <summary>The field named by <paramref name="name"/> (its API name, any case), or null when no detail has that name.</summary>
    public static MergeField? Parse(string? name) =>
        All.Where(f => string.Equals(ApiName(f), name?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(f => (MergeField?)f).FirstOrDefault();

    public static string Label(MergeField field) => field switch
    {
        MergeField.FirstName => "First name",
        MergeField.LastName => "Last name",
        MergeField.CompanySize => "Company size",
        MergeField.EngagementScore => "Engagement score",
        _ => field.ToString(),
    };

    public static object? ValueOf(Lead lead, MergeField field) => field switch
    {
        MergeField.FirstName => lead.FirstName,
        MergeField.LastName => lead.LastName,
        MergeField.Company => lead.Company,
        MergeField.Title => lead.Title,
        MergeField.CompanySize => lead.CompanySize,
        MergeField.Industry => lead.Industry,
        MergeField.Country => lead.Country,
        MergeField.Source => lead.Source,
        MergeField.Campaign => lead.Campaign,
        MergeField.EngagementScore => lead.EngagementScore,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>A value as people read it; an empty one is "(none)".</summary>
    public static string Display(object? value) => value switch
    {
        null => "(none)",
        string text when string.IsNullOrWhiteSpace(text) => "(none)",
        int number => number.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    public static bool Differ(Lead survivor, Lead duplicate, MergeField field) =>
        Display(ValueOf(survivor, field)) != Display(ValueOf(duplicate, field));

    internal static void Copy(Lead from, Lead to, MergeField field)
    {
        switch (field)
        {
            case MergeField.FirstName: to.FirstName = from.FirstName; break;
            case MergeField.LastName: to.LastName = from.LastName; break;
            case MergeField.Company: to.Company = from.Company; break;
            case MergeField.Title: to.Title = from.Title; break;
            case MergeField.CompanySize: to.CompanySize = from.CompanySize; break;
            case MergeField.Industry: to.Industry = from.Industry; break;
            case MergeField.Country: to.Country = from.Country; break;
            case MergeField.Source: to.Source = from.Source; break;
            case MergeField.Campaign: to.Campaign = from.Campaign; break;
            case MergeField.EngagementScore: to.EngagementScore = from.EngagementScore; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }
}
