namespace Smarketing.Domain.BusinessTime;

/// <summary>One working-hours range on a weekday, in local time ("Monday 09:00-12:00").</summary>
public sealed class WorkingHours
{
    [System.Text.Json.Serialization.JsonRequired] public DayOfWeek Day { get; set; }
    [System.Text.Json.Serialization.JsonRequired] public TimeOnly Start { get; set; }
    [System.Text.Json.Serialization.JsonRequired] public TimeOnly End { get; set; }

    public WorkingHours()
    {
    }

    public WorkingHours(DayOfWeek day, TimeOnly start, TimeOnly end)
    {
        Day = day;
        Start = start;
        End = end;
    }

    /// <summary>Wall-clock minutes in the range; an End of 00:00 means midnight at the end of the day (00:00-00:00 is 1,440).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Minutes => End == TimeOnly.MinValue
        ? (int)(TimeSpan.FromDays(1) - Start.ToTimeSpan()).TotalMinutes
        : (int)(End - Start).TotalMinutes;
}

/// <summary>
/// When business time runs: an IANA time zone, working hours per weekday (several ranges a day allowed;
/// days without ranges are closed) and holidays as whole local days.
/// </summary>
public sealed class BusinessCalendar
{
    [System.Text.Json.Serialization.JsonRequired] public string TimeZone { get; set; } = "America/New_York";
    [System.Text.Json.Serialization.JsonRequired] public List<WorkingHours> WorkingHours { get; set; } = [];
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>
    /// How many working minutes a "business day" means when a rule says "2 business days": the calendar's
    /// average working day (480 for 09:00-17:00 Monday to Friday). Zero for a calendar with no working time.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int MinutesPerBusinessDay
    {
        get
        {
            var days = WorkingHours.GroupBy(w => w.Day).Select(g => g.Sum(w => w.Minutes)).Where(m => m > 0).ToList();
            return days.Count == 0 ? 0 : (int)Math.Round(days.Average());
        }
    }

    public static bool IsKnownTimeZone(string id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static BusinessCalendar Standard(string timeZone, IEnumerable<DateOnly>? holidays = null) => new()
    {
        TimeZone = timeZone,
        WorkingHours =
        [
            .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(d => new WorkingHours(d, new TimeOnly(9, 0), new TimeOnly(17, 0))),
        ],
        Holidays = holidays?.ToList() ?? [],
    };
}
