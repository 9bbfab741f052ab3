using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Application.Features.JobPostings;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.JobPostings;

// Bug 1 of issue #11: a user holding the global Recruiter or HiringManager role who is on posting P's team only as an
// interviewer is an interviewer on P, nothing more (ADR-0009).
public sealed class PostingAccessTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private async Task<(PostingInfo Posting, TestUser ManagerInterviewer, TestUser RecruiterInterviewer, TestUser Recruiter, TestUser Manager)> SeatedAsync(PostingStatus status)
    {
        var recruiter = await App.CreateUserAsync("Own Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Own Manager", Roles.HiringManager);
        var managerInterviewer = await App.CreateUserAsync("Manager Interviewer", Roles.HiringManager, Roles.Interviewer);
        var recruiterInterviewer = await App.CreateUserAsync("Recruiter Interviewer", Roles.Recruiter, Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, manager, [managerInterviewer, recruiterInterviewer], status);
        return (posting, managerInterviewer, recruiterInterviewer, recruiter, manager);
    }

    [Fact]
    public async Task Should_not_let_a_recruiter_or_hiring_manager_seated_only_as_interviewer_see_or_change_the_posting()
    {
        var (posting, managerInterviewer, recruiterInterviewer, recruiter, _) = await SeatedAsync(PostingStatus.Open);
        var draft = await App.CreatePostingAsync(recruiter, await App.CreateUserAsync("Draft Manager", Roles.HiringManager),
            [managerInterviewer, recruiterInterviewer], PostingStatus.Draft);
        var ownForm = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);

        foreach (var user in new[] { managerInterviewer, recruiterInterviewer })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetPosting.Query(posting.Id), user));
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new EditPosting.Query(posting.Id), user));
            // Making themselves its hiring manager: refused before any rule looks at the form.
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(ownForm with { HiringManagerId = user.Id }, user));
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new PausePosting.Command { Id = posting.Id }, user));
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ClosePosting.Command { Id = posting.Id, Reason = ClosedReason.Cancelled }, user));
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ClonePosting.Command(posting.Id), user));
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new SubmitPostingForApproval.Command(draft.Id), user));
            var list = await App.SendAsync(new ListPostings.Query(), user);
            Assert.DoesNotContain(list.Items, p => p.Id == posting.Id);
        }
        var stored = await App.QueryAsync(db => db.JobPostings.Include(p => p.TeamMembers).SingleAsync(p => p.Id == posting.Id));
        Assert.Equal(PostingStatus.Open, stored.Status);
        Assert.NotEqual(managerInterviewer.Id, stored.HiringManagerId);
        Assert.Equal(2, await App.QueryAsync(db => db.JobPostings.CountAsync()));
    }

    [Fact]
    public async Task Should_not_let_a_hiring_manager_seated_only_as_interviewer_read_feedback_decisions_or_offers()
    {
        var (posting, managerInterviewer, recruiterInterviewer, _, _) = await SeatedAsync(PostingStatus.Open);
        var (_, applicationId) = await App.CreateApplicantAsync(posting, "Seated Candidate");

        foreach (var user in new[] { managerInterviewer, recruiterInterviewer })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetApplicationScore.Query { ApplicationId = applicationId }, user));
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetPanelFeedback.Query { ApplicationId = applicationId }, user));
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetOffer.Query { ApplicationId = applicationId }, user));
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ComparePostingCandidates.Query { PostingId = posting.Id }, user));
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetBoard.Query { PostingId = posting.Id }, user));
        }
    }

    [Fact]
    public async Task Should_let_only_an_admin_or_the_current_hiring_manager_change_the_hiring_manager()
    {
        var (posting, managerInterviewer, _, recruiter, manager) = await SeatedAsync(PostingStatus.Open);
        var form = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(form with { HiringManagerId = managerInterviewer.Id }, recruiter));
        Assert.Contains(nameof(EditPosting.Command.HiringManagerId), refused.Errors.Keys);
        // The recruiter may still edit everything else.
        await App.SendAsync(form with { Title = "Renamed by the recruiter" }, recruiter);

        var admin = await App.CreateUserAsync("Posting Admin", Roles.Admin);
        var current = await App.SendAsync(new EditPosting.Query(posting.Id), admin);
        await App.SendAsync(current with { HiringManagerId = managerInterviewer.Id, InterviewerIds = [] }, admin);
        var stored = await App.QueryAsync(db => db.JobPostings.Include(p => p.TeamMembers).SingleAsync(p => p.Id == posting.Id));
        Assert.Equal(managerInterviewer.Id, stored.HiringManagerId);

        // The (new) current hiring manager may hand over in turn: no hiring-manager error (only "keep yourself on the team").
        var handOver = await App.SendAsync(new EditPosting.Query(posting.Id), managerInterviewer);
        var errors = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(handOver with { HiringManagerId = manager.Id }, managerInterviewer));
        Assert.DoesNotContain(nameof(EditPosting.Command.HiringManagerId), errors.Errors.Keys);
    }
}
