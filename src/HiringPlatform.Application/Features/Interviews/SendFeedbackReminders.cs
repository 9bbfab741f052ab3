using HiringPlatform.Application.Common.Behaviours;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Jobs;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Common.Telemetry;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Features.Interviews.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews;

// One reminder, never more, to each interviewer whose feedback is overdue (24 h after the interview ended).
// Run periodically by a background worker in every instance; JobLock lets one round run at a time, and
// ReminderSentAt makes a later round a no-op for the same person.
public static class SendFeedbackReminders
{
    // Sent only by the in-process worker, which has no signed-in user; no endpoint exposes it.
    [AllowAnonymous]
    public sealed record Command : ICommand<int>
    {
        public int BatchSize { get; init; } = 200;
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, IAppUrls urls, CommandScope scope, HiringMetrics metrics) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            // Every instance runs this job: one round at a time, or two instances would remind the same people.
            if (!await JobLock.TryAcquireAsync(db, JobLock.FeedbackReminders, ct)) return 0;
            var now = clock.GetUtcNow();
            var overdueBefore = now - FeedbackRules.DueWithin;
            var due = await (
                from p in db.InterviewParticipants
                join i in db.Interviews on p.InterviewId equals i.Id
                where p.ReminderSentAt == null && p.PendingFeedbackEndsAt != null && p.PendingFeedbackEndsAt <= overdueBefore
                      && i.Status != InterviewStatus.Cancelled
                      && !db.Scorecards.Any(s => s.InterviewId == i.Id && s.InterviewerId == p.InterviewerId && s.Status == ScorecardStatus.Submitted)
                join u in db.Users on p.InterviewerId equals u.Id
                join a in db.Applications on i.ApplicationId equals a.Id
                // Nobody is chased for feedback on a candidate who is no longer in the pipeline.
                where a.Status == ApplicationStatus.Active
                join c in db.Candidates on a.CandidateId equals c.Id
                join s in db.InterviewStages on i.StageId equals s.Id
                orderby p.PendingFeedbackEndsAt
                select new { Participant = p, u.Email, u.DisplayName, u.TimeZoneId, u.IsActive, CandidateId = c.Id, c.FullName, StageName = s.Name, i.Id, i.EndsAt })
                .Take(Math.Clamp(command.BatchSize, 1, 1000)).ToListAsync(ct);
            var queued = 0;
            foreach (var d in due)
            {
                d.Participant.ReminderSentAt = now;
                if (!d.IsActive || d.Email is null) continue;
                var body = $"""
                    Hello {d.DisplayName},

                    Your feedback on {d.FullName} ({d.StageName}) is overdue: the interview ended {InterviewTimes.Format(d.EndsAt, d.TimeZoneId)}.

                    Please submit your scorecard while the interview is still fresh: {urls.Absolute($"/interviews/{d.Id}/scorecard")}

                    The hiring manager cannot decide until the panel's feedback is in. This is the only reminder you will get for this interview.
                    """;
                db.OutboxEmails.Add(new OutboxEmail(d.Email, d.DisplayName, $"Feedback overdue: {d.FullName} ({d.StageName})", body, null, now, d.CandidateId));
                queued++;
            }
            await db.SaveChangesAsync(ct);
            if (queued > 0) scope.AfterCommit(() => metrics.FeedbackRemindersSent.Add(queued));
            return due.Count;
        }
    }
}
