using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.JobPostings;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.JobPostings;

public sealed class GetPostingTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_show_stage_counts_recent_applications_team_and_who_may_approve()
    {
        var recruiter = await App.CreateUserAsync("Details Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Details Manager", Roles.HiringManager);
        var interviewer = await App.CreateUserAsync("Details Interviewer", Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, manager, [interviewer]);
        await App.CreateApplicantAsync(posting, "First Applicant");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await App.CreateApplicantAsync(posting, "Second Applicant", "Coding exercise");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var (_, withdrawn) = await App.CreateApplicantAsync(posting, "Third Applicant");
        await App.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == withdrawn);
            application.Withdraw(App.Clock.GetUtcNow(), WithdrawnBy.HiringTeam);
            await db.SaveChangesAsync();
        });

        var forRecruiter = await App.SendAsync(new GetPosting.Query(posting.Id), recruiter);
        var forManager = await App.SendAsync(new GetPosting.Query(posting.Id), manager);

        Assert.Equal(8, forRecruiter.Stages.Count);
        Assert.Equal(1, forRecruiter.Stages.Single(s => s.Name == "Application review").ActiveCount);
        Assert.Equal(1, forRecruiter.Stages.Single(s => s.Name == "Coding exercise").ActiveCount);
        Assert.Equal((2, 3, 3), (forRecruiter.ActiveCandidates, forRecruiter.TotalApplications, forRecruiter.NewThisWeek));
        Assert.Equal(["Third Applicant", "Second Applicant", "First Applicant"], forRecruiter.Recent.Select(r => r.CandidateName).ToArray());
        Assert.Equal("Coding exercise", forRecruiter.Recent[1].StageName);
        Assert.Equal(3, forRecruiter.TeamMembers.Count);
        Assert.Equal(3, forRecruiter.Questions.Count);
        Assert.False(forRecruiter.CanApprove);
        Assert.True(forManager.CanApprove);
        Assert.True(forRecruiter.IsPublic);
    }

    [Fact]
    public async Task Should_answer_not_found_outside_the_team_and_refuse_interviewers()
    {
        var recruiter = await App.CreateUserAsync("Details Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Details Manager", Roles.HiringManager);
        var interviewer = await App.CreateUserAsync("Details Interviewer", Roles.Interviewer);
        var outsider = await App.CreateUserAsync("Details Outsider", Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, manager, [interviewer], PostingStatus.Draft);

        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetPosting.Query(posting.Id), outsider));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new GetPosting.Query(posting.Id), interviewer));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetPosting.Query(Guid.CreateVersion7()), recruiter));
    }
}
