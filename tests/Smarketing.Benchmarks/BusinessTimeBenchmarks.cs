using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Smarketing.Domain.BusinessTime;
using Smarketing.Infrastructure.Demo;

namespace Smarketing.Benchmarks;

/// <summary>
/// The arithmetic every timer and every report row makes: business time over the demo New York calendar (US
/// holidays), short and long spans. Each case has its minute-by-minute <see cref="NaiveBusinessTime"/> reference as
/// the baseline of its category, so the ratio column is measured in the same run on the same noisy machine.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BusinessTimeBenchmarks
{
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 11, 20, 15, 30, 0, TimeSpan.FromHours(-5));
    private static readonly DateTimeOffset NextYear = FridayAfternoon.AddYears(1);
    private static readonly DateTimeOffset TwoDaysLater = FridayAfternoon.AddDays(2.5);

    private readonly BusinessClock _clock = new(DemoAgreement.Version1().Calendar);
    private readonly NaiveBusinessTime _naive = new(DemoAgreement.Version1().Calendar);

    [GlobalSetup]
    public void CheckTheReferenceAgrees()
    {
        Same(_clock.AddBusinessMinutes(FridayAfternoon, 240), _naive.AddBusinessMinutes(FridayAfternoon, 240));
        Same(_clock.AddBusinessMinutes(FridayAfternoon, 4800), _naive.AddBusinessMinutes(FridayAfternoon, 4800));
        Same(_clock.BusinessMinutesBetween(FridayAfternoon, TwoDaysLater), _naive.BusinessMinutesBetween(FridayAfternoon, TwoDaysLater));
        Same(_clock.BusinessMinutesBetween(FridayAfternoon, NextYear), _naive.BusinessMinutesBetween(FridayAfternoon, NextYear));
    }

    [Benchmark(Description = "Add 4 business hours (A-lead first contact)"), BenchmarkCategory("Add 240 min")]
    public DateTimeOffset AddFourHours() => _clock.AddBusinessMinutes(FridayAfternoon, 240);

    [Benchmark(Baseline = true, Description = "reference: minute-by-minute, add 240 min"), BenchmarkCategory("Add 240 min")]
    public DateTimeOffset AddFourHoursNaive() => _naive.AddBusinessMinutes(FridayAfternoon, 240);

    [Benchmark(Description = "Add 10 business days (follow-up window)"), BenchmarkCategory("Add 4800 min")]
    public DateTimeOffset AddTenDays() => _clock.AddBusinessMinutes(FridayAfternoon, 4800);

    [Benchmark(Baseline = true, Description = "reference: minute-by-minute, add 4800 min"), BenchmarkCategory("Add 4800 min")]
    public DateTimeOffset AddTenDaysNaive() => _naive.AddBusinessMinutes(FridayAfternoon, 4800);

    [Benchmark(Description = "Business minutes over a weekend"), BenchmarkCategory("Between 2.5 days")]
    public long BetweenOverWeekend() => _clock.BusinessMinutesBetween(FridayAfternoon, TwoDaysLater);

    [Benchmark(Baseline = true, Description = "reference: minute-by-minute over a weekend"), BenchmarkCategory("Between 2.5 days")]
    public long BetweenOverWeekendNaive() => _naive.BusinessMinutesBetween(FridayAfternoon, TwoDaysLater);

    [Benchmark(Description = "Business minutes over a year"), BenchmarkCategory("Between 1 year")]
    public long BetweenOverYear() => _clock.BusinessMinutesBetween(FridayAfternoon, NextYear);

    [Benchmark(Baseline = true, Description = "reference: minute-by-minute over a year"), BenchmarkCategory("Between 1 year")]
    public long BetweenOverYearNaive() => _naive.BusinessMinutesBetween(FridayAfternoon, NextYear);

    private static void Same<T>(T actual, T reference)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, reference))
        {
            throw new InvalidOperationException($"BusinessClock gave {actual}, the minute-by-minute reference {reference}.");
        }
    }
}
