using Smarketing.Domain.BusinessTime;
using static Smarketing.UnitTests.BusinessTime.TestCalendars;

namespace Smarketing.UnitTests.BusinessTime;

public sealed class BusinessClockCalendarTests
{
    [Fact]
    public void ACalendarWithNoWorkingHours_CannotMakeAClock()
    {
        var calendar = Calendar(NewYork, []);

        Should.Throw<InvalidOperationException>(() => new BusinessClock(calendar))
            .Message.ShouldStartWith("The calendar has no working time");
    }

    [Fact]
    public void ACalendarWhoseWorkingDaysAreAllHolidays_ThrowsInsteadOfSearchingForever()
    {
        var mondays = Enumerable.Range(0, 52 * 12).Select(week => new DateOnly(2026, 1, 5).AddDays(7 * week)).ToArray();
        var clock = new BusinessClock(Calendar(NewYork, [Range(DayOfWeek.Monday, 9, 0, 17, 0)], mondays));
        var start = At("2026-01-01T00:00:00-05:00");

        Should.Throw<InvalidOperationException>(() => clock.AddBusinessMinutes(start, 60))
            .Message.ShouldStartWith("The calendar has no working time in the 10 years after 2026-01-01");
        Should.Throw<InvalidOperationException>(() => clock.NextWorkingMoment(start));
        clock.BusinessMinutesBetween(start, start.AddYears(11)).ShouldBe(0);
    }

    [Fact]
    public void ACalendarWithNineYearsOfHolidays_StillFindsTheFirstWorkingDayAfterThem()
    {
        var mondays = Enumerable.Range(0, 52 * 9).Select(week => new DateOnly(2026, 1, 5).AddDays(7 * week)).ToArray();
        var clock = new BusinessClock(Calendar(NewYork, [Range(DayOfWeek.Monday, 9, 0, 17, 0)], mondays));

        var next = clock.NextWorkingMoment(At("2026-01-01T00:00:00-05:00"));

        DateOnly.FromDateTime(next.DateTime).ShouldBe(mondays[^1].AddDays(7));
    }

    [Fact]
    public void AnUnknownTimeZone_IsAnArgumentError()
    {
        Should.Throw<ArgumentException>(() => new BusinessClock(Calendar("Mars/Olympus_Mons", [Range(DayOfWeek.Monday, 9, 0, 17, 0)])))
            .Message.ShouldContain("Mars/Olympus_Mons");
    }

    [Theory]
    [InlineData(17, 0, 9, 0)]
    [InlineData(9, 0, 9, 0)]
    public void ARangeThatEndsBeforeItStarts_IsAnArgumentError(int startHour, int startMinute, int endHour, int endMinute)
    {
        var calendar = Calendar(NewYork, [Range(DayOfWeek.Monday, startHour, startMinute, endHour, endMinute)]);

        Should.Throw<ArgumentException>(() => new BusinessClock(calendar)).Message.ShouldContain("must end after it starts");
    }

    [Fact]
    public void OverlappingRanges_CountTheirOverlapOnce()
    {
        var clock = new BusinessClock(Calendar(NewYork, [Range(DayOfWeek.Monday, 9, 0, 13, 0), Range(DayOfWeek.Monday, 12, 0, 17, 0)]));

        clock.BusinessMinutesBetween(At("2026-03-02T00:00:00-05:00"), At("2026-03-03T00:00:00-05:00")).ShouldBe(480);
    }

    [Fact]
    public void ARangeEndingAtMidnight_CountsToTheEndOfTheDayInTheCalendarToo()
    {
        Named("ny-always").MinutesPerBusinessDay.ShouldBe(1440);
        Named("ny-evening").WorkingHours[0].Minutes.ShouldBe(360);
    }

    [Fact]
    public void TheClock_ResolvesTheCalendarsTimeZone()
    {
        Clock("berlin").Zone.Id.ShouldBe(Berlin);
    }

    [Theory]
    [InlineData("ny", "2026-11-25T16:00:00-05:00", "2026-11-30T10:00:00-05:00", "2026-11-26 Holiday, 2026-11-28 Closed, 2026-11-29 Closed")]
    [InlineData("ny", "2026-03-07T10:00:00-05:00", "2026-03-09T09:30:00-04:00", "2026-03-07 Closed, 2026-03-08 Closed")]
    [InlineData("berlin", "2026-10-02T16:00:00+02:00", "2026-10-05T10:00:00+02:00", "2026-10-03 Closed, 2026-10-04 Closed")]
    [InlineData("berlin", "2026-12-24T16:00:00+01:00", "2026-12-28T10:00:00+01:00", "2026-12-25 Holiday, 2026-12-26 Closed, 2026-12-27 Closed")]
    [InlineData("ny", "2026-03-02T09:00:00-05:00", "2026-03-02T17:00:00-05:00", "")]
    [InlineData("ny", "2026-03-09T09:00:00-04:00", "2026-03-06T09:00:00-05:00", "")]
    public void SkippedDays_ListClosedDaysAndHolidaysBetweenTwoInstants(string calendar, string from, string to, string expected)
    {
        var skipped = Clock(calendar).SkippedDays(At(from), At(to));

        string.Join(", ", skipped.Select(s => $"{s.Date:yyyy-MM-dd} {s.Reason}")).ShouldBe(expected);
    }
}
