using HiringPlatform.Application.Data;
using HiringPlatform.Application.Data.Seeding;
using HiringPlatform.Application.Data.Seeding.Demo;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Web.Infrastructure;

// Development applies migrations at start-up; Production runs `HiringPlatform.Web migrate` as a deploy step
// (docs/operations.md), so several instances never race to migrate.
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(IServiceProvider services, bool seedDemoData, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(ct);
        await ReferenceDataSeeder.SeedAsync(db, ct);
        if (!seedDemoData) return;
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(ct);
        }
    }

    public static void PrintDemoSignIns(string url)
    {
        Console.WriteLine();
        Console.WriteLine($"HiringPlatform is running on {url} with demo data. Demo sign-ins (password: {DemoUsers.Password}):");
        foreach (var user in DemoUsers.All)
            Console.WriteLine($"  {string.Join(" + ", user.Roles),-28} {user.Email}  ({user.DisplayName})");
        Console.WriteLine();
    }
}
