using Smarketing.Application.Leads.Import;

namespace Smarketing.UnitTests.Leads.Import;

/// <summary>Company sizes and engagement scores as exports write them, and what a person is told when a cell holds something else.</summary>
public sealed class LeadCsvNumbersTests
{
    [Theory]
    [InlineData("250", 250)]
    [InlineData(" 1,200 ", 1200)]
    [InlineData("1200.0", 1200)]
    [InlineData("+7", 7)]
    [InlineData("-3", -3)]
    [InlineData("2,000,000", 2_000_000)]
    public void Whole_numbers_read_as_exports_write_them(string cell, int expected)
    {
        LeadCsvNumbers.TryRead(cell, "Company size", out var value, out var problem).ShouldBeTrue();

        value.ShouldBe(expected);
        problem.ShouldBeNull();
    }

    [Fact]
    public void An_empty_cell_is_no_value_and_no_problem()
    {
        LeadCsvNumbers.TryRead("  ", "Company size", out var value, out var problem).ShouldBeTrue();

        (value, problem).ShouldBe((null, null));
    }

    [Theory]
    [InlineData("fifty", "Company size is \"fifty\", which is not a number: write a whole number, such as 250.")]
    [InlineData("12.5", "Company size is \"12.5\": write a whole number, without a fraction.")]
    [InlineData("1,5", "Company size is \"1,5\", which is not a number: write a whole number, such as 250.")]
    [InlineData("51-200", "Company size is \"51-200\", a range: write one whole number, such as 200.")]
    [InlineData("10001+", "Company size is \"10001+\", which is not a number: write a whole number, such as 250.")]
    [InlineData("99999999999", "Company size is \"99999999999\", a number far too big for it.")]
    [InlineData("1e3", "Company size is \"1e3\", which is not a number: write a whole number, such as 250.")]
    public void Anything_else_is_refused_naming_the_field_and_the_value(string cell, string message)
    {
        LeadCsvNumbers.TryRead(cell, "Company size", out var value, out var problem).ShouldBeFalse();

        value.ShouldBeNull();
        problem.ShouldBe(message);
    }
}
