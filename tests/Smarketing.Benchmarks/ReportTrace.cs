using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Reports;

namespace Smarketing.Benchmarks;

/// <summary>Runs each report once against a seeded database, logging the SQL it sends and the wall time: for diagnosis, not for figures.</summary>
internal static class ReportTrace
{
    public static async Task RunAsync(int leads, string[] only)
    {
        var path = ReportDatabase.Ensure(leads, Console.Out);
        await using var services = ReportDatabase.Services(path, logSql: only.Contains("sql"));
        var year = (From: new DateOnly(2025, 12, 1), To: new DateOnly(2026, 11, 29));
        var month = (From: new DateOnly(2026, 11, 2), To: new DateOnly(2026, 11, 29));
        var skip = only.Where(o => o.StartsWith("skip=", StringComparison.Ordinal)).SelectMany(o => o[5..].Split(',')).ToHashSet();
        await TimeAsync("warm-up: scorecard 4 weeks (first call, not a figure)", s => s.ScorecardAsync(month.From, month.To));
        foreach (var (name, range) in new[] { ("4 weeks", month), ("52 weeks", year) })
        {
            await TimeAsync($"scorecard {name}", s => s.ScorecardAsync(range.From, range.To));
            foreach (var groupBy in Enum.GetValues<GroupBy>())
            {
                if (!skip.Contains($"{groupBy}-{range.From.Year}"))
                {
                    await TimeAsync($"response times by {groupBy} {name}", s => s.ResponseTimesAsync(range.From, range.To, groupBy));
                }
            }
        }

        async Task TimeAsync<T>(string what, Func<ReportService, Task<T>> run)
        {
            await using var scope = ReportDatabase.LeadershipScope(services);
            var watch = Stopwatch.StartNew();
            var result = await run(scope.ServiceProvider.GetRequiredService<ReportService>());
            Console.WriteLine($"== {what}: {watch.Elapsed.TotalMilliseconds:0.0} ms, {(result as System.Collections.ICollection)?.Count ?? (result as Scorecard)?.Clauses.Count} rows");
        }
    }
}
