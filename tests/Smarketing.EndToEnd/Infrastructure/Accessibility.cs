using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Smarketing.EndToEnd.Infrastructure;

internal static class Accessibility
{
    /// <summary>Runs axe-core on the page as it is now and fails with every violation listed (rule, help, elements).</summary>
    public static Task ShouldHaveNoAxeViolationsAsync(this IPage page, string where) =>
        page.ShouldHaveNoAxeViolationsAsync(where, (_, _) => false);

    /// <summary>
    /// As above, leaving out the elements <paramref name="known"/> picks out by rule id and element HTML: violations in
    /// markup Smarketing does not write (a third party's page) that its configuration cannot fix, each named in its test.
    /// </summary>
    public static async Task ShouldHaveNoAxeViolationsAsync(this IPage page, string where, Func<string, string, bool> known)
    {
        if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
        {
            Assert.Fail($"{where} ({page.Url}) shows Blazor's error bar: the circuit hit an unhandled exception. " +
                "The server's log is in the test output.");
        }

        var result = await page.RunAxe();
        var violations = result.Violations
            .Select(v => { v.Nodes = [.. v.Nodes.Where(n => !known(v.Id, n.Html ?? ""))]; return v; })
            .Where(v => v.Nodes.Length > 0)
            .ToArray();
        if (violations.Length == 0)
        {
            return;
        }

        var report = Describe(violations, where, page.Url);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.Fail(report);
    }

    private static string Describe(AxeResultItem[] violations, string where, string url)
    {
        var text = new StringBuilder();
        text.AppendLine($"{violations.Length} accessibility violation(s) on {where} ({url}):");
        foreach (var violation in violations)
        {
            text.AppendLine($"- {violation.Id} [{violation.Impact}]: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine($"    at {node.Target}: {Shorten(node.Html)}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
                {
                    text.AppendLine($"       {message}");
                }
            }
        }

        return text.ToString();
    }

    private static string Shorten(string? html) =>
        html is null ? "" : html.Length <= 200 ? html : html[..200] + "…";
}
