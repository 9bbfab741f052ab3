using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.UnitTests.Domain;

public sealed class JobApplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static JobApplication NewApplication() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), CandidateSource.Referral, "Grace", Now);

    [Fact]
    public void Should_start_active_in_the_first_stage_on_the_day_it_was_applied()
    {
        var application = NewApplication();
        Assert.True(application.IsActive);
        Assert.Equal(ApplicationStatus.Active, application.Status);
        Assert.Equal(Now, application.AppliedAt);
        Assert.Equal(Now, application.StageEnteredAt);
        Assert.Empty(application.DomainEvents);
    }

    [Fact]
    public void Should_move_to_another_stage_and_restart_the_days_in_stage()
    {
        var application = NewApplication();
        var next = Guid.NewGuid();
        application.MoveTo(next, Now.AddDays(3));
        Assert.Equal(next, application.StageId);
        Assert.Equal(Now.AddDays(3), application.StageEnteredAt);
    }

    [Fact]
    public void Should_refuse_a_move_to_the_stage_it_is_already_in()
    {
        var application = NewApplication();
        var error = Assert.Throws<DomainException>(() => application.MoveTo(application.StageId, Now.AddDays(1)));
        Assert.Equal("The application is already in that stage.", error.Message);
        Assert.Equal(Now, application.StageEnteredAt);
        Assert.Empty(application.DomainEvents);
    }

    [Fact]
    public void Should_require_a_note_for_the_other_reason_and_keep_it_trimmed()
    {
        var application = NewApplication();
        Assert.Equal("Add a note explaining the reason.",
            Assert.Throws<DomainException>(() => application.Reject(RejectionReason.Other, null, "  ", Now)).Message);
        Assert.True(application.IsActive);

        application.Reject(RejectionReason.Other, Guid.NewGuid(), "  Relocating abroad. ", Now.AddDays(2));

        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal(RejectionReason.Other, application.RejectionReason);
        Assert.Equal("Relocating abroad.", application.RejectionNote);
        Assert.Null(application.RejectionCompetencyId);
        Assert.Equal(Now.AddDays(2), application.ClosedAt);
        Assert.Equal(new ApplicationRejected(application, Now.AddDays(2)), Assert.Single(application.DomainEvents));
    }

    [Fact]
    public void Should_keep_no_note_when_the_note_is_blank()
    {
        var application = NewApplication();
        application.Reject(RejectionReason.Compensation, null, "   ", Now);
        Assert.Null(application.RejectionNote);
        Assert.Equal("Name the competency that is missing.",
            Assert.Throws<DomainException>(() => NewApplication().Reject(RejectionReason.SkillsGap, null, "note", Now)).Message);
    }

    [Fact]
    public void Should_measure_the_rejection_note_after_trimming_it()
    {
        var application = NewApplication();
        var note = "  " + new string('x', JobApplication.MaxRejectionNoteLength) + "  ";
        application.Reject(RejectionReason.Other, null, note, Now);
        Assert.Equal(JobApplication.MaxRejectionNoteLength, application.RejectionNote!.Length);
        Assert.Equal("A rejection note holds at most 2,000 characters.",
            Assert.Throws<DomainException>(() => NewApplication().Reject(RejectionReason.Compensation, null,
                new string('x', JobApplication.MaxRejectionNoteLength + 1), Now)).Message);
    }

    [Fact]
    public void Should_say_why_a_closed_application_cannot_change()
    {
        var withdrawn = NewApplication();
        withdrawn.Withdraw(Now, WithdrawnBy.Candidate);
        Assert.Equal(ApplicationStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(Now, withdrawn.ClosedAt);
        Assert.False(withdrawn.IsActive);
        Assert.Equal("This application is withdrawn, so it cannot be hired.",
            Assert.Throws<DomainException>(() => withdrawn.Hire(Now)).Message);
        Assert.Equal("This application is withdrawn, so it cannot be rejected.",
            Assert.Throws<DomainException>(() => withdrawn.Reject(RejectionReason.Compensation, null, null, Now)).Message);
        Assert.Equal("This application is withdrawn, so it cannot be withdrawn.",
            Assert.Throws<DomainException>(() => withdrawn.Withdraw(Now, WithdrawnBy.HiringTeam)).Message);
        Assert.Equal("This application is withdrawn, so it cannot be moved.",
            Assert.Throws<DomainException>(() => withdrawn.MoveTo(Guid.NewGuid(), Now)).Message);

        var hired = NewApplication();
        hired.Hire(Now.AddDays(1));
        Assert.Equal(ApplicationStatus.Hired, hired.Status);
        Assert.Equal(Now.AddDays(1), hired.ClosedAt);
        Assert.Equal("Only a rejected application can be reopened.", Assert.Throws<DomainException>(() => hired.Reopen(Now)).Message);
        Assert.Throws<DomainException>(() => hired.Withdraw(Now, WithdrawnBy.Erasure));
    }

    [Fact]
    public void Should_reopen_without_the_rejection_and_keep_the_days_in_stage_when_reopened_at_once()
    {
        var application = NewApplication();
        application.Reject(RejectionReason.SkillsGap, Guid.NewGuid(), "Needs more SQL", Now.AddDays(10));

        application.Reopen(Now.AddDays(10));

        Assert.Equal(Now, application.StageEnteredAt);
        Assert.True(application.IsActive);
        Assert.Null(application.RejectionReason);
        Assert.Null(application.RejectionCompetencyId);
        Assert.Null(application.RejectionNote);
        Assert.Null(application.ClosedAt);
    }

    [Fact]
    public void Should_restart_the_days_in_stage_when_the_reopen_is_dated_before_the_rejection()
    {
        var application = NewApplication();
        application.Reject(RejectionReason.Compensation, null, null, Now.AddDays(10));
        application.Reopen(Now.AddDays(5));
        Assert.Equal(Now.AddDays(5), application.StageEnteredAt);
    }

    [Fact]
    public void Should_erase_what_the_candidate_wrote()
    {
        var application = NewApplication();
        application.CoverNote = "Dear team";
        var question = Guid.NewGuid();
        application.AddAnswer(question, "Salary expectation?", "200k");
        application.Reject(RejectionReason.Other, null, "Said something personal", Now);

        application.EraseAnswers();

        var answer = Assert.Single(application.Answers);
        Assert.Equal("", answer.Answer);
        Assert.Equal("Salary expectation?", answer.QuestionText);
        Assert.Equal(question, answer.QuestionId);
        Assert.Equal(application.Id, answer.ApplicationId);
        Assert.Null(application.CoverNote);
        Assert.Null(application.SourceDetail);
        Assert.Null(application.RejectionNote);
    }

    [Fact]
    public void Should_move_to_the_surviving_candidate_on_a_merge()
    {
        var application = NewApplication();
        var survivor = Guid.NewGuid();
        application.ReassignCandidate(survivor);
        Assert.Equal(survivor, application.CandidateId);
    }
}
