using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;

namespace HiringPlatform.UnitTests.Domain;

public sealed class InterviewTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_mark_every_new_interviewer_as_owing_feedback_until_the_interview_s_end_and_follow_a_reschedule()
    {
        var interview = new Interview(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Start, 60, "Room 4");
        var (alice, bob) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        interview.SetInterviewers([alice, bob]);
        Assert.All(interview.Participants, p => Assert.Equal(Start.AddHours(1), p.PendingFeedbackEndsAt));
        Assert.All(interview.Participants, p => Assert.Equal(Start, p.ScheduledStartsAt));

        interview.Participants.Single(p => p.InterviewerId == alice).RecordFeedbackSubmitted();
        interview.Reschedule(Start.AddDays(1), 45, Start.AddDays(-1));

        Assert.Null(interview.Participants.Single(p => p.InterviewerId == alice).PendingFeedbackEndsAt);
        Assert.Equal(Start.AddDays(1).AddMinutes(45), interview.Participants.Single(p => p.InterviewerId == bob).PendingFeedbackEndsAt);
        Assert.All(interview.Participants, p => Assert.Equal(Start.AddDays(1), p.ScheduledStartsAt));
    }

    [Fact]
    public void Should_owe_nothing_once_the_interview_is_cancelled()
    {
        var interview = new Interview(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Start, 60, null);
        interview.SetInterviewers([Guid.CreateVersion7()]);
        interview.Cancel("Candidate asked to move it", Start.AddDays(-1));
        Assert.All(interview.Participants, p => Assert.Null(p.PendingFeedbackEndsAt));
        Assert.All(interview.Participants, p => Assert.Null(p.ScheduledStartsAt));
    }

    [Fact]
    public void Should_count_an_interview_as_completed_once_it_ended_and_refuse_to_cancel_or_move_it()
    {
        var interview = new Interview(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Start, 60, null);
        var interviewer = Guid.CreateVersion7();
        interview.SetInterviewers([interviewer]);
        Assert.Equal(InterviewStatus.Scheduled, interview.StatusAt(Start.AddMinutes(59)));
        Assert.True(interview.IsUpcoming(Start.AddMinutes(-1)));
        Assert.False(interview.IsUpcoming(Start));
        var ended = Start.AddMinutes(60);
        Assert.Equal(InterviewStatus.Completed, interview.StatusAt(ended));

        Assert.Contains("already taken place", Assert.Throws<DomainException>(() => interview.Cancel(null, ended)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => interview.Reschedule(ended.AddDays(1), 60, ended));
        // What took place still owes its feedback.
        Assert.Equal(ended, interview.Participants.Single().PendingFeedbackEndsAt);
        Assert.Equal(InterviewStatus.Scheduled, interview.Status);
    }
}
