using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiringPlatform.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class EmailPrefixIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_candidates_email1",
                table: "candidates");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_email_prefix",
                table: "candidates",
                column: "email")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_candidates_email_prefix",
                table: "candidates");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_email1",
                table: "candidates",
                column: "email")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
