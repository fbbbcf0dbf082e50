using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Smarketing.Application;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;
using Smarketing.Infrastructure;
using Smarketing.Infrastructure.Demo;
using Smarketing.Infrastructure.Identity;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Benchmarks;

/// <summary>
/// A large SQLite database for the report benchmarks, written once and kept under the benchmark's artifacts folder
/// (BenchmarkDotNet.Artifacts/data, ignored by git). The schema is the real one: the app's own start-up
/// (<see cref="DatabaseInitializer"/>: migrations, roles, the demo users, the demo agreement and its 320 demo leads)
/// runs against the file first; then the bulk leads are generated through the domain (qualification, the Lead state
/// machine, <see cref="SlaTimekeeper"/> for the timers) and written with raw prepared inserts in one transaction,
/// column names and value conversions taken from the EF model. A file is only renamed into place when complete.
/// </summary>
public static class ReportDatabase
{
    /// <summary>The benchmark's "now": a Monday, 12:00 in New York. Leads are spread over the two years before it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 17, 0, 0, TimeSpan.Zero);

    public const int HistoryDays = 728;
    public const int RepCount = 40;
    public static readonly string[] Teams = ["East", "West", "North", "South", "Central"];

    public static string DataFolder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("SMARKETING_BENCH_DATA");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            // BenchmarkDotNet runs each benchmark in a generated project under bin/; the repository is found from there.
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Smarketing.sln")))
                {
                    return Path.Combine(dir.FullName, "tests", "Smarketing.Benchmarks", "BenchmarkDotNet.Artifacts", "data");
                }
            }

            return Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "data");
        }
    }

    public static string PathFor(int leads) => Path.Combine(DataFolder, $"reports-{leads}.db");

    /// <summary>The path of a complete database with <paramref name="leads"/> bulk leads, seeding it first if it is not there.</summary>
    public static string Ensure(int leads, TextWriter log)
    {
        var path = PathFor(leads);
        if (File.Exists(path))
        {
            log.WriteLine($"// Reusing {path} ({new FileInfo(path).Length / 1_048_576} MiB)");
            if (Environment.GetEnvironmentVariable("SMARKETING_BENCH_SKIP_MIGRATE") != "1")
            {
                MigrateAsync(path, log).GetAwaiter().GetResult();
            }

            return path;
        }

        Directory.CreateDirectory(DataFolder);
        var temp = path + ".partial";
        foreach (var stale in new[] { temp, temp + "-wal", temp + "-shm" })
        {
            File.Delete(stale);
        }

        SeedAsync(temp, leads, log).GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        File.Move(temp, path);
        return path;
    }

    /// <summary>The app's services (AddApplication + AddInfrastructure) against <paramref name="path"/>, with a fixed clock and a Leadership caller.</summary>
    public static ServiceProvider Services(string path, bool demoSeed = false, bool logSql = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Smarketing"] = $"Data Source={path}",
            ["Database:Provider"] = "Sqlite",
            ["Demo:Seed"] = demoSeed ? "true" : "false",
            ["Sla:Monitor"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Warning).AddConsole();
            if (logSql)
            {
                b.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            }
        });
        services.AddDataProtection();
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        return services.BuildServiceProvider();
    }

    /// <summary>A scope whose caller is a Leadership user, as a report request from leadership would have.</summary>
    public static AsyncServiceScope LeadershipScope(IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "benchmark"), new Claim(ClaimTypes.Email, "leadership@demo.test"), new Claim(ClaimTypes.Role, Roles.Leadership)],
            "Benchmark");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = new ClaimsPrincipal(identity);
        return scope;
    }

    /// <summary>A cached file gets the migrations added since it was seeded, as the app would apply them at start-up.</summary>
    private static async Task MigrateAsync(string path, TextWriter log)
    {
        await using var services = Services(path);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmarketingDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            var watch = Stopwatch.StartNew();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            log.WriteLine($"// Applied {string.Join(", ", pending)} in {watch.Elapsed.TotalSeconds:0.0} s");
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task SeedAsync(string path, int count, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        await using (var services = Services(path, demoSeed: true))
        {
            await services.InitializeDatabaseAsync();
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var reps = new List<Actor>();
            foreach (var email in new[] { "rep1@demo.test", "rep2@demo.test", "rep3@demo.test" })
            {
                reps.Add(new Actor((await users.FindByEmailAsync(email))!.Id, email));
            }

            for (var i = reps.Count + 1; i <= RepCount; i++)
            {
                var email = $"rep{i}@bench.test";
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Rep {i}", Team = Teams[i % Teams.Length] };
                Check((await users.CreateAsync(user)).Succeeded, email);
                Check((await users.AddToRoleAsync(user, Roles.SalesRep)).Succeeded, email);
                reps.Add(new Actor(user.Id, email));
            }

            var marketing = await users.FindByEmailAsync("marketing@demo.test");
            var db = scope.ServiceProvider.GetRequiredService<SmarketingDbContext>();
            log.WriteLine($"// {path}: schema, demo data and {RepCount} reps in {watch.Elapsed.TotalSeconds:0.0} s; writing {count:N0} leads...");
            await BulkLeadsAsync(db, path, count, new Actor(marketing!.Id, marketing.Email!), reps, log, watch);
        }

        log.WriteLine($"// {path}: done in {watch.Elapsed.TotalSeconds:0.0} s, {new FileInfo(path).Length / 1_048_576} MiB");
    }

    private static async Task BulkLeadsAsync(SmarketingDbContext db, string path, int count, Actor marketing, IReadOnlyList<Actor> reps, TextWriter log, Stopwatch watch)
    {
        var agreement = DemoAgreement.Version1();
        var nextEventId = (await db.LeadEvents.MaxAsync(e => (long?)e.Id) ?? 0) + 1;
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        foreach (var pragma in new[] { "PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF", "PRAGMA cache_size=-1048576", "PRAGMA temp_store=MEMORY" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragma;
            log.WriteLine($"//   {pragma}: {await command.ExecuteScalarAsync()}");
        }

        await using (var transaction = connection.BeginTransaction())
        {
            var leadInsert = new Insert<Lead>(db, connection, transaction);
            var eventInsert = new Insert<LeadEvent>(db, connection, transaction);
            var timerInsert = new Insert<SlaTimer>(db, connection, transaction);
            var random = new Random(20261130);
            long rows = 0;
            for (var i = 0; i < count; i++)
            {
                var lead = LeadGenerator.Create(i, random, agreement, marketing, reps);
                leadInsert.Write(lead);
                foreach (var e in lead.Events)
                {
                    e.Id = nextEventId++;
                    eventInsert.Write(e);
                }

                var timers = SlaTimekeeper.Compute(lead, lead.Events, _ => agreement, Now);
                foreach (var timer in timers)
                {
                    timer.AtRiskNotifiedAt = timer.AtRiskAt <= Now ? timer.AtRiskAt : null;
                    timer.BreachNotifiedAt = timer.DueAt <= Now && timer.StoppedAt is null ? timer.DueAt : null;
                    timerInsert.Write(timer);
                }

                rows += 1 + lead.Events.Count + timers.Count;
                if ((i + 1) % 100_000 == 0)
                {
                    log.WriteLine($"//   {i + 1:N0} leads, {rows:N0} rows, {watch.Elapsed.TotalSeconds:0} s");
                }
            }

            await transaction.CommitAsync();
            log.WriteLine($"//   {count:N0} leads, {rows:N0} rows (leads + events + timers) committed at {watch.Elapsed.TotalSeconds:0} s");
        }

        foreach (var sql in new[] { "PRAGMA journal_mode=WAL", "ANALYZE" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Could not create {what}.");
        }
    }

    /// <summary>One prepared INSERT for an entity type, built from the EF model: its table, its columns, each column's converter.</summary>
    private sealed class Insert<T>
        where T : class
    {
        private readonly SqliteCommand _command;
        private readonly (IProperty Property, SqliteParameter Parameter, Func<object?, object?> ToProvider)[] _columns;

        public Insert(DbContext db, SqliteConnection connection, SqliteTransaction transaction)
        {
            var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            var properties = entity.GetProperties().ToList();
            if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            {
                throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property; the bulk insert can't read it.");
            }

            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            _command.CommandText =
                $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) " +
                $"VALUES ({string.Join(", ", properties.Select((_, i) => $"$p{i}"))})";
            _columns = properties.Select((p, i) =>
            {
                var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();
                var parameter = (SqliteParameter)mapping.CreateParameter(_command, $"$p{i}", null, nullable: true);
                _command.Parameters.Add(parameter);
                var converter = mapping.Converter;
                Func<object?, object?> toProvider = converter is null ? v => v : v => v is null ? null : converter.ConvertToProvider(v);
                return (p, parameter, toProvider);
            }).ToArray();
            _command.Prepare();
        }

        public void Write(T row)
        {
            foreach (var (property, parameter, toProvider) in _columns)
            {
                parameter.Value = toProvider(property.GetGetter().GetClrValue(row)) ?? DBNull.Value;
            }

            _command.ExecuteNonQuery();
        }
    }
}
