using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.Application.Domain.Interviews;

public enum InterviewStatus { Scheduled, Cancelled, Completed }

public sealed class Interview : AuditableEntity, IConcurrencyChecked
{
    private readonly List<InterviewParticipant> _participants = [];

    public const int MaxDurationMinutes = 8 * 60;

    private Interview() { }

    public Interview(Guid applicationId, Guid postingId, Guid stageId, DateTimeOffset startsAtUtc, int durationMinutes, string? locationOrLink)
    {
        if (durationMinutes is <= 0 or > MaxDurationMinutes) throw new DomainException("An interview lasts between 1 minute and 8 hours.");
        ApplicationId = applicationId;
        PostingId = postingId;
        StageId = stageId;
        StartsAt = startsAtUtc.ToUniversalTime();
        DurationMinutes = durationMinutes;
        EndsAt = StartsAt.AddMinutes(durationMinutes);
        LocationOrLink = locationOrLink;
    }

    // Only an active application can be interviewed; the interview starts with its panel.
    public static Interview Schedule(Candidates.JobApplication application, Guid stageId, DateTimeOffset startsAtUtc, int durationMinutes,
        string? locationOrLink, IEnumerable<Guid> interviewerIds)
    {
        if (!application.IsActive)
            throw new DomainException($"This application is {application.Status.ToString().ToLowerInvariant()}, so no interview can be scheduled.");
        var interview = new Interview(application.Id, application.PostingId, stageId, startsAtUtc, durationMinutes, locationOrLink);
        interview.SetInterviewers(interviewerIds);
        return interview;
    }

    public Guid ApplicationId { get; private set; }

    // The application's posting (which never changes), so a team's upcoming interviews are ranges of one index per posting.
    public Guid PostingId { get; private set; }
    public Guid StageId { get; private set; }

    // Always UTC; shown in each viewer's own time zone.
    public DateTimeOffset StartsAt { get; private set; }
    public int DurationMinutes { get; private set; }

    // Stored (not computed) so overlap and overdue-feedback queries can filter and index on it.
    public DateTimeOffset EndsAt { get; private set; }
    public string? LocationOrLink { get; set; }
    public InterviewStatus Status { get; private set; } = InterviewStatus.Scheduled;
    public string? CancellationReason { get; private set; }

    // iCalendar SEQUENCE: every reschedule or cancellation sent to calendars bumps it, so they replace the old entry.
    public int CalendarSequence { get; private set; }
    public uint Version { get; private set; }

    public IReadOnlyList<InterviewParticipant> Participants => _participants;

    public void SetInterviewers(IEnumerable<Guid> userIds)
    {
        var wanted = userIds.Distinct().ToList();
        if (wanted.Count == 0) throw new DomainException("An interview needs at least one interviewer.");
        _participants.RemoveAll(p => !wanted.Contains(p.InterviewerId));
        foreach (var id in wanted.Where(id => _participants.All(p => p.InterviewerId != id)))
        {
            var live = Status != InterviewStatus.Cancelled;
            _participants.Add(new InterviewParticipant(Id, id) { ScheduledStartsAt = live ? StartsAt : null, PendingFeedbackEndsAt = live ? EndsAt : null });
        }
    }

    // An interview is over once its end has passed: it then counts as Completed (StatusAt) without anything having
    // to mark it, and what took place can no longer be moved or called off; its feedback stays owed.
    public bool HasTakenPlace(DateTimeOffset now) => Status != InterviewStatus.Cancelled && EndsAt <= now;

    public InterviewStatus StatusAt(DateTimeOffset now) => HasTakenPlace(now) ? InterviewStatus.Completed : Status;

    public void Reschedule(DateTimeOffset startsAtUtc, int durationMinutes, DateTimeOffset now)
    {
        if (HasTakenPlace(now)) throw new DomainException("This interview has already taken place, so it cannot be rescheduled.");
        if (Status != InterviewStatus.Scheduled) throw new DomainException("Only a scheduled interview can be rescheduled.");
        if (durationMinutes is <= 0 or > MaxDurationMinutes) throw new DomainException("An interview lasts between 1 minute and 8 hours.");
        StartsAt = startsAtUtc.ToUniversalTime();
        DurationMinutes = durationMinutes;
        EndsAt = StartsAt.AddMinutes(durationMinutes);
        CalendarSequence++;
        foreach (var p in _participants)
        {
            p.ScheduledStartsAt = StartsAt;
            if (p.PendingFeedbackEndsAt is not null) p.PendingFeedbackEndsAt = EndsAt;
            // A new time is a new chance to remind, should feedback run late again.
            p.ReminderSentAt = null;
        }
    }

    public void Cancel(string? reason, DateTimeOffset now)
    {
        if (HasTakenPlace(now)) throw new DomainException("This interview has already taken place, so it cannot be cancelled.");
        if (Status != InterviewStatus.Scheduled) throw new DomainException("Only a scheduled interview can be cancelled.");
        Status = InterviewStatus.Cancelled;
        CancellationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        CalendarSequence++;
        foreach (var p in _participants) (p.ScheduledStartsAt, p.PendingFeedbackEndsAt) = (null, null);
    }

    // Closing the application calls off what has not started yet; an interview under way or over is left as it is.
    public bool IsUpcoming(DateTimeOffset now) => Status == InterviewStatus.Scheduled && StartsAt > now;
}

public sealed class InterviewParticipant
{
    private InterviewParticipant() { }
    public InterviewParticipant(Guid interviewId, Guid interviewerId) { InterviewId = interviewId; InterviewerId = interviewerId; }
    public Guid InterviewId { get; private set; }
    public Guid InterviewerId { get; private set; }

    // Overdue feedback gets one reminder email, never more.
    public DateTimeOffset? ReminderSentAt { get; set; }

    // The interview's start, null once it is cancelled: a copy of Interview.StartsAt so "my upcoming interviews" is a range
    // of one index, not a join over every interview the interviewer ever sat on.
    public DateTimeOffset? ScheduledStartsAt { get; internal set; }

    // The interview's end while this interviewer may still owe a scorecard; null once it is submitted or the interview
    // is cancelled. A copy of Interview.EndsAt so "feedback due" lists read a small partial index instead of joining
    // every interview an interviewer ever sat on (tens of thousands at scale). Queries still check the scorecards,
    // so a non-null value is a candidate, never the proof, that feedback is owed.
    public DateTimeOffset? PendingFeedbackEndsAt { get; internal set; }

    // Their scorecard is in: nothing is owed any more.
    public void RecordFeedbackSubmitted() => PendingFeedbackEndsAt = null;
}
