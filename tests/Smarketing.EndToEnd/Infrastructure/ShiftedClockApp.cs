using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Smarketing.Application.Clocks;

namespace Smarketing.EndToEnd.Infrastructure;

/// <summary>
/// A second Smarketing, on its own port and database, whose clock a test can move forward: business hours pass in
/// a second, so an SLA clock can be watched turning at risk in the browser. The SLA monitor runs as in production;
/// after moving the clock the test wakes it, as its own sleep would have at that moment.
/// </summary>
public sealed class ShiftedClockApp : SmarketingApp
{
    public ShiftableClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);

        // Sessions keep real time: a jump of a night and a morning would otherwise expire the test's own sign-in
        // cookie (8 hours), and which tests jumped that far would depend on the hour the suite runs.
        services.PostConfigureAll<CookieAuthenticationOptions>(options => options.TimeProvider = TimeProvider.System);
        services.PostConfigureAll<SecurityStampValidatorOptions>(options => options.TimeProvider = TimeProvider.System);
    }

    /// <summary>Moves the app's clock to <paramref name="instant"/> and wakes the SLA monitor.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        Clock.MoveTo(instant);
        Services.GetRequiredService<SlaMonitorSignal>().Wake();
    }
}

/// <summary>The system clock plus an offset that only grows: time keeps running, and a test can jump ahead.</summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void MoveTo(DateTimeOffset instant)
    {
        var by = instant - GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            Interlocked.Add(ref _offsetTicks, by.Ticks);
        }
    }
}
