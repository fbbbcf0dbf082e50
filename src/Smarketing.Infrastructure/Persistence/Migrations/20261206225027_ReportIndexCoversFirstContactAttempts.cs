using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smarketing.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The report index also covers AttemptsMade, which tells a first contact stopped by a contact from one ended by a
    /// second hand-off (FirstContactsRecordTheirContact), so the reports still read the index alone.
    /// </summary>
    public partial class ReportIndexCoversFirstContactAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlaTimers_Report",
                table: "SlaTimers");

            migrationBuilder.CreateIndex(
                name: "IX_SlaTimers_Report",
                table: "SlaTimers",
                columns: new[] { "Kind", "StartedAt", "SlaVersion", "StoppedAt", "DueAt", "BusinessMinutesElapsed", "AttemptsMade", "LeadOwnerEmail", "LeadGrade", "LeadPersona", "LeadAccepted", "LeadRejected", "LeadWon", "LeadLost", "LeadId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlaTimers_Report",
                table: "SlaTimers");

            migrationBuilder.CreateIndex(
                name: "IX_SlaTimers_Report",
                table: "SlaTimers",
                columns: new[] { "Kind", "StartedAt", "SlaVersion", "StoppedAt", "DueAt", "BusinessMinutesElapsed", "LeadOwnerEmail", "LeadGrade", "LeadPersona", "LeadAccepted", "LeadRejected", "LeadWon", "LeadLost", "LeadId" });
        }
    }
}
