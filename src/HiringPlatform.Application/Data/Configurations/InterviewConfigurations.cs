using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Rubrics;
using HiringPlatform.Application.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiringPlatform.Application.Data.Configurations;

public sealed class InterviewStageConfiguration : IEntityTypeConfiguration<InterviewStage>
{
    public void Configure(EntityTypeBuilder<InterviewStage> b)
    {
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Version).IsRowVersion();
        b.HasOne<JobPosting>().WithMany().HasForeignKey(s => s.PostingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.PostingId, s.Order });
        b.HasMany(s => s.Focus).WithOne().HasForeignKey(f => f.StageId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Focus).HasField("_focus");
        b.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.StageId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Questions).HasField("_questions");
        b.HasMany(s => s.DefaultInterviewers).WithOne().HasForeignKey(i => i.StageId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.DefaultInterviewers).HasField("_interviewers");
        b.Ignore(s => s.IsScored);
    }
}

public sealed class StageFocusConfiguration : IEntityTypeConfiguration<StageFocus>
{
    public void Configure(EntityTypeBuilder<StageFocus> b)
    {
        b.HasKey(f => new { f.StageId, f.CompetencyId });
        b.HasOne<Competency>().WithMany().HasForeignKey(f => f.CompetencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StageQuestionConfiguration : IEntityTypeConfiguration<StageQuestion>
{
    public void Configure(EntityTypeBuilder<StageQuestion> b)
    {
        b.HasKey(q => new { q.StageId, q.QuestionId });
        b.HasOne<Question>().WithMany().HasForeignKey(q => q.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StageInterviewerConfiguration : IEntityTypeConfiguration<StageInterviewer>
{
    public void Configure(EntityTypeBuilder<StageInterviewer> b)
    {
        b.HasKey(i => new { i.StageId, i.UserId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> b)
    {
        b.Property(i => i.LocationOrLink).HasMaxLength(500);
        b.Property(i => i.CancellationReason).HasMaxLength(500);
        b.Property(i => i.Version).IsRowVersion();
        b.HasOne<JobApplication>().WithMany().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InterviewStage>().WithMany().HasForeignKey(i => i.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JobPosting>().WithMany().HasForeignKey(i => i.PostingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.ApplicationId, i.StartsAt });
        b.HasIndex(i => new { i.PostingId, i.Status, i.StartsAt });
        b.HasIndex(i => new { i.Status, i.StartsAt });
        b.HasIndex(i => new { i.Status, i.EndsAt });
        b.HasMany(i => i.Participants).WithOne().HasForeignKey(p => p.InterviewId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Participants).HasField("_participants");
    }
}

public sealed class InterviewParticipantConfiguration : IEntityTypeConfiguration<InterviewParticipant>
{
    public void Configure(EntityTypeBuilder<InterviewParticipant> b)
    {
        b.HasKey(p => new { p.InterviewId, p.InterviewerId });
        b.HasIndex(p => p.InterviewerId);
        // "Feedback due" (mine, oldest first) and "overdue" (the team's, and the reminder job): only pending rows.
        // (Named indexes: two on the same column.)
        b.HasIndex(p => new { p.InterviewerId, p.ScheduledStartsAt }, "ix_interview_participants_interviewer_id_scheduled_starts_at")
            .HasDatabaseName("ix_interview_participants_interviewer_id_scheduled_starts_at")
            .HasFilter("scheduled_starts_at IS NOT NULL");
        b.HasIndex(p => new { p.InterviewerId, p.PendingFeedbackEndsAt }, "ix_interview_participants_interviewer_id_pending_feedback").HasDatabaseName("ix_interview_participants_interviewer_id_pending_feedback")
            .HasFilter("pending_feedback_ends_at IS NOT NULL");
        b.HasIndex(p => p.PendingFeedbackEndsAt, "ix_interview_participants_pending_feedback").HasDatabaseName("ix_interview_participants_pending_feedback")
            .HasFilter("pending_feedback_ends_at IS NOT NULL");
        b.HasIndex(p => p.PendingFeedbackEndsAt, "ix_interview_participants_reminder_due").HasDatabaseName("ix_interview_participants_reminder_due")
            .HasFilter("pending_feedback_ends_at IS NOT NULL AND reminder_sent_at IS NULL");
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.InterviewerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> b)
    {
        b.Property(s => s.PrivateNote).HasMaxLength(4000);
        b.Property(s => s.Version).IsRowVersion();
        b.HasOne<Interview>().WithMany().HasForeignKey(s => s.InterviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JobApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.InterviewerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.InterviewId, s.InterviewerId }).IsUnique();
        b.HasIndex(s => new { s.ApplicationId, s.Status });
        b.HasIndex(s => new { s.InterviewerId, s.Status });
        b.HasMany(s => s.Ratings).WithOne().HasForeignKey(r => r.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Ratings).HasField("_ratings");
        b.HasMany(s => s.RedFlags).WithOne().HasForeignKey(r => r.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.RedFlags).HasField("_redFlags");
        b.HasMany(s => s.Amendments).WithOne().HasForeignKey(a => a.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Amendments).HasField("_amendments");
    }
}

public sealed class ScorecardRatingConfiguration : IEntityTypeConfiguration<ScorecardRating>
{
    public void Configure(EntityTypeBuilder<ScorecardRating> b)
    {
        b.HasKey(r => new { r.ScorecardId, r.CompetencyId });
        b.Property(r => r.CompetencyName).HasMaxLength(200);
        b.Property(r => r.Evidence).HasMaxLength(8000);
        b.HasOne<Competency>().WithMany().HasForeignKey(r => r.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CompetencyVersion>().WithMany().HasForeignKey(r => r.CompetencyVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.CompetencyVersionId);
    }
}

public sealed class ScorecardRedFlagConfiguration : IEntityTypeConfiguration<ScorecardRedFlag>
{
    public void Configure(EntityTypeBuilder<ScorecardRedFlag> b)
    {
        b.HasKey(r => new { r.ScorecardId, r.RedFlagId });
        b.HasOne<RedFlag>().WithMany().HasForeignKey(r => r.RedFlagId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ScorecardAmendmentConfiguration : IEntityTypeConfiguration<ScorecardAmendment>
{
    public void Configure(EntityTypeBuilder<ScorecardAmendment> b)
    {
        // Created inside Scorecard.Amend and found through the navigation: a client-made id must still mean "new".
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasIndex(a => new { a.ScorecardId, a.At });
        b.Property(a => a.Reason).HasMaxLength(1000);
        b.Property(a => a.Changes).HasMaxLength(20000);
    }
}
