using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Smarketing.Benchmarks;

/// <summary>
/// A load driver for lead intake over HTTP against a running app (scripts/bench-intake.sh starts one): GET /health as
/// the in-run reference, then single POST /api/v1/leads, then POST /api/v1/leads/batch, each for a fixed duration with
/// a fixed number of concurrent loops. Prints requests/s, leads/s, failures, latency percentiles and the load average.
/// </summary>
internal static class IntakeLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var baseUrl = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5199");
        var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var connections = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16;
        var batchConnections = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 4;
        var batchSize = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        var duration = TimeSpan.FromSeconds(seconds);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(connections, batchConnections) })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromMinutes(2),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", "demo-marketing");
        var run = Guid.NewGuid().ToString("N")[..8];

        Console.WriteLine($"Lead intake load, {DateTimeOffset.UtcNow:u}, {Environment.ProcessorCount} cores, {seconds} s per phase, against {baseUrl}");
        await PhaseAsync("warm-up (single POST, not counted)", TimeSpan.FromSeconds(2), connections, 1, (n, ct) => PostOneAsync(http, $"w{run}", n, ct), print: false);
        var health = await PhaseAsync("GET /health (reference)", duration, connections, 0, (_, ct) => GetHealthAsync(http, ct));
        var single = await PhaseAsync($"POST /api/v1/leads, {connections} connections", duration, connections, 1, (n, ct) => PostOneAsync(http, $"s{run}", n, ct));
        var batch = await PhaseAsync($"POST /api/v1/leads/batch of {batchSize}, {batchConnections} connections", duration, batchConnections, batchSize,
            (n, ct) => PostBatchAsync(http, $"b{run}", n, batchSize, ct));
        var healthAfter = await PhaseAsync("GET /health (reference, again)", duration, connections, 0, (_, ct) => GetHealthAsync(http, ct));
        Console.WriteLine();
        Console.WriteLine($"single POST: {single.LeadsPerSecond:F1} leads/s = {single.LeadsPerSecond / health.RequestsPerSecond:F4} x /health before, {single.LeadsPerSecond / healthAfter.RequestsPerSecond:F4} x after");
        Console.WriteLine($"batch:       {batch.LeadsPerSecond:F1} leads/s");
        return single.Failures + batch.Failures == 0 ? 0 : 1;
    }

    private sealed record Figures(double RequestsPerSecond, double LeadsPerSecond, int Failures);

    private static async Task<Figures> PhaseAsync(string name, TimeSpan duration, int loops, int leadsPerCall, Func<long, CancellationToken, Task<bool>> call, bool print = true)
    {
        var loadBefore = LoadAverage();
        var latencies = new List<double>[loops];
        var failures = 0;
        long sequence = 0;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, loops).Select(loop => Task.Run(async () =>
        {
            var mine = latencies[loop] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await call(Interlocked.Increment(ref sequence), CancellationToken.None);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        var succeeded = all.Count - failures;
        var figures = new Figures(succeeded / elapsed, (double)succeeded * leadsPerCall / elapsed, failures);
        if (print)
        {
            Console.WriteLine(
                $"{name}: {all.Count} calls in {elapsed:F2} s, {failures} failed; {figures.RequestsPerSecond:F1} req/s" +
                (leadsPerCall > 0 ? $", {figures.LeadsPerSecond:F1} leads/s" : "") +
                $"; latency p50 {Percentile(all, 50):F1} ms, p95 {Percentile(all, 95):F1} ms, max {all.LastOrDefault():F1} ms; load average {loadBefore} -> {LoadAverage()}");
        }

        return figures;
    }

    private static double Percentile(List<double> sorted, int p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task<bool> GetHealthAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.GetAsync("/health", ct);
        return response.IsSuccessStatusCode;
    }

    private static async Task<bool> PostOneAsync(HttpClient http, string run, long n, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/leads", Lead(run, n), ct);
        return response.IsSuccessStatusCode;
    }

    private static async Task<bool> PostBatchAsync(HttpClient http, string run, long n, int size, CancellationToken ct)
    {
        var items = Enumerable.Range(0, size).Select(i => Lead(run, (n * size) + i)).ToList();
        using var content = new StringContent(JsonSerializer.Serialize(items, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/api/v1/leads/batch", content, ct);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        return body.RootElement.GetProperty("created").GetInt32() == size;
    }

    private static object Lead(string run, long n) => new
    {
        externalId = $"bench-{run}-{n}",
        email = $"bench.{run}.{n}@example.test",
        firstName = "Ava",
        lastName = "Load",
        company = "Northwind",
        title = n % 3 == 0 ? "IT Director" : "Analyst",
        companySize = 50 + (int)(n % 900),
        industry = "Software",
        country = n % 4 == 0 ? "DE" : "US",
        source = "Demo request",
        campaign = "Q3 webinar series",
        engagementScore = (int)(n % 60),
    };
}
