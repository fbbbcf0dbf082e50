using System.Globalization;
using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Reports;

/// <summary>Leadership reading the scorecard: where they land, what a click on a number shows, what the CSV holds.</summary>
public sealed class ReportPagesTests(SmarketingApp app) : BrowserTest(app)
{
    private const string Leadership = "leadership@demo.test";

    private static readonly TimeZoneInfo _newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // Ends two days ago, so leads the other tests hand off today can't change the numbers mid-test.
    private static string SettledPeriod()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, _newYork).DateTime);
        return $"from={today.AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }

    public static TheoryData<string, string> Pages => new()
    {
        { "/scorecard", "[data-testid=clause-row]" },
        { "/reports/response-times", "[data-testid=response-row]" },
        { "/reports/response-times?groupBy=week", "[data-testid=response-row]" },
        { "/reports/marketing", "[data-testid=delivery-table] tbody tr" },
        { "/reports/funnel", "[data-testid=funnel-step]" },
        { "/reports/leads?kind=Breached", "[data-testid=drill-row]" },
    };

    [Fact]
    public async Task Leadership_SigningIn_LandsOnTheScorecard_WithBothDepartmentsCommitmentsJudged()
    {
        await SignInAsync(Page, Leadership);

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/scorecard$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Marketing's commitments" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sales' commitments" })).ToBeVisibleAsync();
        var results = await Page.Locator("[data-testid=clause-result]").AllInnerTextsAsync();
        results.Count.ShouldBeGreaterThanOrEqualTo(2, "the demo agreement has clauses for both departments");
        results.ShouldAllBe(r => r == "Kept" || r == "Missed narrowly" || r == "Missed" || r == "No data yet");
        await ScreenshotAsync("leadership-scorecard");
        BrowserErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task OnAPhone_TheScorecardReadsAtAGlance_WithEachResultInWords()
    {
        await SignInAsync(Page, Leadership);
        await Page.SetViewportSizeAsync(390, 844);
        await OpenAsync("/scorecard?" + SettledPeriod());

        await Expect(Page.Locator("[data-testid=clause-row]").First).ToBeVisibleAsync();
        var results = await Page.Locator("[data-testid=clause-result]").AllInnerTextsAsync();
        results.ShouldAllBe(r => r == "Kept" || r == "Missed narrowly" || r == "Missed" || r == "No data yet");
        await Expect(Page.Locator("[data-testid=clause-row]", new() { HasText = "Monthly MQL volume" }).First.Locator("[data-testid=clause-target-basis]"))
            .ToContainTextAsync("a month, prorated to");
        (await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the page fits the phone's width");
        await Page.ShouldHaveNoAxeViolationsAsync("the scorecard on a phone");
        await ScreenshotAsync("leadership-scorecard-phone");
        BrowserErrors.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EachReportPage_ShowsItsNumbers_WithoutAccessibilityViolations(string path, string loaded)
    {
        await SignInAsync(Page, Leadership);
        await OpenAsync(path + (path.Contains('?') ? "&" : "?") + SettledPeriod());

        await Expect(Page.Locator(loaded).First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        await Page.ShouldHaveNoAxeViolationsAsync($"{path} as leadership");
        await ScreenshotAsync("report" + path.Split('?')[0].Replace('/', '_') + (path.Contains("week") ? "_week" : ""));
        BrowserErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ClickingTheBreachedCount_ListsExactlyTheLeadsThatBreached()
    {
        await SignInAsync(Page, Leadership);
        await OpenAsync("/scorecard?" + SettledPeriod());
        var tile = Page.Locator("[data-testid=kpi-breached] a");
        var breached = int.Parse(await tile.InnerTextAsync(), CultureInfo.InvariantCulture);
        breached.ShouldBeGreaterThan(0, "the demo data has leads contacted late");

        await tile.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Leads that breached first contact");
        await Expect(Page.Locator("[data-testid=drill-row]")).ToHaveCountAsync(breached);
        await Expect(Page.Locator("[data-testid=drill-count]")).ToHaveTextAsync($"{breached} leads");
    }

    [Fact]
    public async Task ClickingAClausesLeadCount_ListsTheLeadsItJudged_TheMissedOnesFirst()
    {
        await SignInAsync(Page, Leadership);
        await OpenAsync("/scorecard?" + SettledPeriod());
        var row = Page.Locator("[data-testid=clause-row]", new() { HasText = "Fast first contact for A-leads" }).First;
        var link = row.Locator("[data-testid=clause-sample]");
        var judged = int.Parse(await link.InnerTextAsync(), CultureInfo.InvariantCulture);
        judged.ShouldBeGreaterThan(0, "the demo data has A-leads due in the period");

        await link.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fast first contact for A-leads: the leads behind it");
        await Expect(Page.Locator("[data-testid=drill-row]")).ToHaveCountAsync(judged);
        var outcomes = await Page.Locator("[data-testid=drill-outcome]").AllAsync();
        var kept = new List<bool>();
        foreach (var outcome in outcomes)
        {
            kept.Add((await outcome.GetAttributeAsync("class"))!.Contains("rag-green", StringComparison.Ordinal));
        }

        kept.ShouldBe(kept.Order().ToList(), "the leads that missed come before the ones that kept the commitment");
        await Expect(Page.Locator("[data-testid=clause-tally]")).ToContainTextAsync($"{kept.Count(k => k)} kept, {kept.Count(k => !k)} missed");
        await Page.ShouldHaveNoAxeViolationsAsync("a clause's leads as leadership");
        await ScreenshotAsync("report_clause-leads");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByText("Download these leads (CSV)").ClickAsync());
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).Where(l => l.Length > 0).ToList();
        lines.Count.ShouldBe(judged + 1, "a header and one row per lead listed");
        lines[0].TrimStart('\uFEFF').ShouldBe("sla_version,clause,id,name,email,company,owner,handed_off_at,due_at,done_at,kept,outcome");

        var unreadable = await Page.Context.APIRequest.GetAsync($"/reports/export/clause-leads.csv?{SettledPeriod()}&version=two&clause=first");
        unreadable.Status.ShouldBe(400);
        var problem = await unreadable.TextAsync();
        problem.ShouldContain("version must be the number of an adopted agreement version");
        problem.ShouldContain("clause must be the id of a clause of that version");
        var unknown = await Page.Context.APIRequest.GetAsync($"/reports/export/clause-leads.csv?{SettledPeriod()}&version=1&clause={Guid.NewGuid()}");
        unknown.Status.ShouldBe(404);

        await OpenAsync($"/reports/clause-leads?{SettledPeriod()}&version=two&clause=first");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This link doesn't say which commitment to list. Open a lead count on the scorecard to see its leads.");
        await OpenAsync($"/reports/clause-leads?{SettledPeriod()}&version=1&clause={Guid.NewGuid()}");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Version 1 of the agreement has no such commitment.");
        BrowserErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ChoosingLastWeek_ShowsThatWeeksNumbers_WithoutReloadingThePage()
    {
        await SignInAsync(Page, Leadership);
        await OpenAsync("/reports/response-times");
        await Expect(Page.Locator("[data-testid=response-row]").First).ToBeVisibleAsync();
        await Page.EvaluateAsync("() => window.__stillTheSamePage = true");

        await Page.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync("last-week");

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}"));
        await Expect(Page.GetByLabel("Period", new() { Exact = true })).ToHaveValueAsync("last-week");
        var url = new Uri(Page.Url);
        var from = DateOnly.Parse(System.Web.HttpUtility.ParseQueryString(url.Query)["from"]!, CultureInfo.InvariantCulture);
        from.DayOfWeek.ShouldBe(DayOfWeek.Monday, "weeks start on Monday");
        (await Page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true")).ShouldBeTrue("the period changes inside the page, without a reload");
    }

    [Fact]
    public async Task ACustomPeriodEndingBeforeItStarts_IsRefusedWithAMessage()
    {
        await SignInAsync(Page, Leadership);
        await OpenAsync("/scorecard");
        await Expect(Page.Locator("[data-testid=clause-row]").First).ToBeVisibleAsync();

        await Page.GetByLabel("From", new() { Exact = true }).FillAsync("2026-11-20");
        await Page.GetByLabel("To", new() { Exact = true }).FillAsync("2026-11-10");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show this period" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("To must be on or after From");
    }

    [Fact]
    public async Task GroupingByRep_ListsEveryRep_IncludingOnesWithNoLeads()
    {
        await SignInAsync(Page, Leadership);
        await OpenAsync("/reports/response-times?" + SettledPeriod());
        await Expect(Page.Locator("[data-testid=response-row]").First).ToBeVisibleAsync();

        await Page.GetByText("By rep", new() { Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("groupBy=rep"));
        foreach (var rep in new[] { "rep1@demo.test", "rep2@demo.test", "rep3@demo.test" })
        {
            await Expect(Page.Locator($"[data-testid=response-row][data-group='{rep}']")).ToHaveCountAsync(1);
        }
    }

    [Fact]
    public async Task TheScorecardCsv_HasOneRowForEachClauseOnThePage()
    {
        await SignInAsync(Page, Leadership);
        await OpenAsync("/scorecard?" + SettledPeriod());
        var clauses = await Page.Locator("[data-testid=clause-row]").CountAsync();
        var actuals = await Page.Locator("[data-testid=clause-actual]").AllInnerTextsAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByText("Download the scorecard (CSV)").ClickAsync());

        download.SuggestedFilename.ShouldStartWith("smarketing-scorecard-");
        var path = await download.PathAsync();
        var lines = (await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken)).Where(l => l.Length > 0).ToList();
        lines[0].TrimStart('\uFEFF').ShouldStartWith("owner,clause,metric,comparison,target,actual,met,status");
        lines.Count.ShouldBe(clauses + 1, "a header and one row per clause shown");
        var firstActual = actuals[0].Replace(" %", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        lines[1].Split(',')[5].ShouldBe(firstActual == "–" ? "" : firstActual, "the file holds the same number as the page");
    }

    [Fact]
    public async Task ASalesRep_OpeningTheScorecard_SeesTheNoAccessNotice()
    {
        await SignInAsync(Page, "rep1@demo.test");
        await Page.GotoAsync("/scorecard");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("You don't have access");
        var csv = await Page.Context.APIRequest.GetAsync("/reports/export/scorecard.csv?from=2026-11-01&to=2026-11-30", new() { MaxRedirects = 0 });
        csv.Status.ShouldNotBe(200, "a rep can't download the scorecard either");
    }

    [Fact]
    public async Task ClickingAFunnelStage_ListsTheLeadsThatReachedIt()
    {
        await SignInAsync(Page, Leadership);
        await OpenAsync("/reports/funnel?" + SettledPeriod());
        var handedOff = Page.Locator("[data-testid=funnel-step]", new() { HasText = "Handed off" }).Locator("a");
        var count = int.Parse(await handedOff.InnerTextAsync(), CultureInfo.InvariantCulture);

        await handedOff.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Leads that reached Handed off");
        await Expect(Page.Locator("[data-testid=drill-row]")).ToHaveCountAsync(count);
    }

    [Fact]
    public async Task ClickingARejectionReason_ListsOnlyTheLeadsRejectedForIt()
    {
        await SignInAsync(Page, Leadership);
        await OpenAsync("/reports/marketing?" + SettledPeriod());
        var topReason = Page.Locator("[data-testid=reasons-table] tbody tr").First;
        var reason = await topReason.Locator("th").InnerTextAsync();
        var count = int.Parse(await topReason.Locator("a").InnerTextAsync(), CultureInfo.InvariantCulture);

        await topReason.Locator("a").ClickAsync();

        await Expect(Page.Locator("[data-testid=drill-row]")).ToHaveCountAsync(count);
        (await Page.Locator("[data-testid=drill-row] td:last-child").AllInnerTextsAsync()).ShouldAllBe(r => r == reason);
    }
}

