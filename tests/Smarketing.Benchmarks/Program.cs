using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Smarketing.Benchmarks;

// See docs/performance.md for the commands and the figures.
//   dotnet run -c Release --project tests/Smarketing.Benchmarks -- --filter '*BusinessTime*' '*Qualification*' --job short --inProcess
//   dotnet run -c Release --project tests/Smarketing.Benchmarks -- seed 100000 1000000
//   dotnet run -c Release --project tests/Smarketing.Benchmarks -- --filter '*ReportBenchmarks*' --job reports
//   dotnet run -c Release --project tests/Smarketing.Benchmarks -- --filter '*CsvImportBenchmarks*' --job import
//   dotnet run -c Release --project tests/Smarketing.Benchmarks -- import-trace   (one CSV import, with the time of each step)
//   scripts/bench-intake.sh   (runs "intake <baseUrl> <seconds> <connections> <batchConnections> <batchSize>" against a Release app)
if (args.Length > 0 && args[0] == "intake")
{
    return await IntakeLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "import-trace")
{
    return await CsvImportBenchmarks.TraceAsync(Console.Out);
}

if (args.Length > 0 && args[0] == "seed")
{
    foreach (var size in args.Skip(1).Select(int.Parse))
    {
        ReportDatabase.Ensure(size, Console.Out);
    }

    return 0;
}

// "trace <size>": each report once, with the SQL it sends and its wall time (for EXPLAIN QUERY PLAN).
if (args.Length > 1 && args[0] == "trace")
{
    await ReportTrace.RunAsync(int.Parse(args[1]), args.Skip(2).ToArray());
    return 0;
}

var artifacts = Path.GetDirectoryName(ReportDatabase.DataFolder)!;
var config = DefaultConfig.Instance
    .WithArtifactsPath(artifacts)
    .AddColumn(StatisticColumn.P95);

// "--job reports": one call per iteration, so P95 is over single calls; few iterations keep the run short.
var rest = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--job" && i + 1 < args.Length && args[i + 1] == "reports")
    {
        config = config.AddJob(Job.Default.WithId("reports").WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(10)
            .WithInvocationCount(1).WithUnrollFactor(1).WithToolchain(InProcessEmitToolchain.Instance));
        i++;
        continue;
    }

    // "--job import": one 100,000-row import per iteration, each on a fresh database file; no warm-up (an import is
    // minutes long, so JIT time is noise), three iterations.
    if (args[i] == "--job" && i + 1 < args.Length && args[i + 1] == "import")
    {
        config = config.AddJob(Job.Default.WithId("import").WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(3)
            .WithInvocationCount(1).WithUnrollFactor(1).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true)));
        i++;
        continue;
    }

    rest.Add(args[i]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest], config);
return 0;

/// <summary>Entry point.</summary>
public partial class Program;
