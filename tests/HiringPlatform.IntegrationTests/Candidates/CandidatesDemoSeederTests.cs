using HiringPlatform.Application.Data.Seeding;
using HiringPlatform.Application.Data.Seeding.Demo;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.IntegrationTests.Candidates;

public sealed class CandidatesDemoSeederTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().Where(s => s is DemoUsersSeeder or CandidatesDemoSeeder).OrderBy(s => s.Order))
            await seeder.SeedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Should_seed_a_busy_pipeline_with_duplicates_once()
    {
        await SeedAsync();
        await SeedAsync();

        var stats = await App.QueryAsync(async db => new
        {
            Candidates = await db.Candidates.CountAsync(),
            Stages = await db.Applications.Where(a => a.Status == ApplicationStatus.Active).Select(a => a.StageId).Distinct().CountAsync(),
            Rejected = await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Rejected),
            SkillsGaps = await db.Applications.CountAsync(a => a.RejectionReason == RejectionReason.SkillsGap && a.RejectionCompetencyId != null),
            Withdrawn = await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Withdrawn),
            Notes = await db.CandidateNotes.CountAsync(),
            Duplicates = await db.PossibleDuplicates.CountAsync(d => d.ResolvedAt == null),
            Events = await db.ActivityEvents.CountAsync(),
        });
        Assert.InRange(stats.Candidates, 60, 80);
        Assert.True(stats.Stages >= 6, $"active applications in {stats.Stages} stages");
        Assert.True(stats.Rejected >= 10);
        Assert.True(stats.SkillsGaps >= 1);
        Assert.True(stats.Withdrawn >= 2);
        Assert.True(stats.Notes >= 10);
        Assert.Equal(2, stats.Duplicates);
        Assert.True(stats.Events > stats.Candidates * 2);

        // The seeded pairs are ones the detector itself would flag.
        var pairs = await App.QueryAsync(db => db.PossibleDuplicates.AsNoTracking().ToListAsync());
        foreach (var pair in pairs)
        {
            var found = await App.QueryAsync(async db =>
            {
                var candidate = await db.Candidates.SingleAsync(c => c.Id == pair.CandidateId);
                db.PossibleDuplicates.RemoveRange(await db.PossibleDuplicates.ToListAsync());
                await db.SaveChangesAsync();
                await Duplicates.DetectAsync(db, candidate, App.Clock.GetUtcNow(), CancellationToken.None);
                return db.ChangeTracker.Entries<PossibleDuplicate>().Select(e => e.Entity).ToList();
            });
            Assert.Contains(found, d => d.Reason == pair.Reason);
        }
    }
}
