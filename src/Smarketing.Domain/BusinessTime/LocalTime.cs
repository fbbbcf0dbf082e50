namespace Smarketing.Domain.BusinessTime;

public static class LocalTime
{
    public static TimeZoneInfo Zone(string timeZoneId) => TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);

    /// <summary>The instant a local date begins in a time zone (the first valid local minute when midnight is skipped by a clock change).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public static DateOnly DateAt(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// An instant as people on a calendar read it, with the zone named: "Mon 2 Nov 2026 09:00 (America/New_York)".
    /// Invariant, so it reads the same on a server with any culture.
    /// </summary>
    public static string Describe(DateTimeOffset instant, TimeZoneInfo zone) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{TimeZoneInfo.ConvertTime(instant, zone):ddd d MMM yyyy HH:mm} ({zone.Id})");
}
