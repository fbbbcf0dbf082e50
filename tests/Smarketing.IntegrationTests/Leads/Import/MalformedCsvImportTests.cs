using System.Text;
using Smarketing.Application.Leads.Import;
using Smarketing.IntegrationTests.Api;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads.Import;

/// <summary>
/// Twenty ways a CSV file goes wrong, each imported all-or-nothing as a marketing manager would: the person is told
/// what is wrong in words naming the line, the column or the field, at the step that finds it, and the database is
/// untouched (every table's rows hashed before and after).
/// </summary>
public sealed class MalformedCsvImportTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private const string Header = "Email,First Name,Last Name,Company Name,Number of Employees,HubSpot Score\n";
    private const string GoodRow = "ada@example.test,Ada,Lovelace,Analytical,600,30\n";

    public static TheoryData<string, byte[], string> Files() => new()
    {
        { "columns separated by vertical bars", Text("Email|Company\nada@example.test|Analytical\n"), "The columns are separated by vertical bars" },
        { "a quoted cell that never closes", Text(Header + GoodRow + "\"bob@example.test,Bob,Byron,Acme,10,5\n"), "Line 3 opens a quoted cell that never closes" },
        { "a quote in the middle of a cell", Text(Header + "bob@exa\"mple.test,Bob,Byron,Acme,10,5\n"), "Line 2 has a quote in the middle of a cell (column 1)" },
        { "text after a closing quote", Text(Header + "\"bob@example.test\"x,Bob,Byron,Acme,10,5\n"), "Line 2 has text after the closing quote" },
        { "an older encoding than UTF-8", Encoding.Latin1.GetBytes(Header + GoodRow + "zoe@example.test,Zoë,Zeller,Acme,10,5\n"), "The file is not UTF-8 text: line 3 has a byte (0xEB)" },
        { "UTF-16 without its byte-order mark", Encoding.Unicode.GetBytes(Header + GoodRow), "The file is not text: line 1 holds a zero byte" },
        { "a spreadsheet workbook", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "This is a spreadsheet workbook (such as .xlsx), not a CSV file." },
        { "an empty file", [], "The file is empty." },
        { "only blank lines", Text("\n  \n\n"), "The file is empty." },
        { "a header without rows", Text(Header), "The file has a header but no rows below it." },
        { "a column without a name", Text("Email,,Company\nada@example.test,x,Analytical\n"), "Column 2 of the header (line 1) has no name." },
        { "a column named twice", Text("Email,Company,email\nada@example.test,Analytical,x\n"), "The header names the column \"email\" twice" },
        { "no email column", Text("First Name,Company\nAda,Analytical\n"), "No column is mapped to Email, and every lead needs one (a required column is missing)." },
        { "a row with more cells than the header", Text(Header + GoodRow + "bob@example.test,Bob,Byron,Acme, Inc.,10,5\n"), "Line 3 has 7 cells where the header has 6." },
        { "text where the company size belongs", Text(Header + "bob@example.test,Bob,Byron,Acme,fifty,5\n"), "Company size is \"fifty\", which is not a number: write a whole number, such as 250." },
        { "a company size range", Text(Header + "bob@example.test,Bob,Byron,Acme,51-200,5\n"), "Company size is \"51-200\", a range: write one whole number, such as 200." },
        { "a fraction of an engagement score", Text(Header + "bob@example.test,Bob,Byron,Acme,10,12.5\n"), "Engagement score is \"12.5\": write a whole number, without a fraction." },
        { "an engagement score out of range", Text(Header + "bob@example.test,Bob,Byron,Acme,10,5000\n"), "Engagement score must be between 0 and 1000." },
        { "a number where the first name belongs", Text(Header + "bob@example.test,4021,Byron,Acme,10,5\n"), "First name is \"4021\", a number: check that the column mapped to First name is the right one." },
        { "a number where the email belongs", Text(Header + "40213,Bob,Byron,Acme,10,5\n"), "Email must be an address like name@company.com." },
        { "a row without an email", Text(Header + ",Bob,Byron,Acme,10,5\n"), "Email is required." },
        { "more rows than the limit", Text("Email\n" + string.Concat(Enumerable.Range(0, LeadImportLimits.MaxRows + 1).Select(i => $"p{i}@example.test\n"))), "The file has more than 100,000 rows." },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_malformed_file_is_refused_with_a_message_saying_what_is_wrong_and_nothing_is_written(string kind, byte[] file, string message)
    {
        _ = app.Services;
        var before = await DatabaseFingerprint.TakeAsync(app.DatabasePath, Pipeline.Ct);

        var said = await ImportAllOrNothingAsync(file);

        said.ShouldContain(message, Case.Sensitive, kind);
        DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(app.DatabasePath, Pipeline.Ct)).ShouldBeEmpty(kind);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var said = await ImportAllOrNothingAsync(Text(Header + GoodRow), declaredSize: LeadImportLimits.MaxBytes + 1);

        said.ShouldBe("The file is larger than the limit of 50 MB. Split it into smaller files.");
    }

    [Fact]
    public async Task A_file_larger_than_its_browser_said_is_refused_when_the_limit_is_reached()
    {
        var big = new byte[LeadImportLimits.MaxBytes + 10];
        Encoding.UTF8.GetBytes("Email\n").CopyTo(big, 0);

        (await ImportAllOrNothingAsync(big, declaredSize: 100)).ShouldBe("The file is larger than the limit of 50 MB. Split it into smaller files.");
    }

    [Fact]
    public async Task A_field_mapped_from_two_columns_is_refused_before_the_preview()
    {
        var importer = new CsvImporter(app);
        var upload = (await importer.ReadAsync(Header + GoodRow)).Value;

        var preview = await importer.PreviewAsync(upload, upload.Guessed.With(1, "company"));

        CsvImporter.Said(preview).ShouldContain("Company is mapped from 2 columns (\"First Name\", \"Company Name\").");
    }

    [Fact]
    public async Task A_rejected_row_is_told_every_rule_it_breaks_at_once()
    {
        var preview = await new CsvImporter(app).PreviewTextAsync(Header + "not-an-email,4021,Byron,Acme,fifty,5000\n");

        preview.Rows.Single().Messages.ShouldBe([
            "First name is \"4021\", a number: check that the column mapped to First name is the right one.",
            "Company size is \"fifty\", which is not a number: write a whole number, such as 250.",
            "Email must be an address like name@company.com.",
            "Engagement score must be between 0 and 1000.",
        ]);
    }

    [Fact]
    public async Task A_byte_order_mark_is_dropped_so_the_first_column_is_still_recognised_as_the_email()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Text(Header + GoodRow)).ToArray();

        var upload = await new CsvImporter(app).ReadAsync(bytes);

        upload.Value.Table.Header[0].ShouldBe("Email");
        upload.Value.Guessed.Fields[0].ShouldBe("email");
    }

    /// <summary>Read, preview with the guessed mapping, import all or nothing: what the person is told at the step that stops.</summary>
    private async Task<string> ImportAllOrNothingAsync(byte[] file, long? declaredSize = null)
    {
        var importer = new CsvImporter(app);
        var upload = await importer.ReadAsync(file, declaredSize: declaredSize);
        if (!upload.Succeeded)
        {
            return CsvImporter.Said(upload);
        }

        var preview = await importer.PreviewAsync(upload.Value);
        if (!preview.Succeeded)
        {
            return CsvImporter.Said(preview);
        }

        var imported = await importer.ImportAsync(preview.Value, LeadImportMode.AllOrNothing);
        imported.Succeeded.ShouldBeFalse("an all-or-nothing import of a file with a bad row writes nothing");
        CsvImporter.Said(imported).ShouldContain("rows are rejected, so nothing was imported.");
        return string.Join(" ", preview.Value.Rows.Where(r => r.Fate == LeadRowFate.Rejected).SelectMany(r => r.Messages));
    }

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
