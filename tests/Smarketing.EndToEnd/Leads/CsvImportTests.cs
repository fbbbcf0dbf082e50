using System.Text;
using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Leads;

/// <summary>
/// A marketing manager imports a HubSpot contact export in Chromium: uploads it, maps the one column Smarketing could
/// not guess, reads the preview (a duplicate merged, a bad company size rejected), imports the valid rows while the
/// progress shows, downloads the rejected row with its reason, and finds the new leads in the lead list. Every step
/// passes axe.
/// </summary>
public sealed class CsvImportTests(SmarketingApp app) : BrowserTest(app)
{
    private const int Rows = 3000;

    private static (byte[] File, string Company, string FirstEmail) HubSpotExport()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var company = $"Importwell {run}";
        var text = new StringBuilder("Record ID,First Name,Last Name,Email,Company Name,Role,Number of Employees,Industry,Country/Region,Original Source,Lifecycle Stage\n");
        for (var i = 0; i < Rows; i++)
        {
            var email = i == 1 ? $"imogen.0.{run}@import.test" : $"imogen.{i}.{run}@import.test";
            var size = i == 2 ? "lots" : "600";
            text.Append($"hs-{run}-{i},Imogen,Import{i},{email},{company},IT Director,{size},Software,US,Demo request,lead\n");
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), company, $"imogen.0.{run}@import.test");
    }

    [Fact]
    public async Task A_marketing_manager_imports_a_HubSpot_export_by_mapping_its_columns_and_finds_the_leads_in_the_list()
    {
        var (file, company, firstEmail) = HubSpotExport();
        await SignInAsync(Page, "marketing@demo.test");
        await OpenAsync("/leads");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Import CSV" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Import leads from a CSV file", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=import-limits]")).ToHaveTextAsync("Up to 50 MB and 100,000 rows, UTF-8, separated by commas, semicolons or tabs.");
        await Page.ShouldHaveNoAxeViolationsAsync("the import's upload step");
        await ScreenshotAsync("upload");

        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "hubspot-contacts.csv", MimeType = "text/csv", Buffer = file });

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Match the columns to lead fields" })).ToBeVisibleAsync();
        await Expect(Page.GetByText($"hubspot-contacts.csv: {Rows:N0} rows.")).ToBeVisibleAsync();
        await Page.ShouldHaveNoAxeViolationsAsync("the import's mapping step");
        await Page.SetViewportSizeAsync(1366, 900);
        await ScreenshotAsync("mapping");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("mapping-phone");
        await Page.SetViewportSizeAsync(1366, 900);
        await Page.GetByLabel("Lead field for Role").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Title", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Preview the import" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Check what the import will do" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(Page.Locator("[data-testid=preview-counts]")).ToHaveTextAsync($"New: {Rows - 2:N0}Updated: 0Merged: 1Rejected: 1");
        await Page.ShouldHaveNoAxeViolationsAsync("the import's preview step");
        await ScreenshotAsync("preview");
        await Page.GetByText("Show only rejected rows").ClickAsync();
        var rejected = Page.Locator("[aria-label='Rows of the file'] tbody tr");
        await Expect(rejected).ToHaveCountAsync(1);
        await Expect(rejected).ToContainTextAsync("Company size is \"lots\", which is not a number");

        await Page.GetByText("Import the valid rows, and download the rejected ones").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(Page.Locator("[data-testid=import-progress] h2")).ToHaveTextAsync("Importing…");
        await ScreenshotAsync("progress");

        var summary = Page.Locator("[data-testid=import-summary]");
        await Expect(summary).ToContainTextAsync($"{Rows - 2:N0} new leads", new() { Timeout = 120_000 });
        await Expect(summary).ToContainTextAsync("1 merged into other leads. 1 rows were rejected");
        await Page.ShouldHaveNoAxeViolationsAsync("the import's summary");
        await ScreenshotAsync("done");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download rejected rows" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("hubspot-contacts-rejected.csv");
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        bytes[..3].ShouldBe(Encoding.UTF8.GetPreamble(), "a byte-order mark, so spreadsheets read the file as UTF-8");
        var rejectedCsv = Encoding.UTF8.GetString(bytes[3..]);
        rejectedCsv.ShouldStartWith("Record ID,First Name,Last Name,Email,Company Name,Role,Number of Employees,Industry,Country/Region,Original Source,Lifecycle Stage,reason\r\n");
        rejectedCsv.ShouldContain(",lots,Software,US,Demo request,lead,\"Line 4: Company size is \"\"lots\"\", which is not a number: write a whole number, such as 250.\"");

        await Page.GetByRole(AriaRole.Link, new() { Name = $"find {firstEmail} in the list" }).ClickAsync();
        var found = Page.Locator("[aria-label='Leads'] tr.data-row");
        await Expect(found).ToHaveCountAsync(1);
        await Expect(found).ToContainTextAsync(company);
        await Expect(found).ToContainTextAsync("Imogen Import1");
        await Page.ShouldHaveNoAxeViolationsAsync("the lead list with an imported lead");
        BrowserErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_that_is_not_CSV_is_refused_on_the_upload_step_with_the_readers_message()
    {
        await SignInAsync(Page, "marketing@demo.test");
        await OpenAsync("/leads/import");

        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "contacts.xlsx", MimeType = "application/octet-stream", Buffer = [0x50, 0x4B, 0x03, 0x04, 0, 0] });

        await Expect(Page.Locator("[data-testid=import-error]")).ToContainTextAsync("This is a spreadsheet workbook (such as .xlsx), not a CSV file.");
        await Page.ShouldHaveNoAxeViolationsAsync("the import's upload step with a refusal");
    }
}
