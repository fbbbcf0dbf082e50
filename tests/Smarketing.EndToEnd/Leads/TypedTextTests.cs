using Microsoft.Playwright;
using Smarketing.EndToEnd.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Smarketing.EndToEnd.Leads;

/// <summary>What people type is shown as typed, but can't disguise the words Smarketing writes around it.</summary>
public sealed class TypedTextTests(SmarketingApp app) : BrowserTest(app)
{
    private readonly LeadApi _api = new(app);

    /// <summary>The left edge, right edge and top of the first place <c>text</c> is drawn on the page.</summary>
    private const string Where = """
        text => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(text);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            const box = range.getBoundingClientRect();
            return [box.left, box.right, box.top];
          }
          return null;
        }
        """;

    [Fact]
    public async Task ARightToLeftOverrideInALeadsName_ReordersOnlyTheName_NotTheRestOfTheNotification()
    {
        var company = $"Zyx{Guid.NewGuid():N}"[..12];
        // "Ann" then an override: typed as "fdp.exe", the name itself shows "exe.pdf", as the person typed it.
        var lead = await _api.HandedOffAsync(LeadApi.Qualifying("Ann\u202Efdp.exe", "Quill", company));
        await _api.ClaimAsync(lead, "demo-rep1");
        await _api.RejectAsync(lead, "demo-rep1", "No budget");

        await SignInAsync(Page, "marketing@demo.test");
        await OpenAsync("/notifications");
        var item = Page.Locator("li", new() { HasText = company });
        await Expect(item).ToBeVisibleAsync();

        var rejected = await Page.EvaluateAsync<double[]>(Where, "rejected");
        var companyBox = await Page.EvaluateAsync<double[]>(Where, company);
        var reason = await Page.EvaluateAsync<double[]>(Where, "No budget");
        // On one line, left to right as written: "rep1@demo.test rejected <name> (<company>): No budget."
        companyBox[2].ShouldBe(rejected[2], 2, "the test expects the sentence on one line");
        companyBox[0].ShouldBeGreaterThan(rejected[1], "the company comes after 'rejected', not pulled before it by the override");
        reason[0].ShouldBeGreaterThan(companyBox[1], "the reason comes after the company, not reversed by the override in the name");
        await Page.ShouldHaveNoAxeViolationsAsync("notifications with a right-to-left override in a name");
    }
}
