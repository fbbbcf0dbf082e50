using Smarketing.Domain.BusinessTime;

namespace Smarketing.Benchmarks;

/// <summary>
/// The obvious way to do business-time arithmetic, kept only as the in-run reference for <see cref="BusinessClock"/>:
/// walk minute by minute, convert each minute to local time and ask whether it is inside working hours on a
/// non-holiday. It agrees with <see cref="BusinessClock"/> for whole-minute instants and ranges that do not touch a
/// daylight-saving change at night (the benchmark inputs are checked against it in the global setup).
/// </summary>
public sealed class NaiveBusinessTime(BusinessCalendar calendar)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZone);
    private readonly HashSet<DateOnly> _holidays = [.. calendar.Holidays];
    private readonly List<WorkingHours> _hours = calendar.WorkingHours;

    public DateTimeOffset AddBusinessMinutes(DateTimeOffset start, int minutes)
    {
        var t = start.ToUniversalTime();
        while (!IsWorkingMinute(t))
        {
            t = t.AddMinutes(1);
        }

        for (var left = minutes; left > 0; t = t.AddMinutes(1))
        {
            if (IsWorkingMinute(t))
            {
                left--;
            }
        }

        return TimeZoneInfo.ConvertTime(t, _zone);
    }

    public long BusinessMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = 0L;
        for (var t = from.ToUniversalTime(); t.AddMinutes(1) <= to; t = t.AddMinutes(1))
        {
            if (IsWorkingMinute(t))
            {
                total++;
            }
        }

        return total;
    }

    private bool IsWorkingMinute(DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, _zone).DateTime;
        if (_holidays.Contains(DateOnly.FromDateTime(local)))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local);
        foreach (var range in _hours)
        {
            if (range.Day == local.DayOfWeek && time >= range.Start && (range.End == TimeOnly.MinValue || time < range.End))
            {
                return true;
            }
        }

        return false;
    }
}
