using System.Globalization;
using Smarketing.Domain.BusinessTime;

namespace Smarketing.UnitTests.BusinessTime;

/// <summary>The calendars the business-time tests run against, by a short name usable in [InlineData].</summary>
public static class TestCalendars
{
    public const string NewYork = "America/New_York";
    public const string Berlin = "Europe/Berlin";
    public const string Havana = "America/Havana";

    public static readonly DateOnly Thanksgiving = new(2026, 11, 26);
    public static readonly DateOnly Christmas = new(2026, 12, 25);
    public static readonly DateOnly GermanUnityDay = new(2026, 10, 3); // a Saturday

    private static readonly DayOfWeek[] _weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly Dictionary<string, BusinessCalendar> _byName = new()
    {
        // 09:00-17:00 Monday to Friday.
        ["ny"] = Calendar(NewYork, NineToFive(_weekdays), Thanksgiving, Christmas),
        ["berlin"] = Calendar(Berlin, NineToFive(_weekdays), GermanUnityDay, Christmas),

        // Split hours: Friday (New York) or Wednesday (Berlin) is 09:00-12:00 and 13:00-17:00.
        ["ny-split"] = Calendar(NewYork,
            [.. NineToFive(_weekdays.Where(d => d != DayOfWeek.Friday)), .. Split(DayOfWeek.Friday)], Thanksgiving),
        ["berlin-split"] = Calendar(Berlin,
            [.. NineToFive(_weekdays.Where(d => d != DayOfWeek.Wednesday)), .. Split(DayOfWeek.Wednesday)], Christmas),

        // 9-5 plus Sunday 01:00-04:00, which contains the spring gap and the autumn repeat in both zones.
        ["ny-night"] = Calendar(NewYork, [.. NineToFive(_weekdays), Range(DayOfWeek.Sunday, 1, 0, 4, 0)], Thanksgiving),
        ["berlin-night"] = Calendar(Berlin, [.. NineToFive(_weekdays), Range(DayOfWeek.Sunday, 1, 0, 4, 0)]),

        // 9-5 plus Sunday 02:30-04:00: on 2026-03-08 the local start 02:30 never happens.
        ["ny-gap"] = Calendar(NewYork, [.. NineToFive(_weekdays), Range(DayOfWeek.Sunday, 2, 30, 4, 0)]),

        // 9-5 plus Sunday 01:15-01:45: on 2026-11-01 both ends happen twice.
        ["ny-repeat"] = Calendar(NewYork, [.. NineToFive(_weekdays), Range(DayOfWeek.Sunday, 1, 15, 1, 45)]),

        // Every day 00:00-00:00 (an End of 00:00 is midnight at the end of the day).
        ["ny-always"] = Calendar(NewYork, [.. Enum.GetValues<DayOfWeek>().Select(d => Range(d, 0, 0, 0, 0))]),

        // Evenings to midnight on weekdays, and Saturday 00:00-02:00 continuing Friday's evening.
        ["ny-evening"] = Calendar(NewYork,
            [.. _weekdays.Select(d => Range(d, 18, 0, 0, 0)), Range(DayOfWeek.Saturday, 0, 0, 2, 0)]),

        // Saturday 20:00-00:00 in Havana, where the clocks go back from Sunday 01:00 to 00:00 (2026-11-01) and
        // forward from Sunday 00:00 to 01:00 (2026-03-08): the range's midnight end moves with them.
        ["havana-saturday-night"] = Calendar(Havana, [Range(DayOfWeek.Saturday, 20, 0, 0, 0)]),
    };

    public static BusinessCalendar Named(string name) => _byName[name];

    public static BusinessClock Clock(string name) => new(Named(name));

    /// <summary>Calendars where every range boundary is an unambiguous local time or the start of a repeat, so
    /// "working time" also means "the local wall-clock time is inside a range" minute by minute.</summary>
    public static TheoryData<string> WallClockExact => ["ny", "berlin", "ny-split", "berlin-split", "ny-night", "berlin-night", "ny-gap", "ny-always", "ny-evening"];

    public static TheoryData<string> All => [.. _byName.Keys];

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static WorkingHours Range(DayOfWeek day, int startHour, int startMinute, int endHour, int endMinute) =>
        new(day, new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute));

    public static BusinessCalendar Calendar(string zone, IEnumerable<WorkingHours> hours, params DateOnly[] holidays) =>
        new() { TimeZone = zone, WorkingHours = [.. hours], Holidays = [.. holidays] };

    private static IEnumerable<WorkingHours> NineToFive(IEnumerable<DayOfWeek> days) => days.Select(d => Range(d, 9, 0, 17, 0));

    private static IEnumerable<WorkingHours> Split(DayOfWeek day) => [Range(day, 9, 0, 12, 0), Range(day, 13, 0, 17, 0)];
}
