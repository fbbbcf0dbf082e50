using FluentValidation;
using Smarketing.Application.Common;
using Smarketing.Application.Leads;
using Smarketing.Domain.Leads;

namespace Smarketing.UnitTests.Limits;

/// <summary>The lead requests' free text and amounts are bounded by <see cref="LeadLimits"/>, the same numbers the database columns use.</summary>
public sealed class LeadRequestValidatorTests
{
    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsFor<T>(IValidator<T> validator, T request) =>
        (await validator.CheckAsync(request, TestContext.Current.CancellationToken))?.Errors ?? new Dictionary<string, string[]>();

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    [InlineData(5_000_000, false)]
    public async Task A_reassign_reason_is_at_most_500_characters(int length, bool accepted)
    {
        var errors = await ErrorsFor(new ReassignRequestValidator(), new ReassignRequest { OwnerEmail = "rep2@demo.test", Reason = new string('r', length) });

        errors.ContainsKey(nameof(ReassignRequest.Reason)).ShouldBe(!accepted);
    }

    [Fact]
    public async Task A_hand_off_override_reason_over_500_characters_is_refused()
    {
        var errors = await ErrorsFor(new HandOffRequestValidator(), new HandOffRequest { LeadIds = [Guid.NewGuid()], OverrideReason = new string('o', 501) });

        errors[nameof(HandOffRequest.OverrideReason)].ShouldBe(["The reason for handing off a lead that is not an MQL must be at most 500 characters."]);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("-5", false)]
    [InlineData("0.001", false)]
    [InlineData("1000000000.01", false)]
    [InlineData("12000.50", true)]
    public async Task A_won_amount_is_positive_in_cents_and_at_most_a_billion(string amount, bool accepted)
    {
        var errors = await ErrorsFor(new WonRequestValidator(), new WonRequest { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) });

        errors.ContainsKey(nameof(WonRequest.Amount)).ShouldBe(!accepted);
    }

    [Fact]
    public async Task A_contact_channel_or_outcome_outside_the_list_and_a_long_note_are_refused()
    {
        var errors = await ErrorsFor(new ContactRequestValidator(),
            new ContactRequest { Channel = (ContactChannel)99, Outcome = (ContactOutcome)(-1), Note = new string('n', LeadLimits.ContactNote + 1) });

        errors.Keys.ShouldBe([nameof(ContactRequest.Channel), nameof(ContactRequest.Outcome), nameof(ContactRequest.Note)], ignoreOrder: true);
    }

    [Theory]
    [InlineData(null, null, 1, 50)]
    [InlineData(3, 20, 3, 20)]
    [InlineData(int.MaxValue, 500, int.MaxValue, 500)]
    public void Paging_reads_the_page_and_its_size(int? page, int? size, int expectedPage, int expectedSize)
    {
        var paging = Paging.Parse(page, size);

        paging.Value.ShouldBe(new Paging(expectedPage, expectedSize));
        paging.Value.Skip.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void A_page_past_int_range_skips_everything_instead_of_wrapping_to_the_first_page() =>
        Paging.Parse(int.MaxValue, 500).Value.Skip.ShouldBe(int.MaxValue);

    [Theory]
    [InlineData(0, 50, "page")]
    [InlineData(-1, 50, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 501, "pageSize")]
    public void Paging_out_of_range_names_the_parameter(int page, int size, string field) =>
        Paging.Parse(page, size).Errors.Keys.ShouldBe([field]);
}
