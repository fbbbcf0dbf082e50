using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smarketing.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Rewrites every stored DateTimeOffset from EF's binary form (local wall-clock ticks / 1000, shifted left 11 bits,
    /// with the offset in minutes in the low 11 bits) to UTC ticks (see DateTimeOffsetToUtcTicksConverter). The schema
    /// does not change: the columns stay INTEGER.
    /// </summary>
    public partial class DateTimeOffsetsAsUtcTicks : Migration
    {
        private static readonly (string Table, string[] Columns)[] Instants =
        [
            ("AgreementSections", ["UpdatedAt"]),
            ("AgreementSectionRevisions", ["SavedAt"]),
            ("AgreementVersions", ["AdoptedAt", "CreatedAt", "EffectiveAt", "MarketingSignedAt", "SalesSignedAt", "UpdatedAt"]),
            ("SlaTimers", ["AtRiskAt", "AtRiskNotifiedAt", "BreachNotifiedAt", "DueAt", "StartedAt", "StoppedAt"]),
            ("Leads", ["AcceptedAt", "ClaimedAt", "CreatedAt", "FirstContactAt", "HandedOffAt", "LostAt", "RejectedAt", "SqlAt", "UpdatedAt", "WonAt"]),
            ("LeadEvents", ["At", "OccurredAt"]),
            ("RepAvailability", ["UpdatedAt"]),
            ("Notifications", ["CreatedAt", "ReadAt"]),
            ("ApiKeys", ["CreatedAt", "LastUsedAt", "RevokedAt", "UpdatedAt"]),
            ("AspNetUsers", ["CreatedAt", "LockoutEnd", "UpdatedAt"]),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // local ticks = (v >> 11) * 1000; offset = the low 11 bits as a signed number of minutes; UTC = local - offset.
            Rewrite(migrationBuilder, c =>
                $"(({c} >> 11) * 1000) - ((CASE WHEN ({c} & 2047) >= 1024 THEN ({c} & 2047) - 2048 ELSE ({c} & 2047) END) * 600000000)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The original offsets are gone: back to the binary form with offset zero (the same instants).
            Rewrite(migrationBuilder, c => $"(({c} / 1000) << 11)");
        }

        private static void Rewrite(MigrationBuilder migrationBuilder, System.Func<string, string> expression)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }

            foreach (var (table, columns) in Instants)
            {
                var sets = string.Join(", ", columns.Select(c => $"\"{c}\" = CASE WHEN \"{c}\" IS NULL THEN NULL ELSE {expression($"\"{c}\"")} END"));
                migrationBuilder.Sql($"UPDATE \"{table}\" SET {sets};");
            }
        }
    }
}
