namespace Smarketing.Tests.Shared;

/// <summary>
/// A clock that stands still until a test moves it (Microsoft.Extensions.TimeProvider.Testing is not in the feed).
/// Timers and timestamps are the system's; only "now" is fixed.
/// </summary>
public sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _utcNow = utcNow.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _utcNow;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _utcNow += by;
        }
    }
}
