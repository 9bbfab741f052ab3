using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics.Shared;

// Optimistic concurrency for edits that change only child rows (rubric items, a stage's focus): the parent's
// row is still updated, with the version the person started from, so a second editor gets a conflict instead
// of silently overwriting the first.
internal static class Concurrency
{
    public static void Expect<T>(AppDbContext db, T entity, uint version, TimeProvider clock) where T : class, IConcurrencyChecked
    {
        var entry = db.Entry(entity);
        entry.Property(nameof(IConcurrencyChecked.Version)).OriginalValue = version;
        if (entity is IAuditable auditable)
        {
            auditable.UpdatedAt = clock.GetUtcNow();
            entry.Property(nameof(IAuditable.UpdatedAt)).IsModified = true;
        }
        else
        {
            // Nothing to stamp: re-write one column with its own value, which still issues the checked UPDATE.
            var property = entry.Properties.First(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsConcurrencyToken && !p.Metadata.IsShadowProperty());
            property.IsModified = true;
        }
    }
}
