using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smarketing.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TimerLeadFactsForReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlaTimers_Report",
                table: "SlaTimers");

            migrationBuilder.AddColumn<bool>(
                name: "LeadAccepted",
                table: "SlaTimers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LeadGrade",
                table: "SlaTimers",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LeadLost",
                table: "SlaTimers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LeadOwnerEmail",
                table: "SlaTimers",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadPersona",
                table: "SlaTimers",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LeadRejected",
                table: "SlaTimers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "LeadWon",
                table: "SlaTimers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Existing timers take their lead's current facts once; from now on every save of a lead keeps them in step.
            // (UPDATE ... FROM: SQLite 3.33+ and PostgreSQL both accept this form.)
            migrationBuilder.Sql(
                """
                UPDATE "SlaTimers" SET
                    "LeadOwnerEmail" = l."OwnerEmail",
                    "LeadGrade" = l."Grade",
                    "LeadPersona" = l."Persona",
                    "LeadAccepted" = l."AcceptedAt" IS NOT NULL,
                    "LeadRejected" = l."RejectedAt" IS NOT NULL,
                    "LeadWon" = l."WonAt" IS NOT NULL,
                    "LeadLost" = l."LostAt" IS NOT NULL
                FROM "Leads" AS l
                WHERE l."Id" = "SlaTimers"."LeadId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_SlaTimers_Report",
                table: "SlaTimers",
                columns: new[] { "Kind", "StartedAt", "SlaVersion", "StoppedAt", "DueAt", "BusinessMinutesElapsed", "LeadOwnerEmail", "LeadGrade", "LeadPersona", "LeadAccepted", "LeadRejected", "LeadWon", "LeadLost", "LeadId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlaTimers_Report",
                table: "SlaTimers");

            migrationBuilder.DropColumn(
                name: "LeadAccepted",
                table: "SlaTimers");

            migrationBuilder.DropColumn(
                name: "LeadGrade",
                table: "SlaTimers");

            migrationBuilder.DropColumn(
                name: "LeadLost",
                table: "SlaTimers");

            migrationBuilder.DropColumn(
                name: "LeadOwnerEmail",
                table: "SlaTimers");

            migrationBuilder.DropColumn(
                name: "LeadPersona",
                table: "SlaTimers");

            migrationBuilder.DropColumn(
                name: "LeadRejected",
                table: "SlaTimers");

            migrationBuilder.DropColumn(
                name: "LeadWon",
                table: "SlaTimers");

            migrationBuilder.CreateIndex(
                name: "IX_SlaTimers_Report",
                table: "SlaTimers",
                columns: new[] { "Kind", "StartedAt", "SlaVersion", "LeadId", "StoppedAt", "DueAt", "BusinessMinutesElapsed" });
        }
    }
}
