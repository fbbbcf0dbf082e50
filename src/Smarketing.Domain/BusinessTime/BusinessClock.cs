namespace Smarketing.Domain.BusinessTime;

/// <summary>Why a local date contributed no business time.</summary>
public enum SkipReason
{
    /// <summary>The weekday has no working hours (the weekend in most calendars).</summary>
    Closed,

    /// <summary>A weekday with working hours that the calendar lists as a holiday.</summary>
    Holiday,
}

/// <summary>A local date on which the clock did not run, and why ("Sat 28 Nov: closed", "Thu 26 Nov: holiday").</summary>
public sealed record SkippedDay(DateOnly Date, SkipReason Reason);

/// <summary>
/// Business-time arithmetic over one <see cref="BusinessCalendar"/>: adds business minutes to an instant and
/// measures the business minutes between two instants. Immutable and thread-safe; build one per calendar and reuse it.
/// </summary>
/// <remarks>
/// <para>
/// <b>The model.</b> Working ranges are local wall-clock times on each non-holiday local date; the business time
/// inside a range is the real time that elapses between its opening and its closing. Results are expressed in the
/// calendar's time zone (their offset is the zone's offset at that instant); inputs may carry any offset.
/// </para>
/// <para>
/// <b>Daylight-saving changes.</b> A range opens at the first instant its local start time occurs and closes at the
/// last instant its local end time occurs: a local time in the spring gap (which never happens) moves forward to the
/// first valid local time after the gap; an ambiguous local time in the autumn repeat opens at its first occurrence
/// and closes at its second. So New York's Sunday 01:00-04:00 holds 120 minutes on 2026-03-08 and 240 minutes on
/// 2026-11-01, and a 09:00-17:00 range is never affected.
/// </para>
/// <para>
/// <b>Midnight.</b> <see cref="TimeOnly"/> can't hold 24:00, so an <c>End</c> of 00:00 means midnight at the end of the
/// day: 17:00-00:00 is an evening shift and 00:00-00:00 is the whole day. Any other range must end after it starts.
/// Overlapping or touching ranges on one weekday are merged.
/// </para>
/// <para>
/// <b>Zero minutes.</b> A start outside working time begins at the next working moment, so
/// <c>AddBusinessMinutes(t, 0) == NextWorkingMoment(t)</c>. With minutes &gt; 0 the result is the earliest instant at
/// which that much business time has elapsed, which may be a closing time (16:00 + 60 is 17:00 the same day, not the
/// next opening). For every start and minutes, <c>BusinessMinutesBetween(start, AddBusinessMinutes(start, m)) == m</c>.
/// </para>
/// <para>
/// <b>Speed.</b> The clock walks day by day over working ranges (never minute by minute) and skips whole weeks with no
/// holiday and no change of UTC offset (checked once a day across the week) in one step. On a day whose 52 hours of
/// possible instants share one UTC offset, range boundaries are plain arithmetic; only days near a clock change ask
/// the zone whether a local time is skipped or repeated.
/// </para>
/// </remarks>
public sealed class BusinessClock
{
    /// <summary>How far <see cref="NextWorkingMoment"/> and <see cref="AddBusinessMinutes"/> look for working time.</summary>
    public const int SearchHorizonYears = 10;

    private const long TicksPerDay = TimeSpan.TicksPerDay;
    private const long TicksPerMinute = TimeSpan.TicksPerMinute;
    private const int SearchHorizonDays = (SearchHorizonYears * 365) + 3;

    // Every instant whose local date is D lies within [D 00:00 - 14 h, D + 1 00:00 + 14 h] read as UTC.
    private static readonly long MaxOffsetTicks = TimeSpan.FromHours(14).Ticks;
    private static readonly DateOnly FirstSupportedDate = new(2, 1, 1);
    private static readonly DateOnly LastSupportedDate = new(9998, 12, 31);
    private static readonly long FirstSupportedInstant = Midnight(FirstSupportedDate) + MaxOffsetTicks;
    private static readonly long LastSupportedInstant = Midnight(LastSupportedDate) - MaxOffsetTicks;

    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DateOnly> _holidays;
    private readonly LocalRange[][] _rangesByDay;
    private readonly long _weekTicks;

