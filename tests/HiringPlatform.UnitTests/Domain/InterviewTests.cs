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

    private static Interview NewInterview(int minutes = 60) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Start, minutes, null);

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(Interview.MaxDurationMinutes + 1)]
    public void Should_refuse_a_duration_outside_one_minute_to_eight_hours(int minutes)
    {
        Assert.Equal("An interview lasts between 1 minute and 8 hours.", Assert.Throws<DomainException>(() => NewInterview(minutes)).Message);
        var interview = NewInterview();
        interview.SetInterviewers([Guid.CreateVersion7()]);
        Assert.Throws<DomainException>(() => interview.Reschedule(Start.AddDays(1), minutes, Start.AddDays(-1)));
        Assert.Equal(Start, interview.StartsAt);
        Assert.Equal(0, interview.CalendarSequence);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(Interview.MaxDurationMinutes)]
    public void Should_accept_the_shortest_and_the_longest_duration(int minutes)
    {
        var interview = NewInterview(minutes);
        Assert.Equal(Start.AddMinutes(minutes), interview.EndsAt);
        interview.Reschedule(Start.AddDays(1), minutes, Start);
        Assert.Equal(minutes, interview.DurationMinutes);
    }

    [Fact]
    public void Should_keep_times_in_utc_whatever_offset_they_were_given_in()
    {
        var berlin = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.FromHours(1));
        var interview = new Interview(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), berlin, 30, null);
        Assert.Equal(TimeSpan.Zero, interview.StartsAt.Offset);
        Assert.Equal(Start, interview.StartsAt);
        Assert.Equal(Start.AddMinutes(30), interview.EndsAt);

        interview.Reschedule(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.FromHours(-5)), 90, Start.AddDays(-1));
        Assert.Equal(TimeSpan.Zero, interview.StartsAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.Zero), interview.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 15, 30, 0, TimeSpan.Zero), interview.EndsAt);
        Assert.Equal(90, interview.DurationMinutes);
    }

    [Fact]
    public void Should_schedule_only_for_an_active_application_with_its_panel()
    {
        var application = new HiringPlatform.Application.Domain.Candidates.JobApplication(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), HiringPlatform.Application.Domain.Candidates.CandidateSource.CareersSite, null, Start);
        var stage = Guid.NewGuid();
        var interviewer = Guid.NewGuid();

        var interview = Interview.Schedule(application, stage, Start, 45, "Room 1", [interviewer, interviewer]);

        Assert.Equal(application.Id, interview.ApplicationId);
        Assert.Equal(application.PostingId, interview.PostingId);
        Assert.Equal(stage, interview.StageId);
        Assert.Equal("Room 1", interview.LocationOrLink);
        Assert.Equal(interviewer, Assert.Single(interview.Participants).InterviewerId);
        Assert.Equal(interview.Id, interview.Participants[0].InterviewId);

        application.Withdraw(Start, HiringPlatform.Application.Domain.Candidates.WithdrawnBy.Candidate);
        Assert.Equal("This application is withdrawn, so no interview can be scheduled.",
            Assert.Throws<DomainException>(() => Interview.Schedule(application, stage, Start, 45, null, [interviewer])).Message);
    }

    [Fact]
    public void Should_need_an_interviewer_and_keep_those_who_stay_on_the_panel()
    {
        var interview = NewInterview();
        Assert.Equal("An interview needs at least one interviewer.", Assert.Throws<DomainException>(() => interview.SetInterviewers([])).Message);
        var (alice, bob, carol) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        interview.SetInterviewers([alice, bob]);
        var aliceSeat = interview.Participants.Single(p => p.InterviewerId == alice);
        aliceSeat.ReminderSentAt = Start;

        interview.SetInterviewers([alice, carol]);

        Assert.Equal([alice, carol], interview.Participants.Select(p => p.InterviewerId));
        Assert.Same(aliceSeat, interview.Participants[0]);
        Assert.Equal(Start, aliceSeat.ReminderSentAt);
    }

    [Fact]
    public void Should_owe_nothing_from_an_interviewer_added_after_a_cancellation()
    {
        var interview = NewInterview();
        interview.SetInterviewers([Guid.CreateVersion7()]);
        interview.Cancel(null, Start.AddDays(-1));
        var late = Guid.CreateVersion7();
        interview.SetInterviewers([late]);
        var seat = Assert.Single(interview.Participants);
        Assert.Equal(late, seat.InterviewerId);
        Assert.Null(seat.ScheduledStartsAt);
        Assert.Null(seat.PendingFeedbackEndsAt);
    }

    [Fact]
    public void Should_take_place_at_its_end_to_the_tick_unless_cancelled()
    {
        var interview = NewInterview();
        var end = Start.AddMinutes(60);
        Assert.False(interview.HasTakenPlace(end.AddTicks(-1)));
        Assert.True(interview.HasTakenPlace(end));
        Assert.Equal(InterviewStatus.Scheduled, interview.StatusAt(end.AddTicks(-1)));
        Assert.Equal(InterviewStatus.Completed, interview.StatusAt(end.AddTicks(1)));

        var cancelled = NewInterview();
        cancelled.Cancel("No longer needed", Start.AddHours(-1));
        Assert.False(cancelled.HasTakenPlace(end.AddDays(1)));
        Assert.Equal(InterviewStatus.Cancelled, cancelled.StatusAt(end.AddDays(1)));
        Assert.False(cancelled.IsUpcoming(Start.AddDays(-1)));
    }

    [Fact]
    public void Should_still_move_or_call_off_an_interview_in_its_last_minute()
    {
        var lastTick = Start.AddMinutes(60).AddTicks(-1);
        var moved = NewInterview();
        moved.Reschedule(Start.AddDays(1), 60, lastTick);
        Assert.Equal(Start.AddDays(1), moved.StartsAt);

        var cancelled = NewInterview();
        cancelled.Cancel(null, lastTick);
        Assert.Equal(InterviewStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public void Should_bump_the_calendar_sequence_and_allow_a_new_reminder_on_each_reschedule()
    {
        var interview = NewInterview();
        interview.SetInterviewers([Guid.CreateVersion7()]);
        interview.Participants[0].ReminderSentAt = Start.AddDays(-1);

        interview.Reschedule(Start.AddDays(1), 60, Start.AddDays(-1));
        interview.Reschedule(Start.AddDays(2), 60, Start.AddDays(-1));

        Assert.Equal(2, interview.CalendarSequence);
        Assert.Null(interview.Participants[0].ReminderSentAt);
        Assert.Equal(InterviewStatus.Scheduled, interview.Status);
    }

    [Fact]
    public void Should_cancel_once_with_the_reason_trimmed_and_refuse_to_move_it_afterwards()
    {
        var interview = NewInterview();
        interview.Cancel("  Candidate withdrew  ", Start.AddDays(-1));
        Assert.Equal(InterviewStatus.Cancelled, interview.Status);
        Assert.Equal("Candidate withdrew", interview.CancellationReason);
        Assert.Equal(1, interview.CalendarSequence);

        Assert.Equal("Only a scheduled interview can be cancelled.",
            Assert.Throws<DomainException>(() => interview.Cancel(null, Start.AddDays(-1))).Message);
        Assert.Equal("Only a scheduled interview can be rescheduled.",
            Assert.Throws<DomainException>(() => interview.Reschedule(Start.AddDays(1), 60, Start.AddDays(-1))).Message);
        Assert.Equal(1, interview.CalendarSequence);

        var blank = NewInterview();
        blank.Cancel("   ", Start.AddDays(-1));
        Assert.Null(blank.CancellationReason);
    }

    [Fact]
    public void Should_say_it_has_taken_place_when_asked_to_move_it_afterwards()
    {
        var interview = NewInterview();
        var ended = Start.AddMinutes(60);
        Assert.Equal("This interview has already taken place, so it cannot be rescheduled.",
            Assert.Throws<DomainException>(() => interview.Reschedule(ended.AddDays(1), 60, ended)).Message);
        Assert.Equal(Start, interview.StartsAt);
    }
}
