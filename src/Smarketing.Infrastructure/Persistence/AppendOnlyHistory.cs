using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Smarketing.Infrastructure.Persistence;

/// <summary>
/// SQLite triggers that keep history append-only for every writer, whatever path it takes (EF's change tracker, a
/// bulk ExecuteUpdate, raw SQL, the sqlite3 shell): the same rules as <see cref="Domain.Agreements.AgreementHistory"/>
/// and <see cref="AppendOnlyHistoryInterceptor"/>. They are not part of a migration: the initializer lifts them while
/// migrations run (a migration may rebuild a table) and puts them back at every start (<c>IF NOT EXISTS</c>).
/// </summary>
public static class AppendOnlyHistory
{
    private const string Prefix = "History is append-only: ";

    private static readonly (string Name, string Sql)[] Triggers =
    [
        Refuse("LeadEvents_NeverChange", "UPDATE ON \"LeadEvents\"", null, "a lead event is never changed."),
        Refuse("LeadEvents_NeverDelete", "DELETE ON \"LeadEvents\"", null, "a lead event is never deleted."),
        Refuse("AgreementSectionRevisions_NeverChange", "UPDATE ON \"AgreementSectionRevisions\"", null, "a saved section revision is never changed."),
        Refuse("AgreementSectionRevisions_NeverDelete", "DELETE ON \"AgreementSectionRevisions\"", null, "a saved section revision is never deleted."),
        Refuse("AgreementVersions_AdoptedNeverChange", "UPDATE ON \"AgreementVersions\"", "OLD.\"AdoptedAt\" IS NOT NULL",
            "an adopted agreement version never changes."),
        Refuse("AgreementVersions_SignaturesNeverRewritten", "UPDATE ON \"AgreementVersions\"",
            $"{SignatureRewritten("Marketing")} OR {SignatureRewritten("Sales")}",
            "a signature is never rewritten; only an edit of the draft voids it."),
        Refuse("AgreementVersions_AdoptedOrSignedNeverDelete", "DELETE ON \"AgreementVersions\"",
            "OLD.\"AdoptedAt\" IS NOT NULL OR OLD.\"MarketingSignedBy\" IS NOT NULL OR OLD.\"SalesSignedBy\" IS NOT NULL",
            "an adopted or signed agreement version is never deleted."),
        Refuse("AgreementSections_AdoptedNeverChange", "UPDATE ON \"AgreementSections\"", AdoptedSection,
            "the sections of an adopted agreement version never change."),
        Refuse("AgreementSections_AdoptedNeverDelete", "DELETE ON \"AgreementSections\"", AdoptedSection,
            "the sections of an adopted agreement version are never deleted."),
    ];

    /// <summary>The trigger names, for a check that they are all in place.</summary>
    public static IReadOnlyList<string> TriggerNames { get; } = Triggers.Select(t => t.Name).ToArray();

    private static readonly string[] Drops = Triggers.Select(t => $"DROP TRIGGER IF EXISTS \"{t.Name}\";").ToArray();

    private static string AdoptedSection =>
        "(SELECT \"AdoptedAt\" FROM \"AgreementVersions\" WHERE \"Id\" = OLD.\"VersionId\") IS NOT NULL";

    /// <summary>Creates the triggers that are missing; a no-op on other databases than SQLite.</summary>
    public static async Task InstallAsync(DatabaseFacade database, CancellationToken ct = default)
    {
        if (!database.IsSqlite())
        {
            return;
        }

        foreach (var (_, sql) in Triggers)
        {
            await database.ExecuteSqlRawAsync(sql, ct);
        }
    }

    /// <summary>
    /// Drops the triggers, for migrations (which may rebuild a table or backfill a column) and for a test that rewinds
    /// its database. <see cref="InstallAsync"/> puts them back.
    /// </summary>
    public static async Task RemoveAsync(DatabaseFacade database, CancellationToken ct = default)
    {
        if (!database.IsSqlite())
        {
            return;
        }

        foreach (var drop in Drops)
        {
            await database.ExecuteSqlRawAsync(drop, ct);
        }
    }

    // A signature is kept as signed, or voided whole by an edit (all three columns cleared, the content revision up).
    private static string SignatureRewritten(string department) =>
        $"""
        (OLD."{department}SignedBy" IS NOT NULL
         AND (NEW."{department}SignedBy" IS NOT OLD."{department}SignedBy"
              OR NEW."{department}SignerName" IS NOT OLD."{department}SignerName"
              OR NEW."{department}SignedAt" IS NOT OLD."{department}SignedAt")
         AND NOT (NEW."{department}SignedBy" IS NULL AND NEW."{department}SignerName" IS NULL
                  AND NEW."{department}SignedAt" IS NULL AND NEW."ContentRevision" > OLD."ContentRevision"))
        """;

    private static (string, string) Refuse(string name, string on, string? when, string message) =>
        (name, $"""
            CREATE TRIGGER IF NOT EXISTS "{name}" BEFORE {on}
            {(when is null ? "" : $"WHEN {when}")}
            BEGIN SELECT RAISE(ABORT, '{Prefix}{message}'); END;
            """);
}
