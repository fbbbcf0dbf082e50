using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Smarketing.IntegrationTests.Persistence;

/// <summary>
/// The app killed with SIGKILL (no shutdown, no flush) while reps claim, contact and accept leads as fast as they can:
/// the database file is intact, every move the app confirmed is stored, every stored move has its event, and each
/// hand-off has its clocks exactly once. The app runs as its own process, as in production, on a real SQLite file.
/// </summary>
public sealed class CrashTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("smarketing-crash-").FullName;

    private string DatabaseFile => Path.Combine(_folder, "crash.db");

    [Fact]
    public async Task Killing_the_app_in_a_burst_of_moves_loses_nothing_it_confirmed_and_no_clock_is_lost_or_doubled()
    {
        var leads = await PrepareHandedOffLeadsAsync(60);
        var confirmed = new ConcurrentBag<(Guid Lead, string Move)>();

        await using (var app = await AppProcess.StartAsync(DatabaseFile))
        {
            using var burst = new CancellationTokenSource();
            var reps = new[] { "demo-rep1", "demo-rep2", "demo-rep3" }
                .Select((key, i) => Task.Run(() => WorkLeadsAsync(app.Client(key), leads.Skip(i).Where((_, n) => n % 3 == 0).ToList(), confirmed, burst.Token)))
                .ToList();

            var started = Stopwatch.StartNew();
            while (confirmed.Count < 40 && started.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20, Ct);
            }

            app.Kill();
            await burst.CancelAsync();
            await Task.WhenAll(reps.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        confirmed.Count.ShouldBeGreaterThanOrEqualTo(40, "the burst was under way when the app was killed");
        await using var db = await OpenAsync();
        (await ScalarAsync(db, "PRAGMA integrity_check")).ShouldBe("ok");

        var problems = new List<string>();
        foreach (var (lead, move) in confirmed)
        {
            var column = move switch { "claim" => "ClaimedAt", "contact" => "FirstContactAt", _ => "AcceptedAt" };
            if (await ScalarAsync(db, $"SELECT \"{column}\" IS NOT NULL FROM \"Leads\" WHERE upper(\"Id\") = upper('{lead}')") != "1")
            {
                problems.Add($"lead {lead}: the {move} was confirmed but is not stored");
            }
        }

        problems.AddRange(await InconsistenciesAsync(db));
        problems.ShouldBeEmpty();

        // The app starts again on the file it was killed on, and answers for the leads it was working.
        await using var again = await AppProcess.StartAsync(DatabaseFile);
        var sla = await again.Client("demo-marketing").GetAsync($"/api/v1/leads/{leads[0]}/sla", Ct);
        sla.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await InconsistenciesAsync(db)).ShouldBeEmpty();
    }

    // Each rep works through their leads: claim, log a connected call, accept; each confirmed move is noted.
    private static async Task WorkLeadsAsync(HttpClient rep, List<Guid> leads, ConcurrentBag<(Guid, string)> confirmed, CancellationToken stop)
    {
        foreach (var lead in leads)
        {
            foreach (var (move, path, body) in new[]
                     {
                         ("claim", "claim", "{}"),
                         ("contact", "contacts", "{\"channel\":\"Phone\",\"outcome\":\"Connected\",\"note\":\"crash test\"}"),
                         ("accept", "accept", "{}"),
                     })
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await rep.PostAsync($"/api/v1/leads/{lead}/{path}", content, stop);
                if (!response.IsSuccessStatusCode)
                {
                    break;
                }

                confirmed.Add((lead, move));
            }
        }
    }

    private async Task<List<Guid>> PrepareHandedOffLeadsAsync(int count)
    {
        await using var app = await AppProcess.StartAsync(DatabaseFile);
        var marketing = app.Client("demo-marketing");
        var run = Guid.NewGuid().ToString("N")[..8];
        var items = Enumerable.Range(0, count).Select(i => new
        {
            externalId = $"crash-{run}-{i}",
            email = $"crash.{run}.{i}@example.test",
            firstName = "Casey",
            lastName = $"Crash{i}",
            company = "Northwind",
            title = "IT Director",
            companySize = 500,
            industry = "Software",
            country = "US",
            source = "Demo request",
            campaign = "Crash test",
            engagementScore = 50,
        }).ToList();
        using var created = await marketing.PostAsJsonAsync("/api/v1/leads/batch", items, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync(Ct));
        var ids = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("results")
            .EnumerateArray().Select(r => r.GetProperty("lead").GetProperty("id").GetGuid()).ToList();

        foreach (var id in ids)
        {
            using var handOff = await marketing.PostAsJsonAsync($"/api/v1/leads/{id}/handoff", new { overrideReason = "Crash test: hand off whatever the grade" }, Ct);
            handOff.StatusCode.ShouldBe(HttpStatusCode.OK, await handOff.Content.ReadAsStringAsync(Ct));
        }

        return ids;
    }

    /// <summary>Every way the stored leads, events and clocks could disagree after a crash, in words.</summary>
    private static async Task<List<string>> InconsistenciesAsync(SqliteConnection db)
    {
        var problems = new List<string>();
        async Task Expect(string what, string sql)
        {
            var found = await ScalarAsync(db, $"SELECT count(*) FROM ({sql})");
            if (found != "0")
            {
                problems.Add($"{found} {what}");
            }
        }

        const string crashLeads = "SELECT * FROM \"Leads\" WHERE \"Email\" LIKE 'crash.%'";
        await Expect("leads claimed without a claim event", $"SELECT l.\"Id\" FROM ({crashLeads}) l WHERE l.\"ClaimedAt\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"LeadEvents\" e WHERE e.\"LeadId\" = l.\"Id\" AND e.\"Type\" = 'Claimed')");
        await Expect("claim events without a claimed lead", $"SELECT l.\"Id\" FROM ({crashLeads}) l WHERE l.\"ClaimedAt\" IS NULL AND EXISTS (SELECT 1 FROM \"LeadEvents\" e WHERE e.\"LeadId\" = l.\"Id\" AND e.\"Type\" = 'Claimed')");
        await Expect("leads contacted without a contact event", $"SELECT l.\"Id\" FROM ({crashLeads}) l WHERE l.\"FirstContactAt\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"LeadEvents\" e WHERE e.\"LeadId\" = l.\"Id\" AND e.\"Type\" = 'ContactAttempt')");
        await Expect("leads whose contact count differs from their contact events", $"SELECT l.\"Id\" FROM ({crashLeads}) l WHERE l.\"ContactAttempts\" <> (SELECT count(*) FROM \"LeadEvents\" e WHERE e.\"LeadId\" = l.\"Id\" AND e.\"Type\" = 'ContactAttempt')");
        await Expect("leads accepted without an accept event", $"SELECT l.\"Id\" FROM ({crashLeads}) l WHERE l.\"AcceptedAt\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"LeadEvents\" e WHERE e.\"LeadId\" = l.\"Id\" AND e.\"Type\" = 'Accepted')");
        await Expect("handed-off leads without a first-contact clock", $"SELECT l.\"Id\" FROM ({crashLeads}) l WHERE l.\"HandedOffAt\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"SlaTimers\" t WHERE t.\"LeadId\" = l.\"Id\" AND t.\"Kind\" = 'FirstContact')");
        await Expect("clocks doubled", "SELECT \"LeadId\" FROM \"SlaTimers\" GROUP BY \"LeadId\", \"Cycle\", \"Kind\" HAVING count(*) > 1");
        await Expect("first-contact clocks still running for a contacted lead", $"SELECT l.\"Id\" FROM ({crashLeads}) l JOIN \"SlaTimers\" t ON t.\"LeadId\" = l.\"Id\" AND t.\"Kind\" = 'FirstContact' WHERE l.\"FirstContactAt\" IS NOT NULL AND t.\"StoppedAt\" IS NULL");
        await Expect("first-contact clocks stopped for a lead never contacted", $"SELECT l.\"Id\" FROM ({crashLeads}) l JOIN \"SlaTimers\" t ON t.\"LeadId\" = l.\"Id\" AND t.\"Kind\" = 'FirstContact' WHERE l.\"FirstContactAt\" IS NULL AND t.\"StoppedAt\" IS NOT NULL AND t.\"Status\" <> 'Breached'");
        return problems;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var db = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await db.OpenAsync(Ct);
        return db;
    }

    private static async Task<string> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the killed process's last moments; the temporary folder is left behind.
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The built app (Smarketing.Web.dll beside the tests) started with `dotnet`, in Development for the demo keys.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Uri _address;

        private AppProcess(Process process, Uri address)
        {
            _process = process;
            _address = address;
        }

        public static async Task<AppProcess> StartAsync(string databaseFile)
        {
            var port = FreePort();
            var info = new ProcessStartInfo("dotnet", ["Smarketing.Web.dll", "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            info.Environment["ConnectionStrings__Smarketing"] = $"Data Source={databaseFile}";
            info.Environment["RateLimiting__ApiRequestsPerMinute"] = "0";
            info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
            using var probe = new HttpClient { BaseAddress = app._address, Timeout = TimeSpan.FromSeconds(5) };
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromMinutes(3))
            {
                process.HasExited.ShouldBeFalse($"the app stopped during start-up with exit code {(process.HasExited ? process.ExitCode : 0)}");
                try
                {
                    if ((await probe.GetAsync("/health", Ct)).IsSuccessStatusCode)
                    {
                        return app;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException) when (!Ct.IsCancellationRequested)
                {
                    // Busy starting.
                }

                await Task.Delay(250, Ct);
            }

            app.Kill();
            throw new TimeoutException("The app did not answer /health within 3 minutes.");
        }

        public HttpClient Client(string key)
        {
            var client = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            return client;
        }

        /// <summary>SIGKILL: the process ends at once, with no chance to finish a write or close the database.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        public ValueTask DisposeAsync()
        {
            Kill();
            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
