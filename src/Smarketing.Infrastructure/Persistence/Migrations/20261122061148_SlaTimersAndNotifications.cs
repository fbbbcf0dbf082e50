using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smarketing.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SlaTimersAndNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaTimers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Clause = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SlaVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    BudgetBusinessMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    AttemptsMade = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AtRiskAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StoppedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BusinessMinutesElapsed = table.Column<long>(type: "INTEGER", nullable: true),
                    AtRiskNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BreachNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaTimers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaTimers_Kind_StartedAt_Status_BusinessMinutesElapsed",
                table: "SlaTimers",
                columns: new[] { "Kind", "StartedAt", "Status", "BusinessMinutesElapsed" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaTimers_LeadId_Cycle_Kind",
                table: "SlaTimers",
                columns: new[] { "LeadId", "Cycle", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaTimers_OwnerId_Status",
                table: "SlaTimers",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaTimers_StoppedAt_AtRiskAt",
                table: "SlaTimers",
                columns: new[] { "StoppedAt", "AtRiskAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaTimers_StoppedAt_DueAt",
                table: "SlaTimers",
                columns: new[] { "StoppedAt", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "SlaTimers");
        }
    }
}
