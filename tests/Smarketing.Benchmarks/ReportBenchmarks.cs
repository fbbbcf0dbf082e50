using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Reports;

namespace Smarketing.Benchmarks;

/// <summary>
/// The scorecard and the response-time report (rep, team, week) over a 4-week and a 52-week range, through the real
/// <see cref="ReportService"/> resolved from AddApplication + AddInfrastructure against a seeded SQLite file
/// (<see cref="ReportDatabase"/>). Each call runs in a fresh DI scope, as one HTTP request would. Every invocation is
/// one call (InvocationCount 1), so BenchmarkDotNet's P95 column is the 95th percentile of single calls.
/// The in-run reference per range is one hand-written SQL statement over the same rows: first-contact timers handed
/// off in the range, joined to their leads, counted and split into within/breached per owner.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class ReportBenchmarks
{
    // 2026-11-02..2026-11-29 is four ISO weeks (W45-W48); 2025-12-01..2026-11-29 is 52 (2025-W49 to 2026-W48).
    private static readonly DateOnly FourWeeksFrom = new(2026, 11, 2);
    private static readonly DateOnly YearFrom = new(2025, 12, 1);
    private static readonly DateOnly To = new(2026, 11, 29);

    private ServiceProvider _services = null!;
    private SqliteConnection _raw = null!;

    /// <summary>Database sizes (bulk leads): SMARKETING_BENCH_SIZES="100000,1000000" by default.</summary>
    public static IEnumerable<int> Sizes() =>
        (Environment.GetEnvironmentVariable("SMARKETING_BENCH_SIZES") ?? "100000,1000000").Split(',').Select(int.Parse);

    [ParamsSource(nameof(Sizes))]
    public int Leads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = ReportDatabase.Ensure(Leads, Console.Out);
        _services = ReportDatabase.Services(path);
        _raw = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        _raw.Open();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _services.Dispose();
    }

    [Benchmark(Description = "Scorecard"), BenchmarkCategory("4 weeks")]
    public Task<Scorecard> Scorecard4Weeks() => Scorecard(FourWeeksFrom);

    [Benchmark(Description = "Response times by rep"), BenchmarkCategory("4 weeks")]
    public Task<IReadOnlyList<ResponseTimeRow>> ByRep4Weeks() => ResponseTimes(FourWeeksFrom, GroupBy.Rep);

    [Benchmark(Description = "Response times by team"), BenchmarkCategory("4 weeks")]
    public Task<IReadOnlyList<ResponseTimeRow>> ByTeam4Weeks() => ResponseTimes(FourWeeksFrom, GroupBy.Team);

    [Benchmark(Description = "Response times by week"), BenchmarkCategory("4 weeks")]
    public Task<IReadOnlyList<ResponseTimeRow>> ByWeek4Weeks() => ResponseTimes(FourWeeksFrom, GroupBy.Week);

    [Benchmark(Baseline = true, Description = "reference: one SQL GROUP BY owner"), BenchmarkCategory("4 weeks")]
    public int Reference4Weeks() => RawRollup(FourWeeksFrom);

    [Benchmark(Description = "Scorecard"), BenchmarkCategory("52 weeks")]
    public Task<Scorecard> ScorecardYear() => Scorecard(YearFrom);

    [Benchmark(Description = "Response times by rep"), BenchmarkCategory("52 weeks")]
    public Task<IReadOnlyList<ResponseTimeRow>> ByRepYear() => ResponseTimes(YearFrom, GroupBy.Rep);

    [Benchmark(Description = "Response times by team"), BenchmarkCategory("52 weeks")]
    public Task<IReadOnlyList<ResponseTimeRow>> ByTeamYear() => ResponseTimes(YearFrom, GroupBy.Team);

    [Benchmark(Description = "Response times by week"), BenchmarkCategory("52 weeks")]
    public Task<IReadOnlyList<ResponseTimeRow>> ByWeekYear() => ResponseTimes(YearFrom, GroupBy.Week);

    [Benchmark(Baseline = true, Description = "reference: one SQL GROUP BY owner"), BenchmarkCategory("52 weeks")]
    public int ReferenceYear() => RawRollup(YearFrom);

    private async Task<Scorecard> Scorecard(DateOnly from)
    {
        await using var scope = ReportDatabase.LeadershipScope(_services);
        return await scope.ServiceProvider.GetRequiredService<ReportService>().ScorecardAsync(from, To);
    }

    private async Task<IReadOnlyList<ResponseTimeRow>> ResponseTimes(DateOnly from, GroupBy groupBy)
    {
        await using var scope = ReportDatabase.LeadershipScope(_services);
        return await scope.ServiceProvider.GetRequiredService<ReportService>().ResponseTimesAsync(from, To, groupBy);
    }

    private int RawRollup(DateOnly from)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var start = Smarketing.Domain.BusinessTime.LocalTime.StartOfDay(from, zone).UtcTicks;
        var end = Smarketing.Domain.BusinessTime.LocalTime.StartOfDay(To.AddDays(1), zone).UtcTicks;
        using var command = _raw.CreateCommand();
        command.CommandText = """
            SELECT l.OwnerEmail, count(*), sum(t.StoppedAt IS NOT NULL AND t.StoppedAt <= t.DueAt), sum(t.StoppedAt > t.DueAt)
            FROM SlaTimers t JOIN Leads l ON l.Id = t.LeadId
            WHERE t.Kind = 'FirstContact' AND t.SlaVersion = 1 AND t.StartedAt >= $start AND t.StartedAt < $end
            GROUP BY l.OwnerEmail
            """;
        command.Parameters.AddWithValue("$start", start);
        command.Parameters.AddWithValue("$end", end);
        using var reader = command.ExecuteReader();
        var total = 0;
        while (reader.Read())
        {
            total += reader.GetInt32(1);
        }

        return total;
    }
}
