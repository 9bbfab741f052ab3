using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Rubrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiringPlatform.Application.Data.Configurations;

public sealed class CompetencyConfiguration : IEntityTypeConfiguration<Competency>
{
    public void Configure(EntityTypeBuilder<Competency> b)
    {
        b.Property(c => c.Key).HasMaxLength(100);
        b.HasIndex(c => c.Key).IsUnique();
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Version).IsRowVersion();
        b.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.CompetencyId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Versions).HasField("_versions");
        b.Ignore(c => c.CurrentVersion);
    }
}

public sealed class CompetencyVersionConfiguration : IEntityTypeConfiguration<CompetencyVersion>
{
    public void Configure(EntityTypeBuilder<CompetencyVersion> b)
    {
        b.Property(v => v.Name).HasMaxLength(200);
        b.Property(v => v.Definition).HasMaxLength(2000);
        b.Property(v => v.Level1).HasMaxLength(2000);
        b.Property(v => v.Level2).HasMaxLength(2000);
        b.Property(v => v.Level3).HasMaxLength(2000);
        b.Property(v => v.Level4).HasMaxLength(2000);
        b.HasIndex(v => new { v.CompetencyId, v.Number }).IsUnique();
    }
}

public sealed class RubricItemConfiguration : IEntityTypeConfiguration<RubricItem>
{
    public void Configure(EntityTypeBuilder<RubricItem> b)
    {
        b.HasKey(r => new { r.PostingId, r.CompetencyId });
        b.Property(r => r.Weight).HasPrecision(6, 2);
        b.HasOne<JobPosting>().WithMany().HasForeignKey(r => r.PostingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Competency>().WithMany().HasForeignKey(r => r.CompetencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.Property(q => q.Key).HasMaxLength(100);
        b.HasIndex(q => q.Key).IsUnique();
        b.Property(q => q.Text).HasMaxLength(1000);
        b.Property(q => q.GoodLooksLike).HasMaxLength(2000);
        b.Property(q => q.RedFlags).HasMaxLength(2000);
        b.Property(q => q.Version).IsRowVersion();
        // The question bank is searched by text (ILIKE '%term%').
        b.HasIndex(q => q.Text).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasMany(q => q.Competencies).WithOne().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(q => q.Competencies).HasField("_competencies");
    }
}

public sealed class QuestionCompetencyConfiguration : IEntityTypeConfiguration<QuestionCompetency>
{
    public void Configure(EntityTypeBuilder<QuestionCompetency> b)
    {
        b.HasKey(q => new { q.QuestionId, q.CompetencyId });
        b.HasIndex(q => q.CompetencyId);
        b.HasOne<Competency>().WithMany().HasForeignKey(q => q.CompetencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RedFlagConfiguration : IEntityTypeConfiguration<RedFlag>
{
    public void Configure(EntityTypeBuilder<RedFlag> b)
    {
        b.Property(r => r.Key).HasMaxLength(100);
        b.HasIndex(r => r.Key).IsUnique();
        b.Property(r => r.Text).HasMaxLength(300);
    }
}
