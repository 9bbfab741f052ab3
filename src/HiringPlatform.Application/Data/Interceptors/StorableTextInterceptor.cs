using HiringPlatform.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HiringPlatform.Application.Data.Interceptors;

// The last guard of StorableText: whatever path a NUL character took (extracted résumé text, a file name, a value
// no binder saw), it is stripped before PostgreSQL would refuse the whole save.
public sealed class StorableTextInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Clean(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Clean(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private static void Clean(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
            {
                switch (property.CurrentValue)
                {
                    case string text when !StorableText.IsStorable(text):
                        property.CurrentValue = StorableText.Clean(text);
                        break;
                    case string[] texts when !texts.All(StorableText.IsStorable):
                        property.CurrentValue = texts.Select(StorableText.Clean).ToArray();
                        break;
                    case List<string> texts when !texts.All(StorableText.IsStorable):
                        property.CurrentValue = texts.Select(StorableText.Clean).ToList();
                        break;
                }
            }
        }
    }
}
