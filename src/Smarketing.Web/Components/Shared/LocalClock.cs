using System.Globalization;

namespace Smarketing.Web.Components.Shared;

/// <summary>
/// Times as the viewer reads them: in the time zone they chose in their preferences, else the agreement calendar's
/// zone (see <see cref="LocalTimes"/>). UTC only when that is what the person picked.
/// </summary>
public sealed class LocalClock(TimeZoneInfo zone)
{
    public static LocalClock Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; } = zone;

    public string ZoneName => Zone == TimeZoneInfo.Utc ? "UTC" : Zone.Id;

    public DateTime ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    /// <summary>A wall-clock time typed by the viewer (a datetime-local input), as an instant.</summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            // A time skipped by a daylight-saving change: take the same wall time an hour later.
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    public string When(DateTimeOffset at) => ToLocal(at).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public string When(DateTimeOffset? at, string none = "-") => at is { } value ? When(value) : none;

    /// <summary>A time with its zone named, for the places that show a single time rather than a table of them.</summary>
    public string WhenInZone(DateTimeOffset at) => $"{When(at)} ({ZoneName})";

    /// <summary>Day and time without the year, for recent things such as notifications.</summary>
    public string Recent(DateTimeOffset at) => ToLocal(at).ToString("d MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Weekday, day and time, for deadlines a person plans the coming days around.</summary>
    public string Due(DateTimeOffset at) => ToLocal(at).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The time of day alone, for something that happened moments ago.</summary>
    public string TimeOfDay(DateTimeOffset at) => ToLocal(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    public string Date(DateTimeOffset at) => ToLocal(at).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
