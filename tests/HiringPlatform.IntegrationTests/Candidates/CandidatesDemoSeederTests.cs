using HiringPlatform.Application.Data.Seeding;
using HiringPlatform.Application.Data.Seeding.Demo;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
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

    // What ./build.sh run shows: every demo seeder in order (postings first, then candidates, then interviews), and
    // the demo recruiter can work each open posting's board, find people, and merge both flagged pairs.
    [Fact]
    public async Task Should_give_each_open_demo_posting_a_busy_board_the_demo_recruiter_can_work_and_merge_its_duplicates()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
                await seeder.SeedAsync(CancellationToken.None);
        }
        var recruiterId = await App.QueryAsync(db => db.Users.Where(u => u.Email == DemoUsers.Recruiter.Email).Select(u => u.Id).SingleAsync());
        var recruiter = new TestUser(recruiterId, DemoUsers.Recruiter.Email, DemoUsers.Recruiter.DisplayName, [Roles.Recruiter], "");
        var open = await App.QueryAsync(db => db.JobPostings.Where(p => p.Status == PostingStatus.Open).Select(p => p.Id).ToListAsync());
        Assert.NotEmpty(open);

        foreach (var postingId in open)
        {
            var board = await App.SendAsync(new GetBoard.Query { PostingId = postingId }, recruiter);
            var active = board.Columns.Sum(c => c.Count);
            Assert.True(active >= 24, $"{board.PostingTitle}: {active} active applications");
            Assert.True(board.Columns.Count(c => c.Count > 0) >= 5, $"{board.PostingTitle}: active in {board.Columns.Count(c => c.Count > 0)} stages");
            Assert.True(board.StatusCounts[ApplicationStatus.Rejected] >= 5, $"{board.PostingTitle}: {board.StatusCounts[ApplicationStatus.Rejected]} rejected");

            // Move the oldest card of the first column forward, and reject the next one for a skills gap.
            var first = board.Columns[0];
            var moved = await App.SendAsync(new MoveApplication.Command
            {
                ApplicationId = first.Cards[0].ApplicationId, ToStageId = first.NextStageId!.Value, Version = first.Cards[0].Version,
            }, recruiter);
            Assert.Equal(board.Columns[1].Name, moved.StageName);
            await App.SendAsync(new RejectApplication.Command
            {
                ApplicationId = first.Cards[1].ApplicationId, Version = first.Cards[1].Version, Reason = RejectionReason.SkillsGap,
                CompetencyId = board.Competencies[0].Id,
            }, recruiter);
            var after = await App.SendAsync(new GetBoard.Query { PostingId = postingId }, recruiter);
            Assert.Equal(first.Count - 2, after.Columns[0].Count);
            Assert.Equal(board.Columns[1].Count + 1, after.Columns[1].Count);
        }

        var search = await App.SendAsync(new SearchCandidates.Query { Q = "incident response" }, recruiter);
        Assert.True(search.Results.Count >= 10, $"{search.Results.Count} résumés mention incident response");
        Assert.All(search.Results.Take(3), r => Assert.Contains("résumé", r.MatchedOn));

        var pairs = await App.QueryAsync(db => db.PossibleDuplicates.AsNoTracking().Where(d => d.ResolvedAt == null).ToListAsync());
        Assert.Equal(2, pairs.Count);
        foreach (var pair in pairs)
        {
            var preview = await App.SendAsync(new GetMergePreview.Query { CandidateId = pair.CandidateId, OtherId = pair.OtherCandidateId }, recruiter);
            Assert.Equal(pair.Reason, preview.Reason);
            var applications = preview.Candidate.Applications.Count + preview.Other.Applications.Count;
            var merged = await App.SendAsync(new MergeCandidates.Command
            {
                CandidateId = pair.CandidateId, OtherId = pair.OtherCandidateId, SurvivorId = pair.CandidateId,
            }, recruiter);
            Assert.Equal(applications - merged.ApplicationsCombined, await App.QueryAsync(db => db.Applications.CountAsync(a => a.CandidateId == pair.CandidateId)));
        }
        Assert.Equal(0, await App.QueryAsync(db => db.PossibleDuplicates.CountAsync(d => d.ResolvedAt == null)));
    }
}
