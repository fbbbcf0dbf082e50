using Smarketing.Application.Leads.Import;

namespace Smarketing.UnitTests.Leads.Import;

/// <summary>A mapping a person adjusted: what makes it unusable, in words naming the columns.</summary>
public sealed class LeadColumnMappingTests
{
    private static readonly string[] Header = ["Email", "Company", "Account", "Size"];

    [Fact]
    public void A_field_mapped_from_two_columns_is_refused_naming_both()
    {
        var mapping = new LeadColumnMapping(["email", "company", "company", null]);

        mapping.Problems(Header).ShouldBe(["Company is mapped from 2 columns (\"Company\", \"Account\"). Map it from one column and set the others to Ignore."]);
        mapping.Check(Header)!.Errors[LeadColumnMapping.Field].Length.ShouldBe(1);
    }

    [Fact]
    public void A_mapping_without_email_is_refused_as_missing_a_required_column()
    {
        var mapping = new LeadColumnMapping([null, "company", null, "companySize"]);

        mapping.Problems(Header).Single().ShouldStartWith("No column is mapped to Email, and every lead needs one (a required column is missing).");
    }

    [Fact]
    public void Every_problem_is_told_at_once()
    {
        var mapping = new LeadColumnMapping([null, "title", "title", "shoeSize"]);

        mapping.Problems(Header).Count.ShouldBe(3);
    }

    [Fact]
    public void A_mapping_for_another_file_is_refused()
    {
        new LeadColumnMapping(["email"]).Problems(Header).Single().ShouldBe("The mapping has 1 columns but the file has 4. Upload the file again.");
    }

    [Fact]
    public void Changing_one_column_keeps_the_others_and_makes_a_valid_mapping_valid()
    {
        var mapping = new LeadColumnMapping([null, "company", null, null]).With(0, "email").With(3, "companySize");

        mapping.Fields.ShouldBe(["email", "company", null, "companySize"]);
        mapping.Check(Header).ShouldBeNull();
        mapping.ColumnOf("companySize").ShouldBe(3);
    }
}
