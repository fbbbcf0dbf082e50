using Smarketing.Application.Leads.Import;

namespace Smarketing.UnitTests.Leads.Import;

/// <summary>The mapping a marketing manager starts from: guessed from the header names of the file they exported.</summary>
public sealed class LeadHeaderGuessesTests
{
    [Fact]
    public void A_HubSpot_contact_export_maps_every_lead_column_and_ignores_the_rest()
    {
        string[] header = ["Record ID", "First Name", "Last Name", "Email", "Company Name", "Job Title", "Number of Employees",
            "Industry", "Country/Region", "Original Source", "Lifecycle Stage", "HubSpot Score", "Create Date"];

        LeadHeaderGuesses.GuessAll(header).Fields.ShouldBe(
            ["externalId", "firstName", "lastName", "email", "company", "title", "companySize", "industry", "country", "source", null, "engagementScore", null]);
    }

    [Fact]
    public void A_Salesforce_lead_export_maps_every_lead_column()
    {
        string[] header = ["Lead ID", "First Name", "Last Name", "Email", "Company", "Title", "No. of Employees", "Industry", "Country", "Lead Source", "Primary Campaign Source", "Lead Status"];

        LeadHeaderGuesses.GuessAll(header).Fields.ShouldBe(
            ["externalId", "firstName", "lastName", "email", "company", "title", "companySize", "industry", "country", "source", "campaign", null]);
    }

    [Theory]
    [InlineData("externalId", "externalId")]
    [InlineData("engagementScore", "engagementScore")]
    [InlineData("company_size", "companySize")]
    [InlineData("E-mail Address", "email")]
    [InlineData("  EMAIL ", "email")]
    [InlineData("country region", "country")]
    [InlineData("Favourite colour", null)]
    public void A_header_is_compared_by_its_letters_and_digits_alone(string header, string? field) =>
        LeadHeaderGuesses.Guess(header).ShouldBe(field);

    [Fact]
    public void When_two_columns_could_be_the_same_field_the_first_gets_it_so_the_guess_is_usable_as_it_is()
    {
        string[] header = ["Email", "Work Email", "Company", "Account Name"];

        var guess = LeadHeaderGuesses.GuessAll(header);

        guess.Fields.ShouldBe(["email", null, "company", null]);
        guess.Problems(header).ShouldBeEmpty();
    }

    [Fact]
    public void Every_field_the_table_guesses_is_a_lead_field_of_the_contract()
    {
        string[] contract = ["externalId", "email", "firstName", "lastName", "company", "title", "companySize", "industry", "country", "source", "campaign", "engagementScore"];

        LeadImportFields.All.Select(f => f.Name).ShouldBe(contract);
        contract.Select(LeadHeaderGuesses.Guess).ShouldBe(contract);
    }
}
