using System.Diagnostics;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Leads;
using Smarketing.Application.Leads.Import;
using Smarketing.Domain.Common;
using Smarketing.Infrastructure.Identity;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Benchmarks;

/// <summary>
/// A marketing manager's CSV import of 100,000 rows (<see cref="CsvImportFile"/>) through <see cref="LeadCsvImport"/>
/// into a fresh copy of a migrated demo database (read, preview, import, as the page goes), beside an in-run reference:
/// the same rows' cells inserted with one prepared INSERT into a bare table of a fresh file, in one transaction.
/// Run with <c>--job import</c> (one import per iteration); <see cref="TraceAsync"/> ("import-trace") times each step
/// of one import. See Program.cs and docs/performance.md, "CSV import".
/// </summary>
public class CsvImportBenchmarks
{
    public const int Rows = LeadImportLimits.MaxRows;

    private string _template = "";
    private string _path = "";
    private string _marketingId = "";
    private byte[] _file = [];
    private List<string[]> _cells = [];
    private ServiceProvider? _services;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(ReportDatabase.DataFolder);
        _template = Path.Combine(ReportDatabase.DataFolder, "import-template.db");
        Delete(_template);
        using (var services = ReportDatabase.Services(_template, demoSeed: true))
        {
            services.InitializeDatabaseAsync().GetAwaiter().GetResult();
            using var scope = services.CreateScope();
            _marketingId = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("marketing@demo.test").GetAwaiter().GetResult()!.Id;
            var db = scope.ServiceProvider.GetRequiredService<SmarketingDbContext>();
            var stored = db.Leads.AsNoTracking().Select(l => l.Email).OrderBy(e => e).Take(100).ToList();
            (_file, _cells) = CsvImportFile.Generate(Rows, stored);
            db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        SqliteConnection.ClearAllPools();
    }

    [IterationSetup]
    public void FreshFile() => Fresh();

    [IterationCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        _services = null;
        SqliteConnection.ClearAllPools();
        Delete(_path);
    }

    [Benchmark(Description = "read + preview + import, 100,000 rows")]
    public async Task<LeadImportSummary> ReadPreviewAndImport() => await ImportAsync(await PreviewAsync(await ReadAsync()));

    [Benchmark(Baseline = true, Description = "reference: the same cells, prepared INSERTs into a bare table")]
    public int ReferenceRawInserts()
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = $"CREATE TABLE Bare ({string.Join(", ", Enumerable.Range(0, 13).Select(i => $"c{i} TEXT"))})";
        create.ExecuteNonQuery();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO Bare VALUES ({string.Join(", ", Enumerable.Range(0, 13).Select(i => $"$c{i}"))})";
        var parameters = Enumerable.Range(0, 13).Select(i => insert.Parameters.Add($"$c{i}", SqliteType.Text)).ToArray();
        insert.Prepare();
        foreach (var row in _cells)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i];
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return _cells.Count;
    }

    /// <summary>One import with the time of each step and of each of the intake's progress reports, for docs/performance.md.</summary>
    public static async Task<int> TraceAsync(TextWriter log)
    {
        var bench = new CsvImportBenchmarks();
        bench.Setup();
        bench.Fresh();
        try
        {
            var watch = Stopwatch.StartNew();
            var upload = await bench.ReadAsync();
            log.WriteLine($"read the file ({bench._file.Length / 1_048_576.0:0.0} MB, {upload.Table.Rows.Count:N0} rows) and guess the mapping: {watch.Elapsed.TotalSeconds:0.000} s");
            var steps = new Timeline(watch, log);
            var preview = await bench.PreviewAsync(upload, steps);
            log.WriteLine($"preview done: {watch.Elapsed.TotalSeconds:0.000} s ({preview.Count(LeadRowFate.Created):N0} new, {preview.Count(LeadRowFate.Merged):N0} merged, {preview.Rejected:N0} rejected)");
            var summary = await bench.ImportAsync(preview, steps);
            log.WriteLine($"import done: {watch.Elapsed.TotalSeconds:0.000} s ({summary.Created:N0} created, {summary.Updated:N0} updated, {summary.Merged:N0} merged, {summary.Rejected:N0} rejected)");
            bench.Cleanup();
            bench.Fresh();
            var reference = Stopwatch.StartNew();
            bench.ReferenceRawInserts();
            log.WriteLine($"reference, the same cells as prepared INSERTs into a bare table: {reference.Elapsed.TotalSeconds:0.000} s");
            return 0;
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private void Fresh()
    {
        _path = Path.Combine(ReportDatabase.DataFolder, $"import-{Guid.NewGuid():N}.db");
        File.Copy(_template, _path);
        _services = ReportDatabase.Services(_path);
    }

    private async Task<LeadCsvUpload> ReadAsync()
    {
        await using var scope = MarketingScope();
        return (await Import(scope).ReadAsync("hubspot.csv", new MemoryStream(_file), _file.Length)).Value;
    }

    private async Task<LeadImportPreview> PreviewAsync(LeadCsvUpload upload, IProgress<IntakeProgress>? progress = null)
    {
        await using var scope = MarketingScope();
        var preview = await Import(scope).PreviewAsync(upload, upload.Guessed, progress);
        return preview.Succeeded ? preview.Value : throw new InvalidOperationException(preview.Message);
    }

    private async Task<LeadImportSummary> ImportAsync(LeadImportPreview preview, IProgress<IntakeProgress>? progress = null)
    {
        await using var scope = MarketingScope();
        var summary = await Import(scope).ImportAsync(preview, LeadImportMode.ValidRowsOnly, progress);
        return summary.Succeeded ? summary.Value : throw new InvalidOperationException(summary.Message);
    }

    private static LeadCsvImport Import(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<LeadCsvImport>();

    private AsyncServiceScope MarketingScope()
    {
        var scope = _services!.CreateAsyncScope();
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, _marketingId), new Claim(ClaimTypes.Email, "marketing@demo.test"), new Claim(ClaimTypes.Role, Roles.MarketingManager)],
            "Benchmark");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = new ClaimsPrincipal(identity);
        return scope;
    }

    private static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>Prints when each progress step starts and ends, so the trace shows where the time goes inside the intake.</summary>
    private sealed class Timeline(Stopwatch watch, TextWriter log) : IProgress<IntakeProgress>
    {
        private IntakeProgress? _last;

        public void Report(IntakeProgress value)
        {
            if (_last is null || _last.Step != value.Step || value.Done == 0 || value.Done == value.Of)
            {
                log.WriteLine($"  {watch.Elapsed.TotalSeconds,7:0.000} s  {value.Step} {value.Done:N0}/{value.Of:N0}");
            }

            _last = value;
        }
    }
}
