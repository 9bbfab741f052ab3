namespace HiringPlatform.Application.Data.Seeding;

// Demo data for Development only (never Production). Each area contributes one seeder; they run in Order,
// each idempotent (it checks whether its data is already there).
public interface IDemoSeeder
{
    int Order { get; }
    Task SeedAsync(CancellationToken ct);
}
