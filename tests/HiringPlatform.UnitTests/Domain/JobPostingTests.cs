using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.JobPostings;

namespace HiringPlatform.UnitTests.Domain;

public sealed class JobPostingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Recruiter = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();

    private static JobPosting NewPosting(int headcount = 1)
    {
        var posting = new JobPosting { Title = "Senior Backend Engineer", Headcount = headcount };
        posting.SetTeam([(Recruiter, TeamRole.Recruiter), (Manager, TeamRole.HiringManager)]);
        return posting;
    }

    [Fact]
    public void Should_go_from_draft_to_open_through_approval_and_record_the_history()
    {
        var posting = NewPosting();
        posting.SubmitForApproval(Recruiter, Now);
        posting.Approve(Manager, Now.AddHours(1), "Looks good");

        Assert.Equal(PostingStatus.Open, posting.Status);
        Assert.True(posting.IsPublic);
        Assert.Equal(Now.AddHours(1), posting.PublishedAt);
        Assert.Equal([PostingStatus.AwaitingApproval, PostingStatus.Open], posting.History.Select(h => h.ToStatus));
    }

    [Fact]
    public void Should_refuse_a_transition_that_is_not_allowed_from_the_current_state_with_a_plain_message()
    {
        var posting = NewPosting();
        var error = Assert.Throws<DomainException>(() => posting.Approve(Manager, Now, null));
        Assert.Equal("This posting is draft, so it cannot move to open.", error.Message);
        Assert.Equal(PostingStatus.Draft, posting.Status);
        Assert.Empty(posting.History);
    }

    [Fact]
    public void Should_send_back_to_draft_with_the_comment()
    {
        var posting = NewPosting();
        posting.SubmitForApproval(Recruiter, Now);
        posting.SendBack(Manager, Now, "Add the salary band");
        Assert.Equal(PostingStatus.Draft, posting.Status);
        Assert.Equal("Add the salary band", posting.History[^1].Comment);
    }

    [Fact]
    public void Should_close_as_filled_when_the_headcount_is_reached()
    {
        var posting = NewPosting(headcount: 2);
        posting.SubmitForApproval(Recruiter, Now);
        posting.Approve(Manager, Now, null);

        posting.RecordHire(Recruiter, Now);
        Assert.Equal(PostingStatus.Open, posting.Status);
        posting.RecordHire(Recruiter, Now);
        Assert.Equal(PostingStatus.Closed, posting.Status);
        Assert.Equal(ClosedReason.Filled, posting.ClosedReason);
        Assert.Equal(2, posting.FilledCount);
    }

    [Fact]
    public void Should_require_exactly_one_hiring_manager_and_a_recruiter_on_the_team()
    {
        var posting = new JobPosting();
        Assert.Throws<DomainException>(() => posting.SetTeam([(Recruiter, TeamRole.Recruiter)]));
        Assert.Throws<DomainException>(() => posting.SetTeam([(Manager, TeamRole.HiringManager)]));
        Assert.Throws<DomainException>(() => posting.SetTeam([(Recruiter, TeamRole.Recruiter), (Manager, TeamRole.HiringManager), (Guid.NewGuid(), TeamRole.HiringManager)]));
    }

    [Fact]
    public void Should_clone_as_a_draft_with_the_same_team_and_questions()
    {
        var posting = NewPosting();
        posting.AddScreeningQuestion("notice-period", "Notice period?", ScreeningAnswerKind.ShortText, true);
        posting.SubmitForApproval(Recruiter, Now);
        var copy = posting.CloneAsDraft();
        Assert.NotEqual(posting.Id, copy.Id);
        Assert.Equal(PostingStatus.Draft, copy.Status);
        Assert.Equal(Manager, copy.HiringManagerId);
        Assert.Single(copy.ScreeningQuestions);
        Assert.All(copy.ScreeningQuestions, q => Assert.Equal(copy.Id, q.PostingId));
    }
}
