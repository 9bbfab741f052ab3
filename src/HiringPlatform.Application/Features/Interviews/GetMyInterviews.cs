using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Interviews.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews;

// "/interviews" and the home pages. An interviewer sees only the interviews they sit on; recruiters and hiring
// managers also see the interviews and late feedback on the postings they are on the team of. Lists are bounded.
public static class GetMyInterviews
{
    [Authorize(Roles = $"{Roles.Interviewer},{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public bool IncludeTeam { get; init; } = true;
        public int Limit { get; init; } = 50;
    }

    public sealed record Model(
        IReadOnlyList<Item> MyUpcoming,
        IReadOnlyList<Item> MyFeedbackDue,
        IReadOnlyList<Item> TeamUpcoming,
        IReadOnlyList<Item> TeamOverdue,
        bool ShowsTeam);

    // One interview (for the team's overdue list: one interviewer's missing scorecard). ScorecardStatus is that interviewer's.
    public sealed record Item(
        Guid InterviewId,
        Guid ApplicationId,
        string CandidateName,
        string PostingTitle,
        string StageName,
        DateTimeOffset StartsAt,
        DateTimeOffset EndsAt,
        string? LocationOrLink,
        string? InterviewerName,
        ScorecardStatus? ScorecardStatus,
        bool IsOverdue,
        DateTimeOffset? ReminderSentAt);

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var me = user.RequireId();
            var now = clock.GetUtcNow();
            var limit = Math.Clamp(query.Limit, 1, 200);
            var overdueBefore = now - FeedbackRules.DueWithin;

            var mine =
                from p in db.InterviewParticipants.AsNoTracking()
                where p.InterviewerId == me
                join i in db.Interviews on p.InterviewId equals i.Id
                where i.Status != InterviewStatus.Cancelled
                select new { p, i };
            // Started at most the longest interview ago (8 hours) and not over yet: a range of the participant's own index.
            var startedSince = now - InterviewTimes.Longest;
            var myUpcoming = await Project(mine.Where(x => x.p.ScheduledStartsAt != null && x.p.ScheduledStartsAt > startedSince && x.i.EndsAt > now)
                .OrderBy(x => x.p.ScheduledStartsAt).Take(limit)
                .Select(x => new Row { Id = x.i.Id, ApplicationId = x.i.ApplicationId, StageId = x.i.StageId, StartsAt = x.i.StartsAt, EndsAt = x.i.EndsAt, LocationOrLink = x.i.LocationOrLink, InterviewerId = x.p.InterviewerId, ReminderSentAt = x.p.ReminderSentAt }), now, false, ct);
            // Pending rows only (a partial index), oldest first; the scorecard check stays as the proof.
            var myDue = await Project(mine
                .Where(x => x.p.PendingFeedbackEndsAt != null && x.p.PendingFeedbackEndsAt <= now
                            && !db.Scorecards.Any(s => s.InterviewId == x.i.Id && s.InterviewerId == me && s.Status == ScorecardStatus.Submitted))
                .OrderBy(x => x.p.PendingFeedbackEndsAt).Take(limit).Select(x => new Row { Id = x.i.Id, ApplicationId = x.i.ApplicationId, StageId = x.i.StageId, StartsAt = x.i.StartsAt, EndsAt = x.i.EndsAt, LocationOrLink = x.i.LocationOrLink, InterviewerId = x.p.InterviewerId, ReminderSentAt = x.p.ReminderSentAt }), now, true, ct);

            var showsTeam = query.IncludeTeam && (user.IsAdmin() || user.IsInRole(Roles.Recruiter) || user.IsInRole(Roles.HiringManager));
            if (!showsTeam) return new Model(myUpcoming, myDue, [], [], false);

            // The team's postings once (TeamPostingIds), as an array both team lists filter on.
            var postings = db.TeamPostingIds(user) is { } team ? await team.Distinct().ToArrayAsync(ct) : null;
            // Per team posting, the first few by start on (posting_id, status, starts_at), then the soonest of those: a short
            // index range each (LATERAL; EF writes this shape as a window over every upcoming interview instead), where one
            // walk over all upcoming interviews would join each to its application first.
            var teamNext = postings is null
                ? db.Interviews.AsNoTracking().Where(i => i.Status == InterviewStatus.Scheduled && i.StartsAt > startedSince && i.EndsAt > now)
                    .OrderBy(i => i.StartsAt).Take(limit)
                    .Select(i => new Row { Id = i.Id, ApplicationId = i.ApplicationId, StageId = i.StageId, StartsAt = i.StartsAt, EndsAt = i.EndsAt, LocationOrLink = i.LocationOrLink, InterviewerId = null, ReminderSentAt = null })
                : db.Database.SqlQuery<Row>($"""
                    SELECT x.id, x.application_id, x.stage_id, x.starts_at, x.ends_at, x.location_or_link,
                           NULL::uuid AS interviewer_id, NULL::timestamptz AS reminder_sent_at
                    FROM unnest({postings}) AS t(posting_id)
                    CROSS JOIN LATERAL (
                        SELECT i.id, i.application_id, i.stage_id, i.starts_at, i.ends_at, i.location_or_link FROM interviews i
                        WHERE i.posting_id = t.posting_id AND i.status = 'Scheduled' AND i.starts_at > {startedSince} AND i.ends_at > {now}
                        ORDER BY i.starts_at LIMIT {limit}) x
                    ORDER BY x.starts_at LIMIT {limit}
                    """);
            var teamUpcoming = await Project(teamNext, now, false, ct);
            // Any interview that took place (not only still "Scheduled" ones) can owe feedback, as on the interviewer's own list.
            var teamOverdue = await Project((
                from p in db.InterviewParticipants.AsNoTracking()
                where p.PendingFeedbackEndsAt != null && p.PendingFeedbackEndsAt <= overdueBefore
                join i in (postings is null ? db.Interviews : db.Interviews.Where(i => postings.Contains(i.PostingId))) on p.InterviewId equals i.Id
                where i.Status != InterviewStatus.Cancelled
                      && !db.Scorecards.Any(s => s.InterviewId == i.Id && s.InterviewerId == p.InterviewerId && s.Status == ScorecardStatus.Submitted)
                orderby p.PendingFeedbackEndsAt
                select new Row { Id = i.Id, ApplicationId = i.ApplicationId, StageId = i.StageId, StartsAt = i.StartsAt, EndsAt = i.EndsAt, LocationOrLink = i.LocationOrLink, InterviewerId = p.InterviewerId, ReminderSentAt = p.ReminderSentAt }).Take(limit), now, true, ct);
            return new Model(myUpcoming, myDue, teamUpcoming, teamOverdue, true);
        }

