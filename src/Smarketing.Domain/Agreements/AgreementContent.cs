using Smarketing.Domain.BusinessTime;

namespace Smarketing.Domain.Agreements;

/// <summary>The parts of an agreement that are edited and saved separately, each by the roles that own it.</summary>
public enum AgreementSection
{
    MarketingClauses,
    SalesClauses,
    Personas,
    LeadDefinition,
    ResponseRules,
    Calendar,
    Reasons,
}

/// <summary>Everything one version of the agreement says.</summary>
public sealed class AgreementContent
{
    public List<Clause> MarketingClauses { get; set; } = [];
    public List<Clause> SalesClauses { get; set; } = [];
    public List<Persona> Personas { get; set; } = [];
    public LeadDefinition LeadDefinition { get; set; } = new();
    public ResponseRules ResponseRules { get; set; } = new();
    public BusinessCalendar Calendar { get; set; } = new();
    public ReasonLists Reasons { get; set; } = new();

    public IEnumerable<Clause> Clauses => MarketingClauses.Concat(SalesClauses);
}

public static class AgreementSections
{
    public static IReadOnlyList<AgreementSection> All { get; } = Enum.GetValues<AgreementSection>();

    public static string Title(AgreementSection section) => section switch
    {
        AgreementSection.MarketingClauses => "Marketing's commitments",
        AgreementSection.SalesClauses => "Sales' commitments",
        AgreementSection.Personas => "Buyer personas",
        AgreementSection.LeadDefinition => "Lead definition",
        AgreementSection.ResponseRules => "Response rules",
        AgreementSection.Calendar => "Business calendar",
        AgreementSection.Reasons => "Rejection and lost reasons",
        _ => section.ToString(),
    };

    /// <summary>The roles that may edit a section of a draft. Leadership and sales reps edit nothing.</summary>
    public static IReadOnlyList<string> Editors(AgreementSection section) => section switch
    {
        AgreementSection.MarketingClauses or AgreementSection.Personas or AgreementSection.LeadDefinition => [Common.Roles.MarketingManager],
        AgreementSection.SalesClauses or AgreementSection.ResponseRules or AgreementSection.Reasons => [Common.Roles.SalesManager],
        AgreementSection.Calendar => [Common.Roles.MarketingManager, Common.Roles.SalesManager, Common.Roles.Admin],
        _ => [],
    };

    public static bool MayEdit(AgreementSection section, Func<string, bool> isInRole) => Editors(section).Any(isInRole);
}
