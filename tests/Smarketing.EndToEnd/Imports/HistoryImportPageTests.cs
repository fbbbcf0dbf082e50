using System.Text;
using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Imports;

/// <summary>An admin brings last quarter's history in from the browser: a bad file shows its rows, a good one is imported.</summary>
public sealed class HistoryImportPageTests(SmarketingApp app) : BrowserTest(app)
{
    private const string Header = "external_id,email,first_name,last_name,company,title,company_size,industry,country,source,campaign,created_at,mql_at,handed_off_at,owner_email,first_contact_at,accepted_at,rejected_at,rejection_reason,won_at,lost_at,amount";

    // MudFileUpload adds a fresh input after each choice; the newest is the one that takes the next file.
    private ILocator FileInput => Page.Locator("input[type=file]").Last;

    [Fact]
    public async Task The_admin_uploads_a_history_file_sees_each_bad_row_by_line_then_imports_the_corrected_file()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var good = $"e2e-{run}-1,grace.{run}@example.test,Grace,Hopper,Navy,IT Director,600,Software,US,Demo request,Q3,2026-10-26T09:00:00-04:00,2026-10-26T09:05:00-04:00,2026-10-30T15:00:00-04:00,rep1@demo.test,2026-11-02T10:30:00-05:00,2026-11-02T11:00:00-05:00,,,,,";
        var bad = $"e2e-{run}-2,alan.{run}@example.test,Alan,Turing,Bletchley,CTO,50,Software,US,Webinar,,2026-10-27T09:00:00,,2026-10-28T10:00:00-04:00,rep1@demo.test,2026-10-28T09:00:00-04:00,,,,,,";
        await SignInAsync(Page, "admin@demo.test");
        await OpenAsync("/admin/history-import");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Import lead history", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=history-template]")).ToHaveAttributeAsync("download", "history-template.csv");
        (await Page.Locator("[data-testid=history-template]").GetAttributeAsync("href"))!.ShouldContain(Uri.EscapeDataString(Header));
        await Page.ShouldHaveNoAxeViolationsAsync("the history import page");
        await ScreenshotAsync("empty");

        await UploadAsync("history.csv", Header, good, bad);
        var problems = Page.Locator("[data-testid=history-problems]");
        await Expect(Page.Locator("[data-testid=history-refused]")).ToContainTextAsync("1 of 2 rows can't be imported");
        await Expect(problems).ToContainTextAsync("3");
        await Expect(problems).ToContainTextAsync("created_at '2026-10-27T09:00:00' has no offset");
        await Page.ShouldHaveNoAxeViolationsAsync("the history import page listing bad rows");
        await ScreenshotAsync("refused");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("refused-phone");
        await Page.SetViewportSizeAsync(1366, 900);

        await UploadAsync("history-fixed.csv", Header, good, bad.Replace("2026-10-27T09:00:00,", "2026-10-27T09:00:00-04:00,", StringComparison.Ordinal)
            .Replace("2026-10-28T09:00:00-04:00", "2026-10-28T11:00:00-04:00", StringComparison.Ordinal));
        await Expect(Page.Locator("[data-testid=history-imported]")).ToContainTextAsync("imported 2 leads (2 handed off, 2 contacted, 1 accepted");
        await Page.ShouldHaveNoAxeViolationsAsync("the history import page after an import");
        await ScreenshotAsync("imported");
        BrowserErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_is_sent_away_from_the_page()
    {
        await SignInAsync(Page, "marketing@demo.test");
        await Page.GotoAsync("/admin/history-import");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Import lead history", Level = 1 })).ToHaveCountAsync(0);
    }

    private async Task UploadAsync(string name, params string[] lines) =>
        await FileInput.SetInputFilesAsync(new FilePayload
        {
            Name = name,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"),
        });
}
