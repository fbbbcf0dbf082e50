namespace Smarketing.Application.Leads.Import;

/// <summary>
/// Which lead field a CSV column probably holds, from its header name: the contract's own names, and the names HubSpot
/// and Salesforce give their exports. Names are compared by their letters and digits only, so "Country/Region",
/// "country_region" and "COUNTRY REGION" are one name. A person can change every guess before anything is read.
/// </summary>
public static class LeadHeaderGuesses
{
    /// <summary>The one table of guesses: a lead field, then the header names that mean it.</summary>
    private static readonly (string Field, string[] Headers)[] Table =
    [
        ("externalId", ["externalId", "external_id", "Record ID", "Contact ID", "Lead ID", "HubSpot ID", "Salesforce ID", "CRM ID", "ID"]),
        ("email", ["email", "Email", "Email Address", "E-mail", "E-mail Address", "Work Email", "Business Email"]),
        ("firstName", ["firstName", "first_name", "First Name", "Given Name", "Forename", "First"]),
        ("lastName", ["lastName", "last_name", "Last Name", "Surname", "Family Name", "Last"]),
        ("company", ["company", "Company", "Company Name", "Account Name", "Associated Company", "Organization", "Organisation"]),
        ("title", ["title", "Title", "Job Title", "Position", "Job Role"]),
        ("companySize", ["companySize", "company_size", "Number of Employees", "No. of Employees", "Employees", "Employee Count", "Headcount", "Company Size"]),
        ("industry", ["industry", "Industry", "Sector"]),
        ("country", ["country", "Country", "Country/Region", "Country Region", "Country Name", "Country Code"]),
        ("source", ["source", "Source", "Original Source", "Lead Source", "Original Source Type"]),
        ("campaign", ["campaign", "Campaign", "Campaign Name", "Primary Campaign Source", "UTM Campaign", "First Campaign"]),
        ("engagementScore", ["engagementScore", "engagement_score", "Engagement Score", "HubSpot Score", "Lead Score", "Score"]),
    ];

    private static readonly Dictionary<string, string> ByName = Table
        .SelectMany(row => row.Headers.Select(header => (Key: Normalize(header), row.Field)))
        .DistinctBy(pair => pair.Key)
        .ToDictionary(pair => pair.Key, pair => pair.Field, StringComparer.Ordinal);

    /// <summary>The field a header names, or null when it names none this table knows.</summary>
    public static string? Guess(string header) => ByName.GetValueOrDefault(Normalize(header));

    /// <summary>
    /// A guess for every column of a header; a field two columns could mean goes to the first of them, and the later
    /// ones are ignored, so the guessed mapping is always one a person can accept as it is.
    /// </summary>
    public static LeadColumnMapping GuessAll(IReadOnlyList<string> header)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return new LeadColumnMapping(header.Select(name => Guess(name) is { } field && taken.Add(field) ? field : null).ToList());
    }

    private static string Normalize(string header) =>
        string.Concat(header.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
