using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smarketing.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AgreementVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgreementSectionRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSectionRevisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgreementVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EffectiveAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MarketingSignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MarketingSignerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MarketingSignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SalesSignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SalesSignerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SalesSignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AdoptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DraftSlot = table.Column<int>(type: "INTEGER", nullable: true),
                    ContentRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSections",
                columns: table => new
                {
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSections", x => new { x.VersionId, x.Section });
                    table.ForeignKey(
                        name: "FK_AgreementSections_AgreementVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "AgreementVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSectionRevisions_VersionId_Section_Revision",
                table: "AgreementSectionRevisions",
                columns: new[] { "VersionId", "Section", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersions_DraftSlot",
                table: "AgreementVersions",
                column: "DraftSlot",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersions_EffectiveAt",
                table: "AgreementVersions",
                column: "EffectiveAt");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersions_Number",
                table: "AgreementVersions",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementSectionRevisions");

            migrationBuilder.DropTable(
                name: "AgreementSections");

            migrationBuilder.DropTable(
                name: "AgreementVersions");
        }
    }
}
