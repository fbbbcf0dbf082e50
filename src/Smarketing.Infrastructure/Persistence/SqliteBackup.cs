using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Smarketing.Infrastructure.Persistence;

/// <summary>What a backup wrote: the file (which passed SQLite's integrity check), its size and how long it took.</summary>
public sealed record BackupReport(string File, long Bytes, TimeSpan Took);

/// <summary>A backup could not be made; the message says why in plain words.</summary>
public sealed class BackupFailedException(string message) : Exception(message);

/// <summary>
/// An online backup of the SQLite database with SQLite's backup API: the copy is one consistent moment of the database,
/// taken while the app goes on reading and writing (in WAL mode a reader never blocks the writer). The copy is written
/// beside the target, checked with <c>PRAGMA integrity_check</c>, turned into a single self-contained file, and only
/// then given the target's name, so a half-written backup never looks like a good one.
/// </summary>
public static class SqliteBackup
{
    public static Task<BackupReport> RunAsync(string connectionString, string target, CancellationToken ct = default) =>
        Task.Run(() => Run(connectionString, target), ct);

    private static BackupReport Run(string connectionString, string target)
    {
        var watch = Stopwatch.StartNew();
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(source.DataSource) || source.DataSource == ":memory:" || source.Mode == SqliteOpenMode.Memory)
        {
            throw new BackupFailedException("The connection string names no database file to back up.");
        }

        if (!File.Exists(Path.GetFullPath(source.DataSource)))
        {
            throw new BackupFailedException($"There is no database at {Path.GetFullPath(source.DataSource)}; check ConnectionStrings:Smarketing.");
        }

        var file = Path.GetFullPath(target);
        if (File.Exists(file))
        {
            throw new BackupFailedException($"{file} already exists; a backup never overwrites a file. Choose a new name.");
        }

        var partial = file + ".partial";
        DeleteWithSideFiles(partial);
        try
        {
            source.Mode = SqliteOpenMode.ReadWrite;
            source.Pooling = false;
            var copy = new SqliteConnectionStringBuilder { DataSource = partial, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
            using (var from = new SqliteConnection(source.ToString()))
            using (var to = new SqliteConnection(copy))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);
                Check(to);

                // A copy in rollback-journal mode is one file; the app switches it back to WAL when it opens it.
                Execute(to, "PRAGMA journal_mode=DELETE;");
            }

            File.Move(partial, file);
            return new BackupReport(file, new FileInfo(file).Length, watch.Elapsed);
        }
        catch (SqliteException e)
        {
            throw new BackupFailedException($"SQLite could not copy the database: {e.Message}");
        }
        finally
        {
            DeleteWithSideFiles(partial);
        }
    }

    /// <summary>The copy answers SQLite's own integrity check with "ok", or the backup fails.</summary>
    private static void Check(SqliteConnection copy)
    {
        var verdict = Execute(copy, "PRAGMA integrity_check;");
        if (verdict != "ok")
        {
            throw new BackupFailedException($"The copy failed SQLite's integrity check: {verdict}");
        }
    }

    private static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    private static void DeleteWithSideFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }
}
