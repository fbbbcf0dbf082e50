using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Smarketing.IntegrationTests.Api;

/// <summary>
/// A hash of every row of every table of a SQLite file, table by table, so a test can tell that a request wrote
/// nothing. API keys are left out: every authenticated call stamps its key's last use, by design.
/// </summary>
internal static class DatabaseFingerprint
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { "ApiKeys" };

    public static async Task<Dictionary<string, string>> TakeAsync(string databasePath, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var fingerprint = new Dictionary<string, string>();
        foreach (var table in tables.Where(t => !Ignored.Contains(t)))
        {
            await using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await rows.ExecuteReaderAsync(ct);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var count = 0;
            while (await reader.ReadAsync(ct))
            {
                count++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "\u2400" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u241F"));
                }
            }

            fingerprint[table] = $"{count} rows, {Convert.ToHexString(hash.GetHashAndReset())[..16]}";
        }

        return fingerprint;
    }

    /// <summary>The tables whose rows differ between two fingerprints.</summary>
    public static IEnumerable<string> Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t} ({before.GetValueOrDefault(t) ?? "absent"} -> {after.GetValueOrDefault(t) ?? "absent"})");
}
