namespace Smarketing.Domain.Common;

/// <summary>The five roles of Smarketing, as named in the API and the code.</summary>
public static class Roles
{
    public const string MarketingManager = nameof(MarketingManager);
    public const string SalesRep = nameof(SalesRep);
    public const string SalesManager = nameof(SalesManager);
    public const string Leadership = nameof(Leadership);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } = [MarketingManager, SalesRep, SalesManager, Leadership, Admin];

    /// <summary>Who reads the reports (scorecard, response times, delivery, funnel), as an authorization role list.</summary>
    public const string ReportReaders = $"{Leadership},{SalesManager},{MarketingManager},{Admin}";

    /// <summary>Whether someone holding the roles <paramref name="isInRole"/> says yes to may read the reports.</summary>
    public static bool ReadsReports(Func<string, bool> isInRole) => ReportReaders.Split(',').Any(isInRole);

    /// <summary>Who works on the draft of the next agreement version, as an authorization role list.</summary>
    public const string DraftEditors = $"{MarketingManager},{SalesManager},{Admin}";

    /// <summary>The heads of the two departments: who start, date and sign a draft, as an authorization role list.</summary>
    public const string DepartmentHeads = $"{MarketingManager},{SalesManager}";

    /// <summary>Whether someone holding the roles <paramref name="isInRole"/> says yes to heads a department.</summary>
    public static bool HeadsADepartment(Func<string, bool> isInRole) => DepartmentHeads.Split(',').Any(isInRole);

    /// <summary>Who adds leads and changes their details (a person, or an integration acting as one).</summary>
    public const string LeadAdders = MarketingManager;

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static string DisplayName(string role) => role switch
    {
        MarketingManager => "Marketing manager",
        SalesRep => "Sales rep",
        SalesManager => "Sales manager",
        Leadership => "Leadership",
        Admin => "Admin",
        _ => role,
    };
}