    public BusinessClock(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        try
        {
            _zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new ArgumentException($"Time zone '{calendar.TimeZone}' is not a known IANA time zone.", nameof(calendar), e);
        }

        _holidays = [.. calendar.Holidays];
        _rangesByDay = new LocalRange[7][];
        for (var day = 0; day < 7; day++)
        {
            _rangesByDay[day] = Merge(calendar.WorkingHours.Where(w => (int)w.Day == day).Select(ToLocalRange));
        }

        _weekTicks = _rangesByDay.Sum(ranges => ranges.Sum(r => r.End - r.Start));
        if (_weekTicks == 0)
        {
            throw new InvalidOperationException(
                "The calendar has no working time: no weekday has working hours, so no business-time clock can run.");
        }
    }

    /// <summary>The calendar's time zone, resolved once.</summary>
    public TimeZoneInfo Zone => _zone;

    /// <summary>
    /// The instant at which <paramref name="minutes"/> of business time have elapsed after <paramref name="start"/>
    /// (seconds in <paramref name="start"/> are kept). Zero minutes gives <see cref="NextWorkingMoment"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No working time within <see cref="SearchHorizonYears"/> years.</exception>
    public DateTimeOffset AddBusinessMinutes(DateTimeOffset start, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        var cursor = start.UtcTicks;
        var remaining = minutes * TicksPerMinute;
        var startDate = LocalDate(cursor);
        var lastWorkingDate = startDate;

        for (var date = FirstDateToWalk(startDate); ; date = date.AddDays(1))
        {
            if (date > LastSupportedDate)
            {
                throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "The result would fall after the year 9998.");
            }

            if (date.DayNumber - lastWorkingDate.DayNumber > SearchHorizonDays)
            {
                throw new InvalidOperationException(
                    $"The calendar has no working time in the {SearchHorizonYears} years after {startDate:yyyy-MM-dd}: " +
                    "every day with working hours in that span is a holiday.");
            }

            if (remaining > _weekTicks && date > startDate && IsPlainWeek(date, out var weekEnd))
            {
                remaining -= _weekTicks;
                cursor = Math.Max(cursor, weekEnd);
                date = date.AddDays(6);
                lastWorkingDate = date;
                continue;
            }

            if (!IsWorkingDate(date))
            {
                continue;
            }

            var offset = SteadyOffset(date);
            foreach (var range in _rangesByDay[(int)date.DayOfWeek])
            {
                var close = Close(date, range.End, offset);
                var from = Math.Max(Open(date, range.Start, offset), cursor);
                if (from >= close)
                {
                    continue;
                }

                lastWorkingDate = date;
                var available = close - from;
                if (remaining <= available)
                {
                    return ToZone(from + remaining);
                }

                remaining -= available;
                cursor = close;
            }
        }
    }

    /// <summary>
    /// Business time between the instants in whole minutes, rounded down (floor of seconds / 60); 0 when
    /// <paramref name="to"/> is not after <paramref name="from"/>. Only the years 0002 to 9998 are counted.
    /// </summary>
    public long BusinessMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var end = Math.Min(to.UtcTicks, LastSupportedInstant);
        var cursor = Math.Max(from.UtcTicks, FirstSupportedInstant);
        if (end <= cursor)
        {
            return 0;
        }

        var fromDate = LocalDate(cursor);
        var toDate = LocalDate(end);
        var total = 0L;
        for (var date = FirstDateToWalk(fromDate); date <= Next(toDate); date = date.AddDays(1))
        {
            if (date > fromDate && date.AddDays(7) <= toDate && IsPlainWeek(date, out var weekEnd))
            {
                total += _weekTicks;
                cursor = Math.Max(cursor, weekEnd);
                date = date.AddDays(6);
                continue;
            }

            if (!IsWorkingDate(date))
            {
                continue;
            }

            var offset = SteadyOffset(date);
            foreach (var range in _rangesByDay[(int)date.DayOfWeek])
            {
                var close = Math.Min(Close(date, range.End, offset), end);
                var open = Math.Max(Open(date, range.Start, offset), cursor);
                if (open >= close)
                {
                    continue;
                }

                total += close - open;
                cursor = close;
            }
        }

        return total / TicksPerMinute;
    }

    /// <summary><paramref name="instant"/> itself when it is inside working time, otherwise the next opening.</summary>
    /// <exception cref="InvalidOperationException">No working time within <see cref="SearchHorizonYears"/> years.</exception>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset instant) => AddBusinessMinutes(instant, 0);

    /// <summary>
    /// The local dates from <paramref name="from"/>'s to <paramref name="to"/>'s (both included) on which the clock
    /// could not run, oldest first: closed weekdays and holidays. For a UI line such as
    /// "due Mon 10:30 - weekend and Thanksgiving skipped". A holiday on a closed weekday is reported as closed.
    /// </summary>
    public IReadOnlyList<SkippedDay> SkippedDays(DateTimeOffset from, DateTimeOffset to)
    {
        var skipped = new List<SkippedDay>();
        if (to <= from)
        {
            return skipped;
        }

        var last = LocalDate(Math.Min(to.UtcTicks, LastSupportedInstant));
        for (var date = LocalDate(Math.Max(from.UtcTicks, FirstSupportedInstant)); date <= last; date = date.AddDays(1))
        {
            if (_rangesByDay[(int)date.DayOfWeek].Length == 0)
            {
                skipped.Add(new SkippedDay(date, SkipReason.Closed));
            }
            else if (_holidays.Contains(date))
            {
                skipped.Add(new SkippedDay(date, SkipReason.Holiday));
            }
        }

        return skipped;
    }

    private static LocalRange ToLocalRange(WorkingHours hours)
    {
        var start = hours.Start.Ticks;
        var end = hours.End == TimeOnly.MinValue ? TicksPerDay : hours.End.Ticks;
        if (end <= start)
        {
            throw new ArgumentException(
                $"{hours.Day} {hours.Start:HH\\:mm}-{hours.End:HH\\:mm}: a working-hours range must end after it starts " +
                "(an end of 00:00 means midnight at the end of the day).");
        }

        return new LocalRange(start, end);
    }

    private static LocalRange[] Merge(IEnumerable<LocalRange> ranges)
    {
        var merged = new List<LocalRange>();
        foreach (var range in ranges.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, range.End) };
            }
            else
            {
                merged.Add(range);
            }
        }

        return [.. merged];
    }

    /// <summary>
    /// Where a walk that starts on <paramref name="date"/> begins: the day before when that day has a range ending at
    /// midnight, whose close can fall after instants of <paramref name="date"/> in a zone that repeats the hour
    /// after midnight (America/Havana); otherwise <paramref name="date"/> itself.
    /// </summary>
    private DateOnly FirstDateToWalk(DateOnly date)
    {
        if (date <= FirstSupportedDate)
        {
            return date;
        }

        var previous = date.AddDays(-1);
        var ranges = _rangesByDay[(int)previous.DayOfWeek];
        return ranges.Length > 0 && ranges[^1].End == TicksPerDay ? previous : date;
    }

    private static DateOnly Next(DateOnly date) => date < LastSupportedDate ? date.AddDays(1) : date;

    private static long Midnight(DateOnly date) => date.DayNumber * TicksPerDay;

    private bool IsWorkingDate(DateOnly date) =>
        _rangesByDay[(int)date.DayOfWeek].Length > 0 && !_holidays.Contains(date);

    /// <summary>
    /// True when the seven local dates from <paramref name="date"/> have no holiday and the zone keeps one UTC offset
    /// across them (sampled daily), so their business time is exactly the nominal week; <paramref name="weekEnd"/> is
    /// then the instant the eighth date begins.
    /// </summary>
    private bool IsPlainWeek(DateOnly date, out long weekEnd)
    {
        weekEnd = 0;
        if (date.AddDays(8) > LastSupportedDate)
        {
            return false;
        }

        for (var i = 0; i < 7; i++)
        {
            if (_holidays.Contains(date.AddDays(i)))
            {
                return false;
            }
        }

        var first = Midnight(date) - MaxOffsetTicks;
        var last = Midnight(date.AddDays(7)) + MaxOffsetTicks;
        var offset = OffsetAt(first);
        for (var t = first + TicksPerDay; t < last; t += TicksPerDay)
        {
            if (OffsetAt(t) != offset)
            {
                return false;
            }
        }

        if (OffsetAt(last) != offset)
        {
            return false;
        }

        weekEnd = Midnight(date.AddDays(7)) - offset;
        return true;
    }

    private long OffsetAt(long utcTicks) => _zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;

    private DateOnly LocalDate(long utcTicks) => DateOnly.FromDayNumber((int)((utcTicks + OffsetAt(utcTicks)) / TicksPerDay));

    private DateTimeOffset ToZone(long utcTicks) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(utcTicks, TimeSpan.Zero), _zone);

    /// <summary>
    /// The zone's UTC offset (ticks) for every instant of the local <paramref name="date"/> when it is the same at both
    /// ends of the 52 hours that can hold them, or null on a day near a clock change. (An offset change that reverts
    /// within those 52 hours would be missed; real zones change their offset at most a few times a year, weeks apart.)
    /// </summary>
    private long? SteadyOffset(DateOnly date)
    {
        var offset = OffsetAt(Midnight(date) - MaxOffsetTicks);
        return OffsetAt(Midnight(date) + TicksPerDay + MaxOffsetTicks) == offset ? offset : null;
    }

    /// <summary>The first instant the local time <paramref name="timeOfDay"/> on <paramref name="date"/> occurs.</summary>
    private long Open(DateOnly date, long timeOfDay, long? steadyOffset) => steadyOffset is { } offset
        ? Midnight(date) + timeOfDay - offset
        : ToInstant(new DateTime(Midnight(date) + timeOfDay), first: true);

    /// <summary>The last instant the local time <paramref name="timeOfDay"/> on <paramref name="date"/> occurs.</summary>
    private long Close(DateOnly date, long timeOfDay, long? steadyOffset) => steadyOffset is { } offset
        ? Midnight(date) + timeOfDay - offset
        : ToInstant(new DateTime(Midnight(date) + timeOfDay), first: false);

    private long ToInstant(DateTime local, bool first)
    {
        if (_zone.IsInvalidTime(local))
        {
            return FirstValidAfterGap(local);
        }

        if (_zone.IsAmbiguousTime(local))
        {
            var offsets = _zone.GetAmbiguousTimeOffsets(local);
            return local.Ticks - (first ? offsets.Max() : offsets.Min()).Ticks;
        }

        return local.Ticks - _zone.GetUtcOffset(local).Ticks;
    }

    /// <summary>A local time the clocks skip forward over begins at the first valid local minute after the gap.</summary>
    private long FirstValidAfterGap(DateTime local)
    {
        var candidate = new DateTime(local.Ticks - (local.Ticks % TicksPerMinute));
        for (var i = 0; i < 2 * 24 * 60; i++)
        {
            candidate = candidate.AddMinutes(1);
            if (!_zone.IsInvalidTime(candidate))
            {
                return candidate.Ticks - _zone.GetUtcOffset(candidate).Ticks;
            }
        }

        throw new InvalidOperationException($"Time zone '{_zone.Id}' skips more than two days after {local:yyyy-MM-dd HH:mm}.");
    }

    private readonly record struct LocalRange(long Start, long End);
}
