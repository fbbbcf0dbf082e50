using Smarketing.Domain.BusinessTime;
using static Smarketing.UnitTests.BusinessTime.TestCalendars;

namespace Smarketing.UnitTests.BusinessTime;

/// <summary>Deterministic (seeded) property checks over 2026, half the samples around the four clock changes.</summary>
public sealed class BusinessClockPropertyTests
{
    private const int Samples = 400;

    private static readonly DateTimeOffset[] _clockChanges =
    [
        At("2026-03-08T07:00:00Z"), At("2026-11-01T06:00:00Z"), // New York
        At("2026-03-29T01:00:00Z"), At("2026-10-25T01:00:00Z"), // Berlin
    ];

    [Theory]
    [MemberData(nameof(All), MemberType = typeof(TestCalendars))]
    public void AddingMinutesThenMeasuringThem_GivesBackTheSameMinutes(string calendar)
    {
        var clock = Clock(calendar);
        var random = new Random(20260101);
        var failures = new List<string>();

        for (var i = 0; i < Samples; i++)
        {
            var start = RandomInstant(random, wholeMinutes: false);
            var minutes = random.Next(0, 20_001);

            var due = clock.AddBusinessMinutes(start, minutes);
            var opening = clock.NextWorkingMoment(start);

            if (clock.BusinessMinutesBetween(opening, due) != minutes || clock.BusinessMinutesBetween(start, due) != minutes)
            {
                failures.Add($"{Iso(start)} + {minutes} = {Iso(due)} measures {clock.BusinessMinutesBetween(opening, due)}");
            }

            if (due < opening || (minutes > 0 && clock.BusinessMinutesBetween(start, due.AddMinutes(-1)) != minutes - 1))
            {
                failures.Add($"{Iso(start)} + {minutes} = {Iso(due)} is not the earliest such instant");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(All), MemberType = typeof(TestCalendars))]
    public void MeasuringOverASplitPoint_AddsUp(string calendar)
    {
        var clock = Clock(calendar);
        var random = new Random(7);
        var failures = new List<string>();

        for (var i = 0; i < Samples; i++)
        {
            var wholeMinutes = i % 2 == 0;
            var points = new[] { RandomInstant(random, wholeMinutes), RandomInstant(random, wholeMinutes), RandomInstant(random, wholeMinutes) };
            Array.Sort(points);
            var (a, b, c) = (points[0], points[1], points[2]);

            var whole = clock.BusinessMinutesBetween(a, c);
            var parts = clock.BusinessMinutesBetween(a, b) + clock.BusinessMinutesBetween(b, c);

            // Whole-minute instants split exactly; with seconds each part is floored, so the parts may lose one minute.
            var ok = wholeMinutes ? parts == whole : parts == whole || parts == whole - 1;
            if (!ok)
            {
                failures.Add($"{Iso(a)} | {Iso(b)} | {Iso(c)}: {whole} vs {parts}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(All), MemberType = typeof(TestCalendars))]
    public void MeasuringAYearInOneGo_EqualsMeasuringItDayByDay(string calendar)
    {
        var clock = Clock(calendar);
        var days = Enumerable.Range(0, 366).Select(i => LocalTime.StartOfDay(new DateOnly(2026, 1, 1).AddDays(i), clock.Zone)).ToList();

        var dayByDay = days.Zip(days.Skip(1), clock.BusinessMinutesBetween).Sum();

        clock.BusinessMinutesBetween(days[0], days[^1]).ShouldBe(dayByDay);
    }

    [Theory]
    [MemberData(nameof(WallClockExact), MemberType = typeof(TestCalendars))]
    public void BusinessMinutes_MatchAMinuteByMinuteCountOfTheLocalWallClock(string calendar)
    {
        var definition = Named(calendar);
        var clock = new BusinessClock(definition);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone);
        var random = new Random(99);
        var failures = new List<string>();

        for (var i = 0; i < 120; i++)
        {
            var from = RandomInstant(random, wholeMinutes: true);
            var to = from.AddMinutes(random.Next(0, 3 * 1440));

            var expected = 0L;
            for (var t = from; t < to; t = t.AddMinutes(1))
            {
                if (IsWorkingMinute(definition, zone, t))
                {
                    expected++;
                }
            }

            var actual = clock.BusinessMinutesBetween(from, to);
            if (actual != expected)
            {
                failures.Add($"{Iso(from)} - {Iso(to)}: {actual}, counted {expected}");
            }
        }

        failures.ShouldBeEmpty();
    }

    private static bool IsWorkingMinute(BusinessCalendar calendar, TimeZoneInfo zone, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        return !calendar.Holidays.Contains(date) && calendar.WorkingHours.Any(w =>
            w.Day == local.DayOfWeek && time >= w.Start.ToTimeSpan() &&
            (w.End == TimeOnly.MinValue || time < w.End.ToTimeSpan()));
    }

    private static DateTimeOffset RandomInstant(Random random, bool wholeMinutes)
    {
        var instant = random.Next(2) == 0
            ? At("2026-01-01T00:00:00Z").AddSeconds(random.NextInt64(0, 365L * 24 * 3600))
            : _clockChanges[random.Next(_clockChanges.Length)].AddSeconds(random.NextInt64(-3 * 24 * 3600, 3 * 24 * 3600));
        return wholeMinutes ? instant.AddSeconds(-instant.Second) : instant;
    }
}
