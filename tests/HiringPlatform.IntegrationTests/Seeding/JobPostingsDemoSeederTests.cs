using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Data.Seeding.Demo;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.IntegrationTests.Seeding;

public sealed class JobPostingsDemoSeederTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await new DemoUsersSeeder(services.GetRequiredService<UserManager<AppUser>>(), App.Clock).SeedAsync(CancellationToken.None);
        await new JobPostingsDemoSeeder(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<IFileStorage>(), App.Clock)
            .SeedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Should_seed_postings_in_every_state_with_applicants_once()
    {
        await SeedAsync();
        await SeedAsync();

        var postings = await App.WithDbAsync(db => db.JobPostings.Select(p => new { p.Title, p.Status, p.LocationType }).ToListAsync());
        Assert.Equal(6, postings.Count);
        Assert.Equal(
            [PostingStatus.Draft, PostingStatus.AwaitingApproval, PostingStatus.Open, PostingStatus.Paused, PostingStatus.Closed],
            postings.Select(p => p.Status).Distinct().Order().ToArray());
        Assert.Contains(postings, p => p is { Title: "Senior Backend Engineer", Status: PostingStatus.Open, LocationType: LocationType.Remote });
        Assert.Contains(postings, p => p is { Title: "Staff Platform Engineer", Status: PostingStatus.Open, LocationType: LocationType.Hybrid });
        var applications = await App.WithDbAsync(db => db.Applications.CountAsync());
        Assert.Equal(10, applications);
        Assert.Equal(10, await App.WithDbAsync(db => db.Files.CountAsync(f => f.Kind == FileKind.Resume)));
        Assert.All(await App.WithDbAsync(db => db.Candidates.Select(c => c.Email).ToListAsync()), e => Assert.EndsWith("@example.com", e, StringComparison.Ordinal));
    }
}
