using HiringPlatform.Application.Domain.JobPostings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiringPlatform.Application.Data.Configurations;

public sealed class JobPostingConfiguration : IEntityTypeConfiguration<JobPosting>
{
    public void Configure(EntityTypeBuilder<JobPosting> b)
    {
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Team).HasMaxLength(100);
        b.Property(p => p.Location).HasMaxLength(200);
        b.Property(p => p.TemplateName).HasMaxLength(100);
        b.Property(p => p.Version).IsRowVersion();
        b.OwnsOne(p => p.Salary, s =>
        {
            s.Property(x => x.Min).HasColumnName("salary_min");
            s.Property(x => x.Max).HasColumnName("salary_max");
            s.Property(x => x.Currency).HasColumnName("salary_currency").HasMaxLength(3);
            s.Property(x => x.IsPublic).HasColumnName("salary_is_public");
        });
        b.Navigation(p => p.Salary).IsRequired();
        b.HasMany(p => p.TeamMembers).WithOne().HasForeignKey(m => m.PostingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.TeamMembers).HasField("_team");
        b.HasMany(p => p.History).WithOne().HasForeignKey(e => e.PostingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.History).HasField("_history");
        b.HasMany(p => p.ScreeningQuestions).WithOne().HasForeignKey(q => q.PostingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.ScreeningQuestions).HasField("_screeningQuestions");
        b.Ignore(p => p.IsPublic);
        b.Ignore(p => p.HiringManagerId);
        b.HasIndex(p => new { p.Status, p.PublishedAt });
        b.HasIndex(p => p.Title).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

public sealed class PostingTeamMemberConfiguration : IEntityTypeConfiguration<PostingTeamMember>
{
    public void Configure(EntityTypeBuilder<PostingTeamMember> b)
    {
        b.HasKey(m => new { m.PostingId, m.UserId, m.Role });
        b.HasIndex(m => new { m.UserId, m.PostingId });
        b.HasOne<Domain.Users.AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PostingEventConfiguration : IEntityTypeConfiguration<PostingEvent>
{
    public void Configure(EntityTypeBuilder<PostingEvent> b)
    {
        // Ids are made by the domain (Guid v7). Without this, EF takes an event added to a loaded posting's history
        // for an existing row (its key is already set) and updates instead of inserting.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Comment).HasMaxLength(2000);
        b.HasIndex(e => new { e.PostingId, e.At });
    }
}

public sealed class ScreeningQuestionConfiguration : IEntityTypeConfiguration<ScreeningQuestion>
{
    public void Configure(EntityTypeBuilder<ScreeningQuestion> b)
    {
        b.Property(q => q.Id).ValueGeneratedNever();
        b.Property(q => q.Key).HasMaxLength(100);
        b.Property(q => q.Text).HasMaxLength(500);
        b.HasIndex(q => new { q.PostingId, q.Order });
    }
}
