using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiringPlatform.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class CandidatePrivacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_candidates_email",
                table: "candidates");

            migrationBuilder.AddColumn<bool>(
                name: "has_secret_link",
                table: "outbox_emails",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "shares_email_with_other_profile",
                table: "candidates",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_candidates_email",
                table: "candidates",
                column: "email",
                unique: true,
                filter: "NOT shares_email_with_other_profile");

            // Data (keep when regenerating this migration): merged-away profiles keep no personal data (ADR-0012),
            // and set-password, reset and status links already in the outbox are marked and, once sent, redacted.
            migrationBuilder.Sql("""
                UPDATE candidates SET full_name = 'Merged candidate', phone = NULL, location = NULL, time_zone_id = NULL,
                    linked_in_url = NULL, git_hub_url = NULL, website_url = NULL, source_detail = NULL, tags = '{}',
                    resume_text = NULL, resume_file_id = NULL
                WHERE merged_into_id IS NOT NULL;
                UPDATE outbox_emails SET has_secret_link = true
                WHERE text_body LIKE '%/account/set-password?%' OR text_body LIKE '%/account/reset-password?%' OR text_body LIKE '%/careers/my-application/%';
                UPDATE outbox_emails SET text_body = regexp_replace(text_body, 'https?://[^\s"''<>]+', '[link removed after sending]', 'g'),
                    html_body = regexp_replace(html_body, 'https?://[^\s"''<>]+', '[link removed after sending]', 'g')
                WHERE has_secret_link AND status = 'Sent';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_candidates_email",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "has_secret_link",
                table: "outbox_emails");

            migrationBuilder.DropColumn(
                name: "shares_email_with_other_profile",
                table: "candidates");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_email",
                table: "candidates",
                column: "email",
                unique: true);
        }
    }
}
