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

    private static JobPosting Open()
    {
        var posting = NewPosting();
        posting.SubmitForApproval(Recruiter, Now);
        posting.Approve(Manager, Now, null);
        return posting;
    }

    [Fact]
    public void Should_pause_and_resume_an_open_posting_and_record_who_did_it()
    {
        var posting = Open();
        posting.Pause(Recruiter, Now.AddDays(1), "On hold");
        Assert.Equal(PostingStatus.Paused, posting.Status);
        Assert.False(posting.IsPublic);
        var paused = posting.History[^1];
        Assert.Equal((posting.Id, Now.AddDays(1), (Guid?)Recruiter, PostingStatus.Open, PostingStatus.Paused, "On hold"),
            (paused.PostingId, paused.At, paused.ByUserId, paused.FromStatus, paused.ToStatus, paused.Comment));

        posting.Resume(Manager, Now.AddDays(2), null);
        Assert.Equal(PostingStatus.Open, posting.Status);
        Assert.Equal(Now, posting.PublishedAt);
        Assert.Equal("This posting is open, so it cannot move to open.",
            Assert.Throws<DomainException>(() => posting.Resume(Manager, Now, null)).Message);
    }

    [Fact]
    public void Should_close_from_any_state_but_closed_and_then_refuse_edits()
    {
        var draft = NewPosting();
        draft.EnsureEditable();
        draft.Close(ClosedReason.Cancelled, null, Now, "Budget cut");
        Assert.Equal((PostingStatus.Closed, (ClosedReason?)ClosedReason.Cancelled, (DateTimeOffset?)Now), (draft.Status, draft.ClosedReason, draft.ClosedAt));
        Assert.Equal("This posting is closed, so it can no longer be edited. Clone it to open the role again.",
            Assert.Throws<DomainException>(draft.EnsureEditable).Message);
        Assert.Equal("This posting is closed, so it cannot move to closed.",
            Assert.Throws<DomainException>(() => draft.Close(ClosedReason.Filled, null, Now.AddDays(1), null)).Message);
        Assert.Equal(ClosedReason.Cancelled, draft.ClosedReason);
        Assert.Equal(Now, draft.ClosedAt);

        var awaiting = NewPosting();
        awaiting.SubmitForApproval(Recruiter, Now);
        awaiting.Close(ClosedReason.Cancelled, Manager, Now, null);
        var paused = Open();
        paused.Pause(Recruiter, Now, null);
        paused.Close(ClosedReason.Filled, Recruiter, Now, null);
        Assert.Equal(PostingStatus.Closed, awaiting.Status);
        Assert.Equal(PostingStatus.Closed, paused.Status);
    }

    [Fact]
    public void Should_record_a_hire_only_on_an_open_or_paused_posting()
    {
        var draft = NewPosting();
        Assert.Equal("A hire cannot be recorded on a posting that is awaiting approval.", Assert.Throws<DomainException>(() =>
        {
            draft.SubmitForApproval(Recruiter, Now);
            draft.RecordHire(Recruiter, Now);
        }).Message);
        Assert.Equal(0, draft.FilledCount);

        var paused = Open();
        paused.Pause(Recruiter, Now, null);
        paused.RecordHire(null, Now.AddDays(3));
        Assert.Equal(1, paused.FilledCount);
        Assert.Equal(PostingStatus.Closed, paused.Status);
        Assert.Equal(Now.AddDays(3), paused.ClosedAt);
        Assert.Equal("Headcount of 1 reached.", paused.History[^1].Comment);
        Assert.Throws<DomainException>(() => paused.RecordHire(null, Now));
    }

    [Fact]
    public void Should_keep_the_team_as_given_once_each()
    {
        var posting = NewPosting();
        var (other, interviewer) = (Guid.NewGuid(), Guid.NewGuid());
        var kept = posting.TeamMembers.Single(m => m.Role == TeamRole.HiringManager);

        posting.SetTeam([(other, TeamRole.Recruiter), (Manager, TeamRole.HiringManager), (interviewer, TeamRole.Interviewer), (interviewer, TeamRole.Interviewer)]);

        Assert.Equal([(Manager, TeamRole.HiringManager), (other, TeamRole.Recruiter), (interviewer, TeamRole.Interviewer)],
            posting.TeamMembers.Select(m => (m.UserId, m.Role)));
        Assert.Same(kept, posting.TeamMembers[0]);
        Assert.All(posting.TeamMembers, m => Assert.Equal(posting.Id, m.PostingId));
        Assert.Equal(Manager, posting.HiringManagerId);
        Assert.Null(new JobPosting().HiringManagerId);
        Assert.Equal("A posting needs exactly one hiring manager.",
            Assert.Throws<DomainException>(() => posting.SetTeam([(Recruiter, TeamRole.Recruiter)])).Message);
        Assert.Equal("A posting needs at least one recruiter.",
            Assert.Throws<DomainException>(() => posting.SetTeam([(Manager, TeamRole.HiringManager)])).Message);
        Assert.Equal(3, posting.TeamMembers.Count);
    }

    [Fact]
    public void Should_number_screening_questions_in_the_order_they_were_added()
    {
        var posting = NewPosting();
        posting.AddScreeningQuestion("a", "First?", ScreeningAnswerKind.YesNo, true);
        posting.AddScreeningQuestion("b", "Second?", ScreeningAnswerKind.Salary, false);
        Assert.Equal([(0, "a"), (1, "b")], posting.ScreeningQuestions.Select(q => (q.Order, q.Key)));

        posting.ReplaceScreeningQuestions([new ScreeningQuestion(posting.Id, 0, "c", "Only?", ScreeningAnswerKind.LongText, true)]);
        Assert.Equal("c", Assert.Single(posting.ScreeningQuestions).Key);
    }

    [Fact]
    public void Should_clone_every_field_into_a_fresh_draft()
    {
        var posting = NewPosting();
        posting.Title = "T"; posting.Level = JobLevel.Staff; posting.Team = "Payments"; posting.LocationType = LocationType.Hybrid;
        posting.Location = "Porto"; posting.TimeZoneMinOffset = -2; posting.TimeZoneMaxOffset = 3; posting.EmploymentType = EmploymentType.Contract;
        posting.Salary = new SalaryBand { Min = 1, Max = 2, Currency = "EUR", IsPublic = true }; posting.Headcount = 3;
        posting.DescriptionMarkdown = "d"; posting.ResponsibilitiesMarkdown = "r"; posting.QualificationsMarkdown = "q";
        posting.PerksMarkdown = "p"; posting.TemplateName = "tpl";
        posting.AddScreeningQuestion("k", "Text?", ScreeningAnswerKind.Salary, false);
        posting.SubmitForApproval(Recruiter, Now);
        posting.Approve(Manager, Now, null);
        posting.RecordHire(Recruiter, Now);

        var copy = posting.CloneAsDraft();

        Assert.Equal(
            (posting.Title, posting.Level, posting.Team, posting.LocationType, posting.Location, posting.TimeZoneMinOffset, posting.TimeZoneMaxOffset,
                posting.EmploymentType, posting.Salary, posting.Headcount, posting.DescriptionMarkdown, posting.ResponsibilitiesMarkdown,
                posting.QualificationsMarkdown, posting.PerksMarkdown, posting.TemplateName),
            (copy.Title, copy.Level, copy.Team, copy.LocationType, copy.Location, copy.TimeZoneMinOffset, copy.TimeZoneMaxOffset,
                copy.EmploymentType, copy.Salary, copy.Headcount, copy.DescriptionMarkdown, copy.ResponsibilitiesMarkdown,
                copy.QualificationsMarkdown, copy.PerksMarkdown, copy.TemplateName));
        Assert.NotSame(posting.Salary, copy.Salary);
        Assert.Equal((0, PostingStatus.Draft, (DateTimeOffset?)null), (copy.FilledCount, copy.Status, copy.PublishedAt));
        Assert.Empty(copy.History);
        Assert.Equal([(Recruiter, TeamRole.Recruiter), (Manager, TeamRole.HiringManager)], copy.TeamMembers.Select(m => (m.UserId, m.Role)));
        Assert.All(copy.TeamMembers, m => Assert.Equal(copy.Id, m.PostingId));
        var question = Assert.Single(copy.ScreeningQuestions);
        Assert.Equal((0, "k", "Text?", ScreeningAnswerKind.Salary, false), (question.Order, question.Key, question.Text, question.Kind, question.Required));
    }

    [Theory]
    [InlineData(null, null, 5.0, true)]
    [InlineData(10, null, 10.0, true)]
    [InlineData(10, null, 9.99, false)]
    [InlineData(null, 20, 20.0, true)]
    [InlineData(null, 20, 20.01, false)]
    public void Should_contain_a_salary_between_its_ends_inclusive(int? min, int? max, double amount, bool contained) =>
        Assert.Equal(contained, new SalaryBand { Min = min, Max = max }.Contains((decimal)amount));

    [Fact]
    public void Should_display_enum_values_as_people_write_them()
    {
        Assert.Equal("On-site", LocationType.OnSite.Display());
        Assert.Equal("Remote", LocationType.Remote.Display());
        Assert.Equal("Full-time", EmploymentType.FullTime.Display());
        Assert.Equal("Part-time", EmploymentType.PartTime.Display());
        Assert.Equal("Contract", EmploymentType.Contract.Display());
        Assert.Equal("Awaiting approval", PostingStatus.AwaitingApproval.Display());
        Assert.Equal("Paused", PostingStatus.Paused.Display());
        Assert.Equal("Staff", JobLevel.Staff.Display());
    }
}
