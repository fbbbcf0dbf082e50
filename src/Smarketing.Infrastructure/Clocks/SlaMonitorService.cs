using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smarketing.Application.Clocks;

namespace Smarketing.Infrastructure.Clocks;

/// <summary>
/// Runs the SLA monitor: sleeps until the next at-risk or due moment (or until a lead change wakes it), handles
/// what is due, and starts over. On start-up it first catches up on whatever fell due while the app was down.
/// </summary>
internal sealed class SlaMonitorService(IServiceScopeFactory scopes, SlaMonitorSignal signal, TimeProvider clock, ILogger<SlaMonitorService> logger) : BackgroundService
{
    // A safety net only: the monitor wakes at the next due moment or when a timer changes, not on this period.
    private static readonly TimeSpan LongestSleep = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var monitor = scope.ServiceProvider.GetRequiredService<SlaMonitor>();
                var changed = await monitor.ProcessAsync(stoppingToken);
                if (changed > 0)
                {
                    logger.LogInformation("SLA monitor marked {Count} timers at risk or breached.", changed);
                }

                var next = await monitor.NextWakeAsync(stoppingToken);
                sleep = next is { } at ? at - clock.GetUtcNow() : LongestSleep;
                sleep = sleep < TimeSpan.Zero ? TimeSpan.Zero : sleep > LongestSleep ? LongestSleep : sleep;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "SLA monitor failed; trying again in a minute.");
                sleep = TimeSpan.FromMinutes(1);
            }

            try
            {
                // Wakes at the due moment, or earlier when a lead's timers change.
                await signal.WaitAsync(sleep + TimeSpan.FromMilliseconds(50), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
