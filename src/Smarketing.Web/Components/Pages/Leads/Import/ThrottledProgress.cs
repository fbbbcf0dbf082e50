using Smarketing.Application.Leads;

namespace Smarketing.Web.Components.Pages.Leads.Import;

/// <summary>
/// Progress from a run on a worker thread, passed to the page at most every <paramref name="interval"/> (and always
/// when a step changes or ends), so a 100,000-row import sends the browser a few updates a second, not thousands.
/// </summary>
internal sealed class ThrottledProgress(Func<IntakeProgress, Task> show, TimeSpan interval, TimeProvider clock) : IProgress<IntakeProgress>
{
    private readonly Lock _gate = new();
    private long _shownAt = long.MinValue;
    private string? _step;

    public void Report(IntakeProgress value)
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            var due = _shownAt == long.MinValue || _step != value.Step || value.Done >= value.Of || clock.GetElapsedTime(_shownAt, now) >= interval;
            if (!due)
            {
                return;
            }

            _shownAt = now;
            _step = value.Step;
        }

        _ = show(value);
    }
}
