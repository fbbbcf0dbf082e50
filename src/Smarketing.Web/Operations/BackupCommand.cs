using Smarketing.Infrastructure;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Web.Operations;

/// <summary>
/// <c>Smarketing.Web backup &lt;file&gt;</c>: copies the live SQLite database to a new file while the app keeps
/// serving. It reads the same settings as the app (appsettings, the environment, <c>--Key=value</c> switches), so it
/// backs up the database the app uses. It is run on the server by whoever runs the app; there is no web endpoint for it.
/// </summary>
public static class BackupCommand
{
    public const string Verb = "backup";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("Usage: Smarketing.Web backup <file> [--ConnectionStrings:Smarketing=...]   copies the live SQLite database to <file>.");
            return 2;
        }

        // Only the settings switches go to the configuration: a target such as /backups/x.db would read as a switch.
        var configuration = WebApplication.CreateBuilder(args[2..]).Configuration;
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (provider != "Sqlite")
        {
            await error.WriteLineAsync($"Database:Provider is {provider}: back it up with pg_dump (docs/operations.md, \"Backup and restore\").");
            return 2;
        }

        var connectionString = configuration.GetConnectionString(DependencyInjection.ConnectionStringName) ?? DependencyInjection.DefaultSqliteConnectionString;
        try
        {
            var report = await SqliteBackup.RunAsync(connectionString, args[1], ct);
            await output.WriteLineAsync($"Backed up the database to {report.File} ({report.Bytes:N0} bytes, integrity check ok) in {report.Took.TotalSeconds:0.0} s.");
            return 0;
        }
        catch (BackupFailedException e)
        {
            await error.WriteLineAsync($"Backup failed: {e.Message}");
            return 1;
        }
    }
}
