using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace HiringPlatform.Application.Data.Configurations;

public sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    // Shadow column: full-text search over name and résumé, kept by PostgreSQL itself. The name is weighted A and
    // the résumé D, so ts_rank puts a candidate whose name matches above one whose résumé merely mentions the word.
    public const string SearchVector = "SearchVector";
    public const string SearchVectorSql =
        "setweight(to_tsvector('english', coalesce(full_name, '')), 'A') || setweight(to_tsvector('english', coalesce(resume_text, '')), 'D')";

    // Shadow columns for duplicate detection and phone search, also kept by PostgreSQL (so bulk loads with COPY get them).
    // Phone: the last 9 digits, so "+44 20 7946 0958" and "020 7946 0958" meet; none under 7 digits.
    public const string PhoneKey = "PhoneKey";
    public const string LinkedInKey = "LinkedInKey";

    public static string PhoneKeySql(string operand) =>
        $"CASE WHEN length(regexp_replace({operand}, '[^0-9]', '', 'g')) >= 7 THEN right(regexp_replace({operand}, '[^0-9]', '', 'g'), 9) END";

    // LinkedIn: without scheme, "www."/country subdomain, query string and trailing slash, lower-cased.
    public static string LinkedInKeySql(string operand) =>
        $"nullif(lower(regexp_replace(regexp_replace(regexp_replace(btrim({operand}), '^(https?://)?(www\\.|[a-z][a-z]\\.)?', '', 'i'), '[?#].*$', ''), '/+$', '')), '')";

    // Names compare case- and spacing-insensitively.
    public static string NameKeySql(string operand) => $"lower(regexp_replace(btrim({operand}), '\\s+', ' ', 'g'))";

    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.Property(c => c.FullName).HasMaxLength(200);
        b.Property(c => c.Email).HasMaxLength(320);
        // Unique except for careers applicants who typed an email another profile holds (see Candidate.Email).
        b.HasIndex(c => c.Email).IsUnique().HasFilter("NOT shares_email_with_other_profile");
        b.Property(c => c.Phone).HasMaxLength(50);
        b.Property(c => c.Location).HasMaxLength(200);
        b.Property(c => c.TimeZoneId).HasMaxLength(100);
        b.Property(c => c.LinkedInUrl).HasMaxLength(500);
        b.Property(c => c.GitHubUrl).HasMaxLength(500);
        b.Property(c => c.WebsiteUrl).HasMaxLength(500);
        b.Property(c => c.SourceDetail).HasMaxLength(200);
        b.Property(c => c.Version).IsRowVersion();
        b.Ignore(c => c.IsErased);
        b.Property<NpgsqlTsVector>(SearchVector).HasComputedColumnSql(SearchVectorSql, stored: true);
        b.Property<string>(PhoneKey).HasMaxLength(9).HasComputedColumnSql(PhoneKeySql("phone"), stored: true);
        b.Property<string>(LinkedInKey).HasMaxLength(500).HasComputedColumnSql(LinkedInKeySql("linked_in_url"), stored: true);
        b.HasIndex(SearchVector).HasMethod("gin");
        b.HasIndex(c => c.FullName).HasMethod("gin").HasOperators("gin_trgm_ops");
        // Email prefix search (LIKE 'ab%'): a pattern_ops B-tree finds it in any collation. A trigram GIN did too, but
        // a whole address has dozens of trigrams that most addresses share ("exa", "com"): 50 ms at a million rows.
        b.HasIndex(c => c.Email, "ix_candidates_email_prefix").HasDatabaseName("ix_candidates_email_prefix").HasOperators("varchar_pattern_ops");
        b.HasIndex(c => c.Tags).HasMethod("gin");
        b.HasIndex(PhoneKey);
        b.HasIndex(LinkedInKey);
        // The retention list pages through this in (closed, id) order.
        b.HasIndex(c => new { c.LastApplicationClosedAt, c.Id });
    }
}

public sealed class JobApplicationConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> b)
    {
        b.ToTable("applications");
        b.Property(a => a.SourceDetail).HasMaxLength(200);
        b.Property(a => a.RejectionNote).HasMaxLength(JobApplication.MaxRejectionNoteLength);
        b.Property(a => a.CoverNote).HasMaxLength(4000);
        b.Property(a => a.WeightedScore).HasPrecision(4, 2);
        b.Property(a => a.Version).IsRowVersion();
        b.Ignore(a => a.IsActive);
        b.HasOne<Candidate>().WithMany().HasForeignKey(a => a.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JobPosting>().WithMany().HasForeignKey(a => a.PostingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InterviewStage>().WithMany().HasForeignKey(a => a.StageId).OnDelete(DeleteBehavior.Restrict);
        // One application per candidate and posting: applying twice finds the first.
        b.HasIndex(a => new { a.CandidateId, a.PostingId }).IsUnique();
        // The board: a posting's stage column, keyset-paged by entry time.
        b.HasIndex(a => new { a.PostingId, a.StageId, a.Status, a.StageEnteredAt, a.Id });
        b.HasIndex(a => new { a.PostingId, a.Status });
        // Recent applications of a posting, and "new this week" counts per posting.
        b.HasIndex(a => new { a.PostingId, a.AppliedAt });
        b.HasMany(a => a.Answers).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Answers).HasField("_answers");
    }
}

public sealed class ScreeningAnswerConfiguration : IEntityTypeConfiguration<ScreeningAnswer>
{
    public void Configure(EntityTypeBuilder<ScreeningAnswer> b)
    {
        b.Property(a => a.QuestionText).HasMaxLength(500);
        b.Property(a => a.Answer).HasMaxLength(2000);
    }
}

public sealed class CandidateNoteConfiguration : IEntityTypeConfiguration<CandidateNote>
{
    public void Configure(EntityTypeBuilder<CandidateNote> b)
    {
        b.Property(n => n.Body).HasMaxLength(8000);
        b.HasOne<Candidate>().WithMany().HasForeignKey(n => n.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => new { n.CandidateId, n.CreatedAt });
    }
}

public sealed class ActivityEventConfiguration : IEntityTypeConfiguration<ActivityEvent>
{
    public void Configure(EntityTypeBuilder<ActivityEvent> b)
    {
        b.Property(e => e.Summary).HasMaxLength(1000);
        b.HasOne<Candidate>().WithMany().HasForeignKey(e => e.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.CandidateId, e.At, e.Id });
        b.HasIndex(e => e.ApplicationId);
    }
}

public sealed class PossibleDuplicateConfiguration : IEntityTypeConfiguration<PossibleDuplicate>
{
    public void Configure(EntityTypeBuilder<PossibleDuplicate> b)
    {
        b.Property(d => d.Reason).HasMaxLength(200);
        b.HasIndex(d => new { d.CandidateId, d.OtherCandidateId }).IsUnique();
        b.HasIndex(d => d.OtherCandidateId);
        b.HasOne<Candidate>().WithMany().HasForeignKey(d => d.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Candidate>().WithMany().HasForeignKey(d => d.OtherCandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("files");
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.StorageKey).HasMaxLength(200);
        b.HasOne<Candidate>().WithMany().HasForeignKey(f => f.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.CandidateId);
        // The background extractor picks pending files oldest first.
        b.HasIndex(f => new { f.Extraction, f.UploadedAt });
    }
}
