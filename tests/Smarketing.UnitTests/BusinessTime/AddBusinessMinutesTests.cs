using static Smarketing.UnitTests.BusinessTime.TestCalendars;

namespace Smarketing.UnitTests.BusinessTime;

public sealed class AddBusinessMinutesTests
{
    [Theory]
    [InlineData("a start at opening with no minutes stays put", "ny", "2026-03-02T09:00:00-05:00", 0, "2026-03-02T09:00:00-05:00")]
    [InlineData("a full day ends at closing", "ny", "2026-03-02T09:00:00-05:00", 480, "2026-03-02T17:00:00-05:00")]
    [InlineData("minutes past closing carry to the next morning", "ny", "2026-03-02T16:00:00-05:00", 120, "2026-03-03T10:00:00-05:00")]
    [InlineData("minutes that run out at closing end at closing, not at the next opening", "ny", "2026-03-06T16:00:00-05:00", 60, "2026-03-06T17:00:00-05:00")]
    [InlineData("a Friday afternoon carries over the spring-forward weekend", "ny", "2026-03-06T16:00:00-05:00", 90, "2026-03-09T09:30:00-04:00")]
    [InlineData("a Friday afternoon carries over the fall-back weekend", "ny", "2026-10-30T16:00:00-04:00", 120, "2026-11-02T10:00:00-05:00")]
    [InlineData("a start before opening begins at opening", "ny", "2026-03-02T07:15:00-05:00", 30, "2026-03-02T09:30:00-05:00")]
    [InlineData("a start after closing begins the next morning", "ny", "2026-03-02T18:00:00-05:00", 30, "2026-03-03T09:30:00-05:00")]
    [InlineData("a start on a Saturday begins on Monday", "ny", "2026-03-07T10:00:00-05:00", 30, "2026-03-09T09:30:00-04:00")]
    [InlineData("no minutes on a Saturday gives Monday's opening", "ny", "2026-03-07T10:00:00-05:00", 0, "2026-03-09T09:00:00-04:00")]
    [InlineData("no minutes at closing gives the next opening", "ny", "2026-03-02T17:00:00-05:00", 0, "2026-03-03T09:00:00-05:00")]
    [InlineData("Thanksgiving is skipped", "ny", "2026-11-25T16:00:00-05:00", 120, "2026-11-27T10:00:00-05:00")]
    [InlineData("a start on Thanksgiving begins the next working day", "ny", "2026-11-26T10:00:00-05:00", 60, "2026-11-27T10:00:00-05:00")]
    [InlineData("Christmas on a Friday and the weekend are skipped", "ny", "2026-12-24T16:30:00-05:00", 60, "2026-12-28T09:30:00-05:00")]
    [InlineData("seconds in the start are kept", "ny", "2026-03-02T09:00:30-05:00", 10, "2026-03-02T09:10:30-05:00")]
    [InlineData("seconds are kept across closing", "ny", "2026-03-02T16:59:30-05:00", 1, "2026-03-03T09:00:30-05:00")]
    [InlineData("a start given in UTC is the same instant and the result is in the calendar's zone", "ny", "2026-03-02T14:00:00+00:00", 60, "2026-03-02T10:00:00-05:00")]
    [InlineData("four working weeks (whole weeks skipped) end on the fourth Friday at closing", "ny", "2026-01-05T09:00:00-05:00", 9600, "2026-01-30T17:00:00-05:00")]
    [InlineData("one minute more opens the fifth week", "ny", "2026-01-05T09:00:00-05:00", 9601, "2026-02-02T09:01:00-05:00")]
    [InlineData("Berlin: a Friday afternoon carries over the spring-forward weekend", "berlin", "2026-03-27T16:00:00+01:00", 120, "2026-03-30T10:00:00+02:00")]
    [InlineData("Berlin: a Friday afternoon carries over the fall-back weekend", "berlin", "2026-10-23T16:00:00+02:00", 120, "2026-10-26T10:00:00+01:00")]
    [InlineData("Berlin: a holiday on a Saturday changes nothing", "berlin", "2026-10-02T16:00:00+02:00", 120, "2026-10-05T10:00:00+02:00")]
    [InlineData("Berlin: Christmas on a Friday is skipped", "berlin", "2026-12-24T16:00:00+01:00", 120, "2026-12-28T10:00:00+01:00")]
    [InlineData("a split day pauses over lunch", "ny-split", "2026-03-06T11:00:00-05:00", 120, "2026-03-06T14:00:00-05:00")]
    [InlineData("minutes that run out at the lunch break end at noon", "ny-split", "2026-03-06T11:30:00-05:00", 30, "2026-03-06T12:00:00-05:00")]
    [InlineData("a start during lunch begins after lunch", "ny-split", "2026-03-06T12:30:00-05:00", 30, "2026-03-06T13:30:00-05:00")]
    [InlineData("no minutes during lunch gives the afternoon opening", "ny-split", "2026-03-06T12:15:00-05:00", 0, "2026-03-06T13:00:00-05:00")]
    [InlineData("a split Friday holds seven hours", "ny-split", "2026-03-06T09:00:00-05:00", 420, "2026-03-06T17:00:00-05:00")]
    [InlineData("the minute after a split Friday is on Monday", "ny-split", "2026-03-06T09:00:00-05:00", 421, "2026-03-09T09:01:00-04:00")]
    [InlineData("Berlin: a split Wednesday pauses over lunch", "berlin-split", "2026-03-25T11:00:00+01:00", 120, "2026-03-25T14:00:00+01:00")]
    [InlineData("the spring-forward Sunday 01:00-04:00 holds only 120 minutes", "ny-night", "2026-03-08T01:00:00-05:00", 120, "2026-03-08T04:00:00-04:00")]
    [InlineData("the minute after 01:59 EST is 03:00 EDT", "ny-night", "2026-03-08T01:59:00-05:00", 1, "2026-03-08T03:00:00-04:00")]
    [InlineData("a start before the range on spring-forward day crosses the gap", "ny-night", "2026-03-08T00:30:00-05:00", 61, "2026-03-08T03:01:00-04:00")]
    [InlineData("the fall-back Sunday 01:00-04:00 holds 240 minutes", "ny-night", "2026-11-01T01:00:00-04:00", 240, "2026-11-01T04:00:00-05:00")]
    [InlineData("an hour after the first 01:30 is the second 01:30", "ny-night", "2026-11-01T01:30:00-04:00", 60, "2026-11-01T01:30:00-05:00")]
    [InlineData("an hour after the second 01:30 is 02:30", "ny-night", "2026-11-01T01:30:00-05:00", 60, "2026-11-01T02:30:00-05:00")]
    [InlineData("the minute after the long Sunday is Monday morning", "ny-night", "2026-11-01T01:00:00-04:00", 241, "2026-11-02T09:01:00-05:00")]
    [InlineData("a start at midnight before the repeat waits for the first 01:00", "ny-night", "2026-11-01T00:00:00-04:00", 0, "2026-11-01T01:00:00-04:00")]
    [InlineData("Berlin: the spring-forward Sunday 01:00-04:00 holds only 120 minutes", "berlin-night", "2026-03-29T01:00:00+01:00", 120, "2026-03-29T04:00:00+02:00")]
    [InlineData("Berlin: the minute after 01:59 CET is 03:00 CEST", "berlin-night", "2026-03-29T01:30:00+01:00", 31, "2026-03-29T03:01:00+02:00")]
    [InlineData("Berlin: the fall-back Sunday 01:00-04:00 holds 240 minutes", "berlin-night", "2026-10-25T01:00:00+02:00", 240, "2026-10-25T04:00:00+01:00")]
    [InlineData("Berlin: an hour after the first 02:30 is the second 02:30", "berlin-night", "2026-10-25T02:30:00+02:00", 60, "2026-10-25T02:30:00+01:00")]
    [InlineData("a range that starts in the spring gap opens at 03:00", "ny-gap", "2026-03-08T00:00:00-05:00", 0, "2026-03-08T03:00:00-04:00")]
    [InlineData("a range that starts in the spring gap holds 60 minutes", "ny-gap", "2026-03-08T00:00:00-05:00", 60, "2026-03-08T04:00:00-04:00")]
    [InlineData("after the shortened range comes Monday", "ny-gap", "2026-03-08T00:00:00-05:00", 61, "2026-03-09T09:01:00-04:00")]
    [InlineData("on an ordinary Sunday the same range holds 90 minutes", "ny-gap", "2026-03-15T00:00:00-04:00", 90, "2026-03-15T04:00:00-04:00")]
    [InlineData("a range inside the repeated hour opens at the first 01:15", "ny-repeat", "2026-11-01T00:00:00-04:00", 0, "2026-11-01T01:15:00-04:00")]
    [InlineData("a range inside the repeated hour closes at the second 01:45", "ny-repeat", "2026-11-01T00:00:00-04:00", 90, "2026-11-01T01:45:00-05:00")]
    [InlineData("a 24-hour calendar runs through midnight", "ny-always", "2026-03-07T23:30:00-05:00", 60, "2026-03-08T00:30:00-05:00")]
    [InlineData("a 24-hour calendar skips the hour that never happens", "ny-always", "2026-03-08T01:30:00-05:00", 60, "2026-03-08T03:30:00-04:00")]
    [InlineData("a 24-hour calendar's spring-forward Sunday is 23 hours", "ny-always", "2026-03-08T00:00:00-05:00", 1380, "2026-03-09T00:00:00-04:00")]
    [InlineData("a 24-hour calendar's fall-back Sunday is 25 hours", "ny-always", "2026-11-01T00:00:00-04:00", 1500, "2026-11-02T00:00:00-05:00")]
    [InlineData("an evening range ending at 00:00 ends at midnight", "ny-evening", "2026-03-02T22:00:00-05:00", 120, "2026-03-03T00:00:00-05:00")]
    [InlineData("Friday's evening runs on into Saturday's early range", "ny-evening", "2026-03-06T23:00:00-05:00", 120, "2026-03-07T01:00:00-05:00")]
    [InlineData("after Saturday's early range comes Monday evening", "ny-evening", "2026-03-07T01:00:00-05:00", 120, "2026-03-09T19:00:00-04:00")]
    [InlineData("a 24-hour month with spring-forward (whole weeks skipped) ends an hour later on the clock", "ny-always", "2026-03-01T00:00:00-05:00", 43_200, "2026-03-31T01:00:00-04:00")]
    [InlineData("a 24-hour month with fall-back (whole weeks skipped) ends an hour earlier on the clock", "ny-always", "2026-10-20T00:00:00-04:00", 43_200, "2026-11-18T23:00:00-05:00")]
    [InlineData("Havana: Saturday 20:00 to midnight holds five hours when midnight repeats", "havana-saturday-night", "2026-10-31T20:00:00-04:00", 300, "2026-11-01T00:00:00-05:00")]
    [InlineData("Havana: the first 00:30 on Sunday is still inside Saturday's range", "havana-saturday-night", "2026-11-01T00:30:00-04:00", 10, "2026-11-01T00:40:00-04:00")]
    [InlineData("Havana: Saturday 20:00 to midnight holds four hours when midnight is skipped", "havana-saturday-night", "2026-03-07T20:00:00-05:00", 240, "2026-03-08T01:00:00-04:00")]
    [InlineData("Havana: the minute after that short night is the next Saturday", "havana-saturday-night", "2026-03-07T20:00:00-05:00", 241, "2026-03-14T20:01:00-04:00")]
    public void AddingBusinessMinutes_LandsOnTheExpectedLocalTime(string because, string calendar, string start, int minutes, string expected)
    {
        var due = Clock(calendar).AddBusinessMinutes(At(start), minutes);

        Iso(due).ShouldBe(expected, because);
    }

