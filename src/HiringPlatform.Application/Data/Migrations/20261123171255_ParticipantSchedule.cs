using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiringPlatform.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            // Existing rows: the interview's start unless it was cancelled; feedback owed while the interview is not
            // cancelled and the interviewer's scorecard is not submitted.
            migrationBuilder.Sql("""
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.DropColumn(
                name: "pending_feedback_ends_at",
                table: "interview_participants");

            migrationBuilder.DropColumn(
                name: "scheduled_starts_at",
                table: "interview_participants");
        }
    }
}
