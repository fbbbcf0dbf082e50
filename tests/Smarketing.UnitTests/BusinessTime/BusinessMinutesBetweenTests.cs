using static Smarketing.UnitTests.BusinessTime.TestCalendars;

namespace Smarketing.UnitTests.BusinessTime;

public sealed class BusinessMinutesBetweenTests
{
    [Theory]
    [InlineData("a working day is 480 minutes", "ny", "2026-03-02T09:00:00-05:00", "2026-03-02T17:00:00-05:00", 480)]
    [InlineData("time before opening doesn't count", "ny", "2026-03-02T07:00:00-05:00", "2026-03-02T10:00:00-05:00", 60)]
    [InlineData("time after closing doesn't count", "ny", "2026-03-02T16:00:00-05:00", "2026-03-02T23:59:00-05:00", 60)]
    [InlineData("the spring-forward weekend doesn't count", "ny", "2026-03-06T16:00:00-05:00", "2026-03-09T10:00:00-04:00", 120)]
    [InlineData("the fall-back weekend doesn't count", "ny", "2026-10-30T16:00:00-04:00", "2026-11-02T10:00:00-05:00", 120)]
    [InlineData("an end before the start gives zero", "ny", "2026-03-02T17:00:00-05:00", "2026-03-02T09:00:00-05:00", 0)]
    [InlineData("the same instant gives zero", "ny", "2026-03-02T10:00:00-05:00", "2026-03-02T10:00:00-05:00", 0)]
    [InlineData("a weekend alone gives zero", "ny", "2026-03-07T00:00:00-05:00", "2026-03-09T09:00:00-04:00", 0)]
    [InlineData("59 seconds are zero minutes", "ny", "2026-03-02T09:00:00-05:00", "2026-03-02T09:00:59-05:00", 0)]
    [InlineData("119 seconds are one minute", "ny", "2026-03-02T09:00:30-05:00", "2026-03-02T09:02:29-05:00", 1)]
    [InlineData("120 seconds are two minutes", "ny", "2026-03-02T09:00:30-05:00", "2026-03-02T09:02:30-05:00", 2)]
    [InlineData("seconds either side of the night add up and are floored", "ny", "2026-03-02T16:59:31-05:00", "2026-03-03T09:00:31-05:00", 1)]
    [InlineData("instants in UTC measure the same", "ny", "2026-03-02T14:00:00+00:00", "2026-03-02T22:00:00+00:00", 480)]
    [InlineData("Thanksgiving doesn't count", "ny", "2026-11-25T16:00:00-05:00", "2026-11-27T10:00:00-05:00", 120)]
    [InlineData("a week with a clock change is still five days", "ny", "2026-03-02T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 2400)]
    [InlineData("Thanksgiving week is four days", "ny", "2026-11-23T00:00:00-05:00", "2026-11-30T00:00:00-05:00", 1920)]
    [InlineData("2026 is 261 weekdays less Thanksgiving and Christmas", "ny", "2026-01-01T00:00:00-05:00", "2027-01-01T00:00:00-05:00", 259 * 480)]
    [InlineData("Berlin: the spring-forward weekend doesn't count", "berlin", "2026-03-27T16:00:00+01:00", "2026-03-30T10:00:00+02:00", 120)]
    [InlineData("Berlin: 2026 is 261 weekdays less Christmas (Unity Day is a Saturday)", "berlin", "2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00", 260 * 480)]
    [InlineData("a split Friday is seven hours", "ny-split", "2026-03-06T00:00:00-05:00", "2026-03-07T00:00:00-05:00", 420)]
    [InlineData("lunch doesn't count", "ny-split", "2026-03-06T11:30:00-05:00", "2026-03-06T13:30:00-05:00", 60)]
    [InlineData("Berlin: a split Wednesday is seven hours", "berlin-split", "2026-03-25T00:00:00+01:00", "2026-03-26T00:00:00+01:00", 420)]
    [InlineData("the spring-forward Sunday 01:00-04:00 is 120 minutes", "ny-night", "2026-03-08T00:00:00-05:00", "2026-03-08T06:00:00-04:00", 120)]
    [InlineData("the fall-back Sunday 01:00-04:00 is 240 minutes", "ny-night", "2026-11-01T00:00:00-04:00", "2026-11-01T06:00:00-05:00", 240)]
    [InlineData("from the first 01:30 to the second is an hour", "ny-night", "2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00", 60)]
    [InlineData("an ordinary Sunday 01:00-04:00 is 180 minutes", "ny-night", "2026-03-15T00:00:00-04:00", "2026-03-15T06:00:00-04:00", 180)]
    [InlineData("the spring-forward week is five days and 120 minutes", "ny-night", "2026-03-02T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 2520)]
    [InlineData("the fall-back week is five days and 240 minutes", "ny-night", "2026-10-26T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 2640)]
    [InlineData("an ordinary week is five days and 180 minutes", "ny-night", "2026-03-09T00:00:00-04:00", "2026-03-16T00:00:00-04:00", 2580)]
    [InlineData("Berlin: the spring-forward Sunday 01:00-04:00 is 120 minutes", "berlin-night", "2026-03-29T00:00:00+01:00", "2026-03-29T05:00:00+02:00", 120)]
    [InlineData("Berlin: the fall-back Sunday 01:00-04:00 is 240 minutes", "berlin-night", "2026-10-25T00:00:00+02:00", "2026-10-25T05:00:00+01:00", 240)]
    [InlineData("a range starting in the spring gap is 60 minutes", "ny-gap", "2026-03-08T00:00:00-05:00", "2026-03-08T05:00:00-04:00", 60)]
    [InlineData("the same range on an ordinary Sunday is 90 minutes", "ny-gap", "2026-03-15T00:00:00-04:00", "2026-03-15T05:00:00-04:00", 90)]
    [InlineData("01:15-01:45 on the fall-back Sunday runs from the first 01:15 to the second 01:45", "ny-repeat", "2026-11-01T00:00:00-04:00", "2026-11-01T03:00:00-05:00", 90)]
    [InlineData("01:15-01:45 on an ordinary Sunday is 30 minutes", "ny-repeat", "2026-11-08T00:00:00-05:00", "2026-11-08T03:00:00-05:00", 30)]
    [InlineData("a 24-hour spring-forward Sunday is 23 hours", "ny-always", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 1380)]
    [InlineData("a 24-hour fall-back Sunday is 25 hours", "ny-always", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 1500)]
    [InlineData("a 24-hour year is 365 days", "ny-always", "2026-01-01T00:00:00-05:00", "2027-01-01T00:00:00-05:00", 365 * 1440)]
    [InlineData("an evening to midnight and Saturday's early hours join up", "ny-evening", "2026-03-06T17:00:00-05:00", "2026-03-07T03:00:00-05:00", 480)]
    [InlineData("three weeks over spring-forward (whole weeks skipped) count its short Sunday", "ny-night", "2026-03-01T00:00:00-05:00", "2026-03-22T00:00:00-04:00", (15 * 480) + 180 + 120 + 180)]
    [InlineData("three weeks over fall-back (whole weeks skipped) count its long Sunday", "ny-night", "2026-10-18T00:00:00-04:00", "2026-11-08T00:00:00-05:00", (15 * 480) + 180 + 180 + 240)]
    [InlineData("a 24-hour March is an hour short", "ny-always", "2026-03-01T00:00:00-05:00", "2026-04-01T00:00:00-04:00", (31 * 1440) - 60)]
    [InlineData("Havana: Saturday 20:00 to midnight is five hours when midnight repeats", "havana-saturday-night", "2026-10-31T12:00:00-04:00", "2026-11-01T12:00:00-05:00", 300)]
    [InlineData("Havana: from the first 00:30 on Sunday to the end of Saturday's range is 30 minutes", "havana-saturday-night", "2026-11-01T00:30:00-04:00", "2026-11-01T12:00:00-05:00", 30)]
    [InlineData("Havana: Saturday 20:00 to midnight is four hours when midnight is skipped", "havana-saturday-night", "2026-03-07T12:00:00-05:00", "2026-03-08T12:00:00-04:00", 240)]
    public void BusinessMinutesBetween_CountsOnlyWorkingTime(string because, string calendar, string from, string to, long expected)
    {
        Clock(calendar).BusinessMinutesBetween(At(from), At(to)).ShouldBe(expected, because);
    }
}
