using System.Text;
using Smarketing.Application.Common.Csv;
using Smarketing.Domain.Common;

namespace Smarketing.UnitTests.Common;

/// <summary>What a person uploading a CSV file gets back: its rows, or one message naming the line that is wrong.</summary>
public sealed class CsvFileTests
{
    private static readonly CsvReadOptions Strict = CsvReadOptions.Strict(1024 * 1024, 1000);
    private static readonly CsvReadOptions Spreadsheet = CsvReadOptions.Spreadsheet(1024 * 1024, 1000);

    private static Result<CsvTable> Read(string text, CsvReadOptions? options = null) =>
        CsvFile.Read(Encoding.UTF8.GetBytes(text), options ?? Strict);

    private static string Refusal(Result<CsvTable> result)
    {
        result.Succeeded.ShouldBeFalse();
        result.Errors.Keys.ShouldBe([CsvFile.Field]);
        return result.Errors[CsvFile.Field].Single();
    }

    [Fact]
    public void A_plain_file_reads_as_a_header_and_rows_with_their_line_numbers()
    {
        var table = Read("email,company\r\nada@example.com,Analytical\r\nbob@example.com,Bobco\r\n").Value;

        table.Header.ShouldBe(["email", "company"]);
        table.Rows.Select(r => r.Line).ShouldBe([2, 3]);
        table.Rows[1].Cells.ShouldBe(["bob@example.com", "Bobco"]);
        table.Rows.ShouldAllBe(r => r.Problem == null);
    }

    [Fact]
    public void Quoted_cells_keep_their_commas_doubled_quotes_and_line_breaks_and_later_lines_keep_their_numbers()
    {
        var table = Read("email,notes\nada@example.com,\"Met at \"\"Expo\"\", Berlin\nsecond line\"\nbob@example.com,x\n").Value;

        table.Rows[0].Cells[1].ShouldBe("Met at \"Expo\", Berlin\nsecond line");
        table.Rows[1].Line.ShouldBe(4);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted()
    {
        var table = Read("email\n\nada@example.com\n   \nbob@example.com").Value;

        table.Rows.Select(r => (r.Line, r[0])).ShouldBe([(3, "ada@example.com"), (5, "bob@example.com")]);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_dropped_so_the_first_column_keeps_its_name()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("email,company\nada@example.com,Zoë AG\n")).ToArray();

        var table = CsvFile.Read(bytes, Strict).Value;

        table.ColumnOf("email").ShouldBe(0);
        table.Rows[0][1].ShouldBe("Zoë AG");
    }

    [Fact]
    public void A_utf16_file_with_its_byte_order_mark_reads_as_text()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("email\tcompany\nada@example.com\tZoë AG\n")).ToArray();

        CsvFile.Read(bytes, Spreadsheet).Value.Rows[0].Cells.ShouldBe(["ada@example.com", "Zoë AG"]);
    }

    [Fact]
    public void A_file_in_an_older_encoding_is_refused_naming_the_line_and_byte()
    {
        var bytes = Encoding.Latin1.GetBytes("email,company\nada@example.com,Acme\nzoe@example.com,Zoë AG\n");

        Refusal(CsvFile.Read(bytes, Strict)).ShouldStartWith("The file is not UTF-8 text: line 3 has a byte (0xEB)");
    }

    [Fact]
    public void A_spreadsheet_workbook_is_refused_as_not_csv()
    {
        Refusal(CsvFile.Read("PK\u0003\u0004\0\0binary"u8.ToArray(), Strict)).ShouldContain("not a CSV file");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n \n")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_refused(string text)
    {
        Refusal(Read(text)).ShouldStartWith("The file is empty.");
    }

    [Fact]
    public void A_header_without_rows_is_refused()
    {
        Refusal(Read("email,company\n\n")).ShouldBe("The file has a header but no rows below it.");
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_with_the_limit()
    {
        var options = CsvReadOptions.Strict(10 * 1024, 1000);
        var text = "email\n" + string.Concat(Enumerable.Repeat("someone@example.com\n", 1000));

        Refusal(Read(text, options)).ShouldStartWith("The file is larger than the limit of 10 KB.");
    }

    [Fact]
    public async Task A_stream_over_the_size_limit_is_refused_without_reading_it_all()
    {
        var options = CsvReadOptions.Strict(10 * 1024, 1000);
        await using var stream = new MemoryStream(new byte[5 * 1024 * 1024]);

        Refusal(await CsvFile.ReadAsync(stream, options, TestContext.Current.CancellationToken)).ShouldStartWith("The file is larger than the limit");
        stream.Position.ShouldBeLessThan(1024 * 1024);
    }

    [Fact]
    public void More_rows_than_the_limit_are_refused()
    {
        var options = CsvReadOptions.Strict(1024 * 1024, 2);

        Refusal(Read("email\na@x.com\nb@x.com\nc@x.com\n", options)).ShouldBe("The file has more than 2 rows. Split it into files of 2 rows or fewer.");
    }

    [Fact]
    public void A_semicolon_file_is_refused_by_a_strict_read_naming_the_separator()
    {
        Refusal(Read("email;company\nada@example.com;Acme\n")).ShouldStartWith("The columns are separated by semicolons; this import reads commas.");
    }

    [Fact]
    public void A_spreadsheet_read_takes_the_separator_the_header_uses()
    {
        var table = Read("email;company;notes\nada@example.com;Acme;\"a, b\"\n", Spreadsheet).Value;

        table.Separator.ShouldBe(';');
        table.Rows[0].Cells.ShouldBe(["ada@example.com", "Acme", "a, b"]);
    }

    [Fact]
    public void A_quote_that_never_closes_is_refused_naming_the_line_it_opens_on()
    {
        Refusal(Read("email,notes\nada@example.com,fine\nbob@example.com,\"open\nmore\n")).ShouldStartWith("Line 3 opens a quoted cell that never closes");
    }

    [Fact]
    public void Text_after_a_closing_quote_is_refused()
    {
        Refusal(Read("email,notes\nada@example.com,\"said \"hi\" twice\"\n")).ShouldStartWith("Line 2 has text after the closing quote of a quoted cell (column 2)");
    }

    [Fact]
    public void A_quote_in_the_middle_of_a_cell_is_refused()
    {
        Refusal(Read("email,company\nada@example.com,O\"Brien\n")).ShouldStartWith("Line 2 has a quote in the middle of a cell (column 2)");
    }

    [Fact]
    public void A_row_with_a_different_number_of_cells_carries_its_problem_and_the_others_read()
    {
        var table = Read("email,company\nada@example.com,Acme,extra\nbob@example.com,Bobco\n").Value;

        table.Rows[0].Problem.ShouldBe("Line 2 has 3 cells where the header has 2. A value that holds a separator needs quotes around it.");
        table.Rows[1].Problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("email,,company\na,b,c\n", "Column 2 of the header (line 1) has no name.")]
    [InlineData("email,Company,company\na,b,c\n", "The header names the column \"company\" twice (columns 2 and 3).")]
    public void A_header_with_a_blank_or_repeated_name_is_refused(string text, string message)
    {
        Refusal(Read(text)).ShouldStartWith(message);
    }

    [Fact]
    public void Missing_columns_are_named_in_the_order_asked()
    {
        var table = Read(" Email , Company\na,b\n").Value;

        table.MissingColumns(["email", "created_at", "company", "owner_email"]).ShouldBe(["created_at", "owner_email"]);
    }
}
