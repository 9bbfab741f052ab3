using HiringPlatform.Application.Common.Behaviours;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Domain.Operations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HiringPlatform.Application.Data.Interceptors;

// Adds one audit row per changed entity to the same SaveChanges, so the command and its audit trail
// commit or roll back together. It records which fields changed, never their values (personal data).
public sealed class AuditInterceptor(ICurrentUser user, CommandScope scope, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Skipped = [typeof(AuditEntry), typeof(FileContent), typeof(DataProtectionKey), typeof(IdempotencyRecord)];

    // Identity bookkeeping that changes on every sign-in; auditing it would bury the real entries.
    private static readonly HashSet<string> NoiseFields = ["AccessFailedCount", "ConcurrencyStamp", "LockoutEnd", "SecurityStamp", "UpdatedAt", "Version"];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void AddEntries(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !Skipped.Contains(e.Metadata.ClrType))
            // The outbox dispatcher's delivery bookkeeping is operational state (shown on /admin/outbox), not a person's change.
            .Where(e => scope.CommandName is not null || e.Entity is not OutboxEmail)
            .ToList();
        var audit = new List<AuditEntry>();
        foreach (var entry in entries)
        {
            var fields = ChangedFields(entry);
            if (entry.State == EntityState.Modified && fields.Count == 0) continue;
            audit.Add(new AuditEntry
            {
                At = now,
                UserId = user.Id,
                UserName = user.Name,
                Command = scope.CommandName ?? "(outside a command)",
                EntityType = EntityTypeName(entry.Metadata),
                EntityId = KeyOf(entry),
                Action = entry.State switch { EntityState.Added => "Created", EntityState.Deleted => "Deleted", _ => "Updated" },
                Fields = fields,
                CorrelationId = user.CorrelationId,
            });
        }
        if (audit.Count > 0) context.Set<AuditEntry>().AddRange(audit);
    }

    public static bool IsAudited(Type clrType) => !Skipped.Contains(clrType);

    // "Candidate", "JobPosting.SalaryBand" for an owned type, "IdentityUserRole" rather than "IdentityUserRole`1".
    public static string EntityTypeName(IReadOnlyTypeBase type)
    {
        static string Plain(Type t) => t.IsGenericType ? t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)] : t.Name;
        return type is IReadOnlyEntityType { } entity && entity.IsOwned()
            ? $"{Plain(entity.FindOwnership()!.PrincipalEntityType.ClrType)}.{Plain(type.ClrType)}"
            : Plain(type.ClrType);
    }

    private static List<string> ChangedFields(EntityEntry entry) => entry.State switch
    {
        EntityState.Modified => entry.Properties
            .Where(p => p.IsModified && !p.Metadata.IsPrimaryKey() && !NoiseFields.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => p.Metadata.Name).ToList(),
        EntityState.Added => entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsShadowProperty() && !NoiseFields.Contains(p.Metadata.Name) && p.CurrentValue is not null)
            .Select(p => p.Metadata.Name).ToList(),
        _ => [],
    };

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return null;
        return string.Join("/", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }
}
