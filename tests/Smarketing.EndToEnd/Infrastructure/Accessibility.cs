using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Smarketing.EndToEnd.Infrastructure;

internal static class Accessibility
{
    /// <summary>Runs axe-core on the page as it is now and fails with every violation listed (rule, help, elements).</summary>
    public static async Task ShouldHaveNoAxeViolationsAsync(this IPage page, string where)
    {
        var result = await page.RunAxe();
        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = Describe(result.Violations, where, page.Url);
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
