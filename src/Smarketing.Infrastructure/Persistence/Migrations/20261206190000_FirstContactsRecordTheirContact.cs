using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smarketing.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// A first-contact timer now records the contact that stopped it (AttemptsMade = 1), so a stop without one (the lead
    /// handed off again before anyone contacted it) no longer reads as a contact. The schema does not change: this marks
    /// the first contacts already stopped by a contact attempt, one logged after the timer started whose time is at or
    /// before the stop (a contact stops the timer at the time it happened).
    /// </summary>
    public partial class FirstContactsRecordTheirContact : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "SlaTimers" SET "AttemptsMade" = 1
                WHERE "Kind" = 'FirstContact' AND "StoppedAt" IS NOT NULL AND "AttemptsMade" = 0
                  AND EXISTS (
                    SELECT 1 FROM "LeadEvents" AS e
                    WHERE e."LeadId" = "SlaTimers"."LeadId" AND e."Type" = 'ContactAttempt'
                      AND e."At" >= "SlaTimers"."StartedAt"
                      AND COALESCE(e."OccurredAt", e."At") <= "SlaTimers"."StoppedAt");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "SlaTimers" SET "AttemptsMade" = 0 WHERE "Kind" = 'FirstContact';""");
        }
    }
}