        // Member-init (not a constructor) so EF can keep composing joins on it.
        private sealed class Row
        {
            public Guid Id { get; init; }
            public Guid ApplicationId { get; init; }
            public Guid StageId { get; init; }
            public DateTimeOffset StartsAt { get; init; }
            public DateTimeOffset EndsAt { get; init; }
            public string? LocationOrLink { get; init; }
            public Guid? InterviewerId { get; init; }
            public DateTimeOffset? ReminderSentAt { get; init; }
        }

        private async Task<List<Item>> Project(IQueryable<Row> rows, DateTimeOffset now, bool byEnd, CancellationToken ct)
        {
            var list = await (
                from r in rows
                join a in db.Applications on r.ApplicationId equals a.Id
                // Feedback lists skip closed applications: nobody is chased about a candidate who left the pipeline.
                where !byEnd || a.Status == ApplicationStatus.Active
                join c in db.Candidates on a.CandidateId equals c.Id
                join p in db.JobPostings on a.PostingId equals p.Id
                join s in db.InterviewStages on r.StageId equals s.Id
                select new
                {
                    r.Id, r.ApplicationId, c.FullName, p.Title, StageName = s.Name, r.StartsAt, r.EndsAt,
                    r.LocationOrLink, r.InterviewerId, r.ReminderSentAt,
                    InterviewerName = db.Users.Where(u => u.Id == r.InterviewerId).Select(u => u.DisplayName).FirstOrDefault(),
                    Status = db.Scorecards.Where(x => x.InterviewId == r.Id && x.InterviewerId == r.InterviewerId)
                        .Select(x => (ScorecardStatus?)x.Status).FirstOrDefault(),
                }).ToListAsync(ct);
            return list.Select(x => new Item(x.Id, x.ApplicationId, x.FullName, x.Title, x.StageName, x.StartsAt, x.EndsAt, x.LocationOrLink,
                x.InterviewerName, x.Status, x.InterviewerId is not null && x.Status != ScorecardStatus.Submitted && FeedbackRules.IsOverdue(x.EndsAt, now),
                x.ReminderSentAt)).OrderBy(x => byEnd ? x.EndsAt : x.StartsAt).ToList();
        }
    }
}
