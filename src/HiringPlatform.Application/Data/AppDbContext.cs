using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Rubrics;
using HiringPlatform.Application.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<JobPosting> JobPostings => Set<JobPosting>();
    public DbSet<PostingTeamMember> PostingTeamMembers => Set<PostingTeamMember>();
    public DbSet<PostingEvent> PostingEvents => Set<PostingEvent>();
    public DbSet<ScreeningQuestion> ScreeningQuestions => Set<ScreeningQuestion>();

    public DbSet<Competency> Competencies => Set<Competency>();
    public DbSet<CompetencyVersion> CompetencyVersions => Set<CompetencyVersion>();
    public DbSet<RubricItem> RubricItems => Set<RubricItem>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<RedFlag> RedFlags => Set<RedFlag>();

    public DbSet<InterviewStage> InterviewStages => Set<InterviewStage>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<InterviewParticipant> InterviewParticipants => Set<InterviewParticipant>();
    public DbSet<Scorecard> Scorecards => Set<Scorecard>();
    public DbSet<ScorecardRating> ScorecardRatings => Set<ScorecardRating>();

    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<JobApplication> Applications => Set<JobApplication>();
    public DbSet<ScreeningAnswer> ScreeningAnswers => Set<ScreeningAnswer>();
    public DbSet<CandidateNote> CandidateNotes => Set<CandidateNote>();
    public DbSet<ActivityEvent> ActivityEvents => Set<ActivityEvent>();
    public DbSet<PossibleDuplicate> PossibleDuplicates => Set<PossibleDuplicate>();
    public DbSet<StoredFile> Files => Set<StoredFile>();

    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<AppSetting> Settings => Set<AppSetting>();
    public DbSet<RateLimitWindow> RateLimitWindows => Set<RateLimitWindow>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<FileContent> FileContents => Set<FileContent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Ids are made in code (Guid v7), never by the database. Without this, EF treats a child with a set id
        // that is added through a loaded parent's collection as existing and issues an UPDATE instead of an INSERT.
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(Domain.Common.Entity).IsAssignableFrom(t.ClrType)))
            entityType.FindProperty(nameof(Domain.Common.Entity.Id))!.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums are stored as readable strings (stable across reordering, legible in psql and backups).
        foreach (var enumType in typeof(AppDbContext).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace?.Contains(".Domain", StringComparison.Ordinal) == true))
        {
            builder.Properties(enumType).HaveConversion<string>().HaveMaxLength(40);
            builder.Properties(typeof(Nullable<>).MakeGenericType(enumType)).HaveConversion<string>().HaveMaxLength(40);
        }
        builder.Properties<decimal>().HavePrecision(12, 2);
    }
}
