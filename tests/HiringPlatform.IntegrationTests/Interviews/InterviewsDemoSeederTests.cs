using HiringPlatform.Application.Data.Seeding;
using HiringPlatform.Application.Data.Seeding.Demo;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.IntegrationTests.Interviews;

public sealed class InterviewsDemoSeederTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().Where(s => s.Order is 0 or 30).OrderBy(s => s.Order))
            await seeder.SeedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Should_seed_past_and_upcoming_interviews_feedback_a_decision_and_an_offer_once()
    {
        await SeedAsync();
        await SeedAsync();

        var counts = await App.WithDbAsync(async db => new
        {
            Interviews = await db.Interviews.CountAsync(),
            Upcoming = await db.Interviews.CountAsync(i => i.StartsAt > App.Clock.GetUtcNow()),
            Submitted = await db.Scorecards.CountAsync(s => s.Status == ScorecardStatus.Submitted),
            Drafts = await db.Scorecards.CountAsync(s => s.Status == ScorecardStatus.Draft),
            Decisions = await db.Decisions.CountAsync(),
            Approved = await db.Offers.CountAsync(o => o.Status == OfferStatus.Approved),
            Scored = await db.Applications.CountAsync(a => a.WeightedScore != null),
            Evidence = await db.ScorecardRatings.CountAsync(r => r.Rating != null && r.Evidence != null && r.Evidence.Length > 40),
        });
        Assert.Equal(8, counts.Interviews);
        Assert.Equal(2, counts.Upcoming);
        Assert.Equal(9, counts.Submitted);
        Assert.Equal(1, counts.Drafts);
        Assert.Equal(1, counts.Decisions);
        Assert.Equal(1, counts.Approved);
        Assert.Equal(3, counts.Scored);
        Assert.True(counts.Evidence >= 40);

        var interviewer2 = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoUsers.Interviewer2.Email));
        var asInterviewer2 = new TestUser(interviewer2.Id, interviewer2.Email!, interviewer2.DisplayName, DemoUsers.Interviewer2.Roles, DemoUsers.Password);
        var mine = await App.SendAsync(new GetMyInterviews.Query(), asInterviewer2);
        Assert.Single(mine.MyFeedbackDue, i => i.IsOverdue);
        Assert.Single(mine.MyUpcoming);
    }
}
