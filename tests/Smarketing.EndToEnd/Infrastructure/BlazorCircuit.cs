using System.Text;
using Microsoft.Playwright;

namespace Smarketing.EndToEnd.Infrastructure;

/// <summary>
/// Knows when a page's Blazor Server circuit has rendered. A prerendered page looks ready before its
/// circuit is up, and a click then does nothing; so the tests wait until the browser has applied a render
/// batch from the server (it then sends "OnRenderCompleted" over the circuit's WebSocket).
/// </summary>
internal sealed class BlazorCircuit
{
    private static readonly byte[] _renderCompleted = Encoding.ASCII.GetBytes("OnRenderCompleted");

    private readonly Lock _gate = new();
    private readonly List<(Func<bool> Ready, TaskCompletionSource Done)> _waiters = [];
    private int _socketsOpened;
    private int _newestSocketThatRendered;
    private int _rendersApplied;
    private long _lastRenderAt;

    public BlazorCircuit(IPage page)
    {
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                return;
            }

            int number;
            lock (_gate)
            {
                number = ++_socketsOpened;
            }

            socket.FrameSent += (_, frame) =>
            {
                if (IsRenderCompleted(frame))
                {
                    OnRenderApplied(number);
                }
            };
        };
    }

    /// <summary>Where the page is now: how many circuits it has opened and how many render batches it has applied.</summary>
    public (int SocketsOpened, int RendersApplied) Position
    {
        get
        {
            lock (_gate)
            {
                return (_socketsOpened, _rendersApplied);
            }
        }
    }

    /// <summary>After a page load: waits until a circuit opened after <paramref name="before"/> has rendered.</summary>
    public Task WaitForNewCircuitAsync((int SocketsOpened, int RendersApplied) before, string what) =>
        WaitAsync(() => _newestSocketThatRendered > before.SocketsOpened, what);

    /// <summary>
    /// Waits until no render batch has arrived for <paramref name="quiet"/> (at most 10 s): a page that loads in steps
    /// (the layout, then the page's data, then the time zone a wrapper fetches) can replace a button between the
    /// moment a test finds it and the moment it clicks; once the batches stop, the buttons on screen are the live ones.
    /// </summary>
    public async Task WaitUntilQuietAsync(TimeSpan quiet)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (Environment.TickCount64 < deadline)
        {
            long since;
            lock (_gate)
            {
                since = Environment.TickCount64 - _lastRenderAt;
            }

            if (since >= quiet.TotalMilliseconds)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(quiet.TotalMilliseconds - since));
        }
    }

    private async Task WaitAsync(Func<bool> ready, string what)
    {
        Task done;
        lock (_gate)
        {
            if (ready())
            {
                return;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((ready, waiter));
            done = waiter.Task;
        }

        var limit = TimeSpan.FromSeconds(30);
        if (await Task.WhenAny(done, Task.Delay(limit)) != done)
        {
            throw new TimeoutException(
                $"{what}: the page's Blazor circuit did not render within {limit.TotalSeconds:0} s. " +
                "Is the page interactive at all (the account pages are static)? Is _framework/blazor.web.js served, " +
                "and does the circuit connect (see the browser errors in the test output)?");
        }
    }

    private void OnRenderApplied(int socket)
    {
        List<TaskCompletionSource> ready;
        lock (_gate)
        {
            _rendersApplied++;
            _lastRenderAt = Environment.TickCount64;
            _newestSocketThatRendered = Math.Max(_newestSocketThatRendered, socket);
            ready = [.. _waiters.Where(w => w.Ready()).Select(w => w.Done)];
            _waiters.RemoveAll(w => ready.Contains(w.Done));
        }

        foreach (var waiter in ready)
        {
            waiter.TrySetResult();
        }
    }

    private static bool IsRenderCompleted(IWebSocketFrame frame) =>
        frame.Binary is { } bytes
            ? bytes.AsSpan().IndexOf(_renderCompleted) >= 0
            : frame.Text?.Contains("OnRenderCompleted", StringComparison.Ordinal) == true;
}
