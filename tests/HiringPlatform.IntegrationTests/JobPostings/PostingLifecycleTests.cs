using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.JobPostings;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.JobPostings;

public sealed class PostingLifecycleTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private async Task<(TestUser Recruiter, TestUser Manager, PostingInfo Posting)> ArrangeAsync(PostingStatus status = PostingStatus.Draft)
    {
        var recruiter = await App.CreateUserAsync("Life Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Life Manager", Roles.HiringManager);
        return (recruiter, manager, await App.CreatePostingAsync(recruiter, manager, status: status));
    }

    [Fact]
    public async Task Should_go_from_draft_through_approval_to_open_with_history_and_audit()
    {
        var (recruiter, manager, posting) = await ArrangeAsync();

        await App.SendAsync(new SubmitPostingForApproval.Command(posting.Id), recruiter);
        App.Clock.Advance(TimeSpan.FromHours(2));
        await App.SendAsync(new ApprovePosting.Command { Id = posting.Id, Comment = "Good to go" }, manager);

        var details = await App.SendAsync(new GetPosting.Query(posting.Id), recruiter);
        Assert.Equal(PostingStatus.Open, details.Status);
        Assert.NotNull(details.PublishedAt);
        Assert.Equal(2, details.History.Count);
        Assert.Equal((PostingStatus.AwaitingApproval, PostingStatus.Open, "Life Manager", "Good to go"),
            (details.History[0].From, details.History[0].To, details.History[0].ByName, details.History[0].Comment));
        Assert.Equal((PostingStatus.Draft, PostingStatus.AwaitingApproval, "Life Recruiter"),
            (details.History[1].From, details.History[1].To, details.History[1].ByName));
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(JobPosting) && a.EntityId == posting.Id.ToString())
            .Select(a => new { a.Command, a.UserId, a.Fields }).ToListAsync());
        Assert.Contains(audit, a => a.Command == "SubmitPostingForApproval.Command" && a.UserId == recruiter.Id && a.Fields.Contains("Status"));
        Assert.Contains(audit, a => a.Command == "ApprovePosting.Command" && a.UserId == manager.Id && a.Fields.Contains("PublishedAt"));
        Assert.Equal(2, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(PostingEvent))));
    }

    [Fact]
    public async Task Should_let_only_the_posting_s_hiring_manager_or_an_admin_approve()
    {
        var (recruiter, _, posting) = await ArrangeAsync(PostingStatus.AwaitingApproval);
        var otherManager = await App.CreateUserAsync("Other Manager", Roles.HiringManager);
        var admin = await App.CreateUserAsync("Life Admin", Roles.Admin);

        var forbidden = await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new ApprovePosting.Command { Id = posting.Id }, recruiter));
        Assert.StartsWith("Only the posting's hiring manager or an admin", forbidden.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new SendPostingBack.Command { Id = posting.Id, Comment = "no" }, recruiter));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ApprovePosting.Command { Id = posting.Id }, otherManager));

        await App.SendAsync(new ApprovePosting.Command { Id = posting.Id }, admin);
        Assert.Equal(PostingStatus.Open, (await App.FindAsync<JobPosting>(posting.Id))!.Status);
    }

    [Fact]
    public async Task Should_send_a_posting_back_to_draft_with_the_hiring_manager_s_comment()
    {
        var (_, manager, posting) = await ArrangeAsync(PostingStatus.AwaitingApproval);

        var missing = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new SendPostingBack.Command { Id = posting.Id, Comment = " " }, manager));
        Assert.Equal("Say what needs to change before the posting can be approved.", missing.Errors["Comment"].Single());

        await App.SendAsync(new SendPostingBack.Command { Id = posting.Id, Comment = "Please add the salary band." }, manager);

        var details = await App.SendAsync(new GetPosting.Query(posting.Id), manager);
        Assert.Equal(PostingStatus.Draft, details.Status);
        Assert.Equal("Please add the salary band.", details.History[0].Comment);
    }

    [Fact]
    public async Task Should_refuse_a_transition_the_current_state_does_not_allow_with_a_plain_message()
    {
        var (recruiter, manager, posting) = await ArrangeAsync();

        var approve = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new ApprovePosting.Command { Id = posting.Id }, manager));
        Assert.Equal("This posting is draft, so it cannot move to open.", approve.Message);
        var pause = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new PausePosting.Command { Id = posting.Id }, recruiter));
        Assert.Equal("This posting is draft, so it cannot move to paused.", pause.Message);
        var resume = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new ResumePosting.Command { Id = posting.Id }, recruiter));
        Assert.Equal("This posting is draft, so it cannot move to open.", resume.Message);
        Assert.Equal(PostingStatus.Draft, (await App.FindAsync<JobPosting>(posting.Id))!.Status);
        Assert.Equal(0, await App.WithDbAsync(db => db.PostingEvents.CountAsync(e => e.PostingId == posting.Id)));
    }

    [Fact]
    public async Task Should_refuse_to_submit_a_posting_without_a_description()
    {
        var recruiter = await App.CreateUserAsync("Empty Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Empty Manager", Roles.HiringManager);
        var id = await App.SendAsync(new CreatePosting.Command { Start = PostingStart.Blank, Title = "Empty", HiringManagerId = manager.Id }, recruiter);

        var ex = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new SubmitPostingForApproval.Command(id), recruiter));

        Assert.Equal("Add a description before submitting the posting for approval.", ex.Message);
    }

    [Fact]
    public async Task Should_pause_resume_and_close_as_filled_then_refuse_further_changes()
    {
        var (recruiter, _, posting) = await ArrangeAsync(PostingStatus.Open);

        await App.SendAsync(new PausePosting.Command { Id = posting.Id, Comment = "Shortlist is full" }, recruiter);
        Assert.Equal(PostingStatus.Paused, (await App.FindAsync<JobPosting>(posting.Id))!.Status);
        await App.SendAsync(new ResumePosting.Command { Id = posting.Id }, recruiter);
        Assert.Equal(PostingStatus.Open, (await App.FindAsync<JobPosting>(posting.Id))!.Status);

        var noReason = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new ClosePosting.Command { Id = posting.Id }, recruiter));
        Assert.Equal("Say whether the role was filled or cancelled.", noReason.Errors["Reason"].Single());
        await App.SendAsync(new ClosePosting.Command { Id = posting.Id, Reason = ClosedReason.Filled, Comment = "Hired Maya" }, recruiter);

        var closed = (await App.FindAsync<JobPosting>(posting.Id))!;
        Assert.Equal((PostingStatus.Closed, ClosedReason.Filled), (closed.Status, closed.ClosedReason));
        Assert.NotNull(closed.ClosedAt);
        var again = await Assert.ThrowsAsync<DomainException>(() =>
            App.SendAsync(new ClosePosting.Command { Id = posting.Id, Reason = ClosedReason.Cancelled }, recruiter));
        Assert.Equal("This posting is closed, so it cannot move to closed.", again.Message);
        var details = await App.SendAsync(new GetPosting.Query(posting.Id), recruiter);
        Assert.Equal([PostingStatus.Closed, PostingStatus.Open, PostingStatus.Paused], details.History.Take(3).Select(h => h.To).ToArray());
    }

    [Fact]
    public async Task Should_refuse_lifecycle_commands_from_staff_outside_the_team_and_interviewers()
    {
        var (_, _, posting) = await ArrangeAsync(PostingStatus.Open);
        var outsider = await App.CreateUserAsync("Outsider", Roles.Recruiter);
        var interviewer = await App.CreateUserAsync("Interviewer", Roles.Interviewer);

        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new PausePosting.Command { Id = posting.Id }, outsider));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new PausePosting.Command { Id = posting.Id }, interviewer));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ClonePosting.Command(posting.Id), outsider));
        Assert.Equal(PostingStatus.Open, (await App.FindAsync<JobPosting>(posting.Id))!.Status);
    }
}
