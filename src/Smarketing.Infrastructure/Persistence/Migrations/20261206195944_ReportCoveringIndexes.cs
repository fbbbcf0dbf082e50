using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smarketing.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReportCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SlaTimers_Report",
                table: "SlaTimers",
                columns: new[] { "Kind", "StartedAt", "SlaVersion", "LeadId", "StoppedAt", "DueAt", "BusinessMinutesElapsed" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Report",
                table: "Leads",
                columns: new[] { "Id", "OwnerEmail", "Grade", "Persona", "AcceptedAt", "RejectedAt", "WonAt", "LostAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlaTimers_Report",
                table: "SlaTimers");

            migrationBuilder.DropIndex(
                name: "IX_Leads_Report",
                table: "Leads");
        }
    }
}
