using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiringPlatform.Application.Data.Configurations;

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> b)
    {
        b.Property(d => d.Rationale).HasMaxLength(Decision.MaxRationaleLength);
        b.Property(d => d.CoverageOverrideReason).HasMaxLength(Decision.MaxOverrideReasonLength);
        b.HasOne<JobApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.ApplicationId, d.At });
    }
}

public sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> b)
    {
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.Notes).HasMaxLength(4000);
        b.Property(o => o.ExceptionReason).HasMaxLength(1000);
        b.Property(o => o.Version).IsRowVersion();
        b.HasOne<JobApplication>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.ApplicationId, o.Status });
    }
}
