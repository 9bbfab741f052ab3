using HiringPlatform.Application.Domain.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiringPlatform.Application.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Command).HasMaxLength(200);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(200);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.CorrelationId).HasMaxLength(100);
        b.HasIndex(a => new { a.EntityType, a.EntityId, a.Id });
        b.HasIndex(a => new { a.UserId, a.Id });
        // The audit page's date-range filter.
        b.HasIndex(a => a.At);
    }
}

public sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> b)
    {
        b.ToTable("outbox_emails");
        b.Property(e => e.To).HasMaxLength(320);
        b.Property(e => e.ToName).HasMaxLength(200);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.Property(e => e.AttachmentName).HasMaxLength(200);
        b.Property(e => e.AttachmentContentType).HasMaxLength(100);
        b.Property(e => e.LastError).HasMaxLength(500);
        // Fencing: recording a result only works for the dispatcher that still holds the claim.
        b.Property(e => e.ClaimToken).IsConcurrencyToken();
        // The sender claims due rows with FOR UPDATE SKIP LOCKED over this index.
        b.HasIndex(e => new { e.Status, e.NextAttemptAt });
        // The admin outbox page: newest first (ids are time-ordered Guid v7), filtered by status.
        b.HasIndex(e => new { e.Status, e.Id });
        b.Ignore(e => e.IsErased);
        b.HasIndex(e => e.CandidateId);
    }
}

public sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> b)
    {
        b.ToTable("rate_limit_windows");
        b.HasKey(w => new { w.Key, w.WindowStart });
        b.Property(w => w.Key).HasMaxLength(200);
    }
}

public sealed class AppSettingConfiguration : IEntityTypeConfiguration<AppSetting>
{
    public void Configure(EntityTypeBuilder<AppSetting> b)
    {
        b.ToTable("settings");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(1000);
    }
}

public sealed class FileContentConfiguration : IEntityTypeConfiguration<FileContent>
{
    public void Configure(EntityTypeBuilder<FileContent> b)
    {
        b.ToTable("file_contents");
        b.HasKey(f => f.Key);
        b.Property(f => f.Key).HasMaxLength(200);
    }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_keys");
        b.HasKey(r => r.Key);
        b.Property(r => r.Key).ValueGeneratedNever();
        b.Property(r => r.RequestName).HasMaxLength(200);
        b.Property(r => r.Response).HasColumnType("jsonb");
        // Clearing out old keys walks this.
        b.HasIndex(r => r.CreatedAt);
    }
}
