using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Domain.Agreements;
using Smarketing.Infrastructure.Demo;

namespace Smarketing.UnitTests.Common;

/// <summary>Which nulls a section may hold: only where the model says a value is optional.</summary>
public sealed class RequiredValuesTests
{
    [Fact]
    public void TheDemoAgreement_HasNoNullWhereAValueIsNeeded_InAnySection()
    {
        var content = DemoAgreement.Version2Draft();

        foreach (var section in AgreementSections.All)
        {
            AgreementJson.NullsIn(content, section).ShouldBeEmpty(section.ToString());
        }
    }

    [Fact]
    public void OptionalFields_MayBeNull_ButNamesListsAndListItemsMayNot()
    {
        var personas = new List<Persona>
        {
            new() { Name = "CFO", CompanySizeMin = null, CompanySizeMax = null },
            new() { Name = null!, JobTitles = ["CFO", null!], Regions = null! },
        };
        var clauses = new List<Clause> { new() { Title = "Monthly MQLs", Grade = null, Persona = null } };

        RequiredValues.Find(personas, typeof(List<Persona>), "Personas").Keys
            .ShouldBe(["Personas[1].Name", "Personas[1].JobTitles[1]", "Personas[1].Regions"], ignoreOrder: true);
        RequiredValues.Find(clauses, typeof(List<Clause>), "MarketingClauses").ShouldBeEmpty();
    }
}
