using System.Text;
using Smarketing.Application.Common.Csv;
using Smarketing.Application.Imports;
using Smarketing.Application.Leads;

namespace Smarketing.UnitTests.Imports;

/// <summary>The rules one row of a history file keeps by itself, as the person fixing the file reads them.</summary>
public sealed class HistoryRowReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    private static readonly HistoryRowReader Reader = new(new CreateLeadRequestValidator(), new WonRequestValidator());

    /// <summary>A lead handed off Mon 2 Nov 09:00 New York time, contacted at 09:30 and accepted at 10:00 by rep1.</summary>
    private static Dictionary<string, string> Worked() => new()
    {
        [HistoryColumns.ExternalId] = "crm-1",
        [HistoryColumns.Email] = "Ada@Example.com",
        [HistoryColumns.FirstName] = "Ada",
        [HistoryColumns.CompanySize] = "600",
        [HistoryColumns.CreatedAt] = "2026-11-02T08:00:00-05:00",
        [HistoryColumns.MqlAt] = "2026-11-02T08:30:00-05:00",
        [HistoryColumns.HandedOffAt] = "2026-11-02T09:00:00-05:00",
        [HistoryColumns.OwnerEmail] = "Rep1@Demo.test",
        [HistoryColumns.FirstContactAt] = "2026-11-02T09:30:00-05:00",
        [HistoryColumns.AcceptedAt] = "2026-11-02T10:00:00-05:00",
    };

    private static (HistoryRow? Row, IReadOnlyList<string> Problems) Read(Dictionary<string, string> cells)
    {
        var line = string.Join(',', HistoryColumns.All.Select(c => cells.TryGetValue(c, out var v) ? (v.Contains(',') ? $"\"{v}\"" : v) : ""));
        var table = CsvFile.Read(Encoding.UTF8.GetBytes(HistoryColumns.Header + "\n" + line + "\n"), CsvReadOptions.Strict(1 << 20, 10)).Value;
        return Reader.Read(table, table.Rows[0], Now);
    }

    private static IReadOnlyList<string> Problems(Action<Dictionary<string, string>> change)
    {
        var cells = Worked();
        change(cells);
        var (row, problems) = Read(cells);
        row.ShouldBeNull();
        return problems;
    }

    [Fact]
    public void A_worked_lead_reads_with_its_instants_as_written_and_its_owner_in_lower_case()
    {
        var (row, problems) = Read(Worked());

        problems.ShouldBeEmpty();
        row!.Line.ShouldBe(2);
        row.HandedOffAt.ShouldBe(new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero));
        row.OwnerEmail.ShouldBe("rep1@demo.test");
        row.Lead.CompanySize.ShouldBe(600);
        row.RejectedAt.ShouldBeNull();
    }

    [Fact]
    public void Steps_that_share_a_timestamp_are_in_order()
    {
        var (_, problems) = Read(new Dictionary<string, string>(Worked())
        {
            [HistoryColumns.FirstContactAt] = "2026-11-02T09:00:00-05:00",
            [HistoryColumns.AcceptedAt] = "2026-11-02T14:00:00Z",
        });

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_timestamp_without_an_offset_is_refused_saying_how_to_write_one()
    {
        Problems(c => c[HistoryColumns.HandedOffAt] = "2026-11-02T09:00:00")
            .ShouldBe(["handed_off_at '2026-11-02T09:00:00' has no offset, so it could be any time zone's: add one, like 2026-11-02T09:00:00-05:00 or 2026-11-02T09:00:00Z."]);
    }

    [Theory]
    [InlineData("2026-02-30T09:00:00Z", "is not a date and time that exists")]
    [InlineData("02/11/2026 09:00", "is not an ISO-8601 timestamp")]
    [InlineData("2027-01-04T09:00:00-05:00", "is in the future")]
    public void A_timestamp_that_is_no_real_past_instant_is_refused_by_its_column(string value, string why)
    {
        var problem = Problems(c => c[HistoryColumns.FirstContactAt] = value).Single();

        problem.ShouldStartWith(HistoryColumns.FirstContactAt);
        problem.ShouldContain(why);
    }

    [Fact]
    public void A_contact_before_the_hand_off_is_refused_naming_both_times()
    {
        Problems(c => c[HistoryColumns.FirstContactAt] = "2026-11-02T08:45:00-05:00")
            .ShouldBe(["first_contact_at (2026-11-02T08:45:00-05:00) is before handed_off_at (2026-11-02T09:00:00-05:00): sales works a lead after its hand-off."]);
    }

    [Fact]
    public void Accepted_and_rejected_both_set_is_refused()
    {
        Problems(c => (c[HistoryColumns.RejectedAt], c[HistoryColumns.RejectionReason]) = ("2026-11-02T10:00:00-05:00", "No budget"))
            .ShouldBe(["accepted_at and rejected_at are both set: a lead is accepted or rejected, not both."]);
    }

    [Fact]
    public void Won_and_lost_both_set_is_refused()
    {
        Problems(c => (c[HistoryColumns.WonAt], c[HistoryColumns.LostAt], c[HistoryColumns.Amount]) = ("2026-11-20T10:00:00-05:00", "2026-11-20T10:00:00-05:00", "1000"))
            .ShouldBe(["won_at and lost_at are both set: an opportunity is won or lost, not both."]);
    }

    [Fact]
    public void A_sales_step_without_a_hand_off_is_refused_for_each_step()
    {
        Problems(c => (c[HistoryColumns.HandedOffAt], c[HistoryColumns.OwnerEmail]) = ("", "")).ShouldBe(
        [
            "first_contact_at is set but handed_off_at is empty: sales works a lead only after its hand-off.",
            "accepted_at is set but handed_off_at is empty: sales works a lead only after its hand-off.",
        ]);
    }

    [Fact]
    public void A_sales_step_without_an_owner_and_an_owner_without_a_hand_off_are_refused()
    {
        Problems(c => c[HistoryColumns.OwnerEmail] = "").ShouldContain("accepted_at is set but owner_email is empty: name the sales rep who worked the lead.");
        Problems(c => (c[HistoryColumns.HandedOffAt], c[HistoryColumns.FirstContactAt], c[HistoryColumns.AcceptedAt]) = ("", "", ""))
            .ShouldBe(["owner_email is set but handed_off_at is empty: a lead has an owner in sales only once it is handed off."]);
    }

    [Fact]
    public void A_win_needs_an_acceptance_before_it_and_an_amount_and_an_amount_needs_a_win()
    {
        Problems(c => (c[HistoryColumns.AcceptedAt], c[HistoryColumns.WonAt], c[HistoryColumns.Amount]) = ("", "2026-11-20T10:00:00-05:00", "1000"))
            .ShouldBe(["won_at is set but accepted_at is empty: only an accepted lead becomes an opportunity that is won or lost."]);
        Problems(c => c[HistoryColumns.WonAt] = "2026-11-20T10:00:00-05:00").ShouldBe(["won_at is set but amount is empty: say how much was won."]);
        Problems(c => c[HistoryColumns.Amount] = "1000").ShouldBe(["amount is given but won_at is empty: only a won lead has an amount."]);
    }

    [Theory]
    [InlineData("12,000", "amount '12,000' is not a number")]
    [InlineData("-5", "The amount won must be positive.")]
    [InlineData("10.005", "The amount won has at most two decimals (cents).")]
    public void A_won_amount_is_a_number_the_won_action_accepts(string amount, string why)
    {
        Problems(c => (c[HistoryColumns.WonAt], c[HistoryColumns.Amount]) = ("2026-11-20T10:00:00-05:00", amount)).Single().ShouldStartWith(why);
    }

    [Fact]
    public void A_rejection_needs_its_reason_and_a_reason_needs_a_rejection()
    {
        Problems(c => (c[HistoryColumns.AcceptedAt], c[HistoryColumns.RejectedAt]) = ("", "2026-11-02T10:00:00-05:00"))
            .ShouldBe(["rejected_at is set but rejection_reason is empty: give one of the agreement's rejection reasons."]);
        Problems(c => c[HistoryColumns.RejectionReason] = "No budget")
            .ShouldBe(["rejection_reason is given but rejected_at is empty: only a rejected lead has a rejection reason."]);
    }

    [Fact]
    public void The_lead_fields_are_checked_by_the_same_validator_as_the_api_and_a_bad_number_is_named()
    {
        Problems(c => (c[HistoryColumns.Email], c[HistoryColumns.CompanySize]) = ("not-an-email", "lots"))
            .ShouldBe(["company_size 'lots' is not a whole number.", "Email must be an address like name@company.com."]);
        Problems(c => c[HistoryColumns.CompanySize] = "-3").ShouldBe(["Company size must be between 0 and 10,000,000 employees."]);
    }

    [Fact]
    public void A_missing_created_at_is_refused_and_no_order_is_guessed_from_a_time_that_could_not_be_read()
    {
        Problems(c => c[HistoryColumns.CreatedAt] = "").ShouldBe(["created_at is required: when the lead was created."]);
        Problems(c => (c[HistoryColumns.AcceptedAt], c[HistoryColumns.WonAt], c[HistoryColumns.Amount]) = ("yesterday", "2026-11-20T10:00:00-05:00", "10"))
            .ShouldBe(["accepted_at 'yesterday' is not an ISO-8601 timestamp: write it like 2026-11-02T10:30:00-05:00."]);
    }

    [Fact]
    public void The_header_must_be_the_contracts_naming_what_is_missing_and_what_is_unknown()
    {
        var table = CsvFile.Read(Encoding.UTF8.GetBytes("external_id,email,owner\nx,a@b.c,rep\n"), CsvReadOptions.Strict(1 << 20, 10)).Value;

        var problem = HistoryRowReader.HeaderProblem(table)!;

        problem.ShouldStartWith("The header lacks 20 columns: first_name, last_name,");
        problem.ShouldContain("The header has a column a history file does not have: owner.");
        problem.ShouldEndWith($"The header line must be: {HistoryColumns.Header}");
    }
}
