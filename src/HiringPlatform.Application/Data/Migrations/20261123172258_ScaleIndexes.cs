using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiringPlatform.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_candidates_email1",
                table: "candidates");

            migrationBuilder.AddColumn<Guid>(
                name: "posting_id",
                table: "interviews",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "pending_feedback_ends_at",
                table: "interview_participants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "scheduled_starts_at",
                table: "interview_participants",
                type: "timestamp with time zone",
                nullable: true);

            // Existing rows. An interview's posting is its application's. A participant: the interview's start unless it
            // was cancelled; feedback owed while the interview is not cancelled and their scorecard is not submitted.
            migrationBuilder.Sql("""
                UPDATE interviews i SET posting_id = a.posting_id FROM applications a WHERE a.id = i.application_id;
                UPDATE interview_participants p
                SET scheduled_starts_at = i.starts_at,
                    pending_feedback_ends_at = CASE WHEN EXISTS (
                        SELECT 1 FROM scorecards s
                        WHERE s.interview_id = p.interview_id AND s.interviewer_id = p.interviewer_id AND s.status = 'Submitted')
                        THEN NULL ELSE i.ends_at END
                FROM interviews i
                WHERE i.id = p.interview_id AND i.status <> 'Cancelled';
                """);

            migrationBuilder.CreateIndex(
                name: "ix_interviews_posting_id_status_starts_at",
                table: "interviews",
                columns: new[] { "posting_id", "status", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_interview_participants_interviewer_id_pending_feedback",
                table: "interview_participants",
                columns: new[] { "interviewer_id", "pending_feedback_ends_at" },
                filter: "pending_feedback_ends_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interview_participants_interviewer_id_scheduled_starts_at",
                table: "interview_participants",
                columns: new[] { "interviewer_id", "scheduled_starts_at" },
                filter: "scheduled_starts_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interview_participants_pending_feedback",
                table: "interview_participants",
                column: "pending_feedback_ends_at",
                filter: "pending_feedback_ends_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interview_participants_reminder_due",
                table: "interview_participants",
                column: "pending_feedback_ends_at",
                filter: "pending_feedback_ends_at IS NOT NULL AND reminder_sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_email_prefix",
                table: "candidates",
                column: "email")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });

            migrationBuilder.AddForeignKey(
                name: "fk_interviews_job_postings_posting_id",
                table: "interviews",
                column: "posting_id",
                principalTable: "job_postings",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_interviews_job_postings_posting_id",
                table: "interviews");

            migrationBuilder.DropIndex(
                name: "ix_interviews_posting_id_status_starts_at",
                table: "interviews");

            migrationBuilder.DropIndex(
                name: "ix_interview_participants_interviewer_id_pending_feedback",
                table: "interview_participants");

            migrationBuilder.DropIndex(
                name: "ix_interview_participants_interviewer_id_scheduled_starts_at",
                table: "interview_participants");

            migrationBuilder.DropIndex(
                name: "ix_interview_participants_pending_feedback",
                table: "interview_participants");

            migrationBuilder.DropIndex(
                name: "ix_interview_participants_reminder_due",
                table: "interview_participants");

            migrationBuilder.DropIndex(
                name: "ix_candidates_email_prefix",
                table: "candidates");

            migrationBuilder.DropColumn(
                name: "posting_id",
                table: "interviews");

            migrationBuilder.DropColumn(
                name: "pending_feedback_ends_at",
                table: "interview_participants");

            migrationBuilder.DropColumn(
                name: "scheduled_starts_at",
                table: "interview_participants");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_email1",
                table: "candidates",
                column: "email")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
