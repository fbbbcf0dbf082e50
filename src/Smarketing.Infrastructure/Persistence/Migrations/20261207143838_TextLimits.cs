using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smarketing.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The column lengths now come from the domain's limits (LeadLimits, AgreementLimits, TextLimits), the same numbers
    /// the validators enforce. SQLite stores TEXT whatever its declared length, so this migration changes no table and
    /// no row: it records the model, and rows longer than a limit (written before the limits) stay as they are.
    /// </summary>
    public partial class TextLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