    [Theory]
    [InlineData("inside working hours it is the instant itself", "ny", "2026-03-02T10:15:42-05:00", "2026-03-02T10:15:42-05:00")]
    [InlineData("at opening it is the opening", "ny", "2026-03-02T09:00:00-05:00", "2026-03-02T09:00:00-05:00")]
    [InlineData("at closing it is the next opening", "ny", "2026-03-02T17:00:00-05:00", "2026-03-03T09:00:00-05:00")]
    [InlineData("over a weekend with a clock change it is Monday's opening", "berlin", "2026-03-28T12:00:00+01:00", "2026-03-30T09:00:00+02:00")]
    [InlineData("on a holiday it is the next working day's opening", "ny", "2026-11-26T11:00:00-05:00", "2026-11-27T09:00:00-05:00")]
    [InlineData("in the second 01:30 it is that instant", "ny-night", "2026-11-01T01:30:00-05:00", "2026-11-01T01:30:00-05:00")]
    public void TheNextWorkingMoment_IsTheInstantItselfOrTheNextOpening(string because, string calendar, string instant, string expected)
    {
        Iso(Clock(calendar).NextWorkingMoment(At(instant))).ShouldBe(expected, because);
    }

    [Fact]
    public void NegativeMinutes_AreRejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Clock("ny").AddBusinessMinutes(At("2026-03-02T09:00:00-05:00"), -1));
    }

    [Theory]
    [InlineData("ny")]
    [InlineData("ny-always")]
    [InlineData("berlin-night")]
    public void AddingAHundredThousandMinutes_CompletesAndMeasuresBack(string calendar)
    {
        var clock = Clock(calendar);
        var start = At("2026-01-05T08:17:23-05:00");

        var due = clock.AddBusinessMinutes(start, 100_000);

        clock.BusinessMinutesBetween(start, due).ShouldBe(100_000);
    }
}
