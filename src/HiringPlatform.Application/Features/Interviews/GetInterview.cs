using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Interviews.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews;

// The interview page: when, where, who, and where each panel member's feedback stands.
public static class GetInterview
{
    [Authorize(Roles = $"{Roles.Interviewer},{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public Guid InterviewId { get; init; }
    }

    public sealed record Model(
        Guid Id,
        Guid ApplicationId,
        Guid CandidateId,
        string CandidateName,
        string? CandidateTimeZoneId,
        Guid PostingId,
        string PostingTitle,
        string StageName,
        DateTimeOffset StartsAt,
        DateTimeOffset EndsAt,
        int DurationMinutes,
        string? LocationOrLink,
        InterviewStatus Status,
        string? CancellationReason,
        bool HasEnded,
        bool IsParticipant,
        bool CanManage,
        bool IsHiringTeam,
        FeedbackAccess FeedbackAccess,
        IReadOnlyList<Participant> Participants)
    {
        public bool IsCancelled => Status == InterviewStatus.Cancelled;
        public bool IsLink => LocationOrLink is not null && Uri.TryCreate(LocationOrLink, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
    }

    // Recommendation is filled only where the viewer may read that scorecard.
    public sealed record Participant(Guid InterviewerId, string Name, string TimeZoneId, bool IsMe, ScorecardStatus? ScorecardStatus,
        DateTimeOffset? SubmittedAt, Recommendation? Recommendation, bool IsOverdue);

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var me = user.RequireId();
            var row = await (
                from i in db.Interviews.AsNoTracking()
                where i.Id == query.InterviewId
                join a in db.Applications on i.ApplicationId equals a.Id
                join c in db.Candidates on a.CandidateId equals c.Id
                join p in db.JobPostings on a.PostingId equals p.Id
                join s in db.InterviewStages on i.StageId equals s.Id
                select new
                {
                    i.Id, i.ApplicationId, CandidateId = c.Id, c.FullName, c.TimeZoneId, PostingId = p.Id, p.Title, StageName = s.Name,
                    i.StartsAt, i.EndsAt, i.DurationMinutes, i.LocationOrLink, i.Status, i.CancellationReason,
                }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Interview");
            var participants = await (
                from p in db.InterviewParticipants.AsNoTracking()
                where p.InterviewId == row.Id
                join u in db.Users on p.InterviewerId equals u.Id
                let s = db.Scorecards.FirstOrDefault(x => x.InterviewId == p.InterviewId && x.InterviewerId == p.InterviewerId)
                orderby u.DisplayName
                select new
                {
                    p.InterviewerId, u.DisplayName, u.TimeZoneId,
                    Status = s == null ? (ScorecardStatus?)null : s.Status,
                    SubmittedAt = s == null ? null : s.SubmittedAt,
                    Recommendation = s == null ? null : s.Recommendation,
                }).ToListAsync(ct);
            var isParticipant = participants.Any(p => p.InterviewerId == me);
            var access = await PostingAccess.FeedbackAsync(db, user, row.ApplicationId, row.PostingId, ct);
            if (!isParticipant && access is not (FeedbackAccess.HiringTeam or FeedbackAccess.HiringTeamLocked)) throw new NotFoundException("Interview");
            var canManage = await db.CanScheduleAsync(user, row.PostingId, ct);
            var now = clock.GetUtcNow();
            var seesOthers = access is FeedbackAccess.HiringTeam or FeedbackAccess.Unlocked;

            return new Model(row.Id, row.ApplicationId, row.CandidateId, row.FullName, row.TimeZoneId, row.PostingId, row.Title, row.StageName,
                row.StartsAt, row.EndsAt, row.DurationMinutes, row.LocationOrLink,
                // An interview that took place counts as completed from its end on (Interview.StatusAt).
                row.Status == InterviewStatus.Scheduled && row.EndsAt <= now ? InterviewStatus.Completed : row.Status, row.CancellationReason, row.EndsAt <= now,
                isParticipant, canManage, access is FeedbackAccess.HiringTeam or FeedbackAccess.HiringTeamLocked, access,
                participants.Select(p => new Participant(p.InterviewerId, p.DisplayName, p.TimeZoneId, p.InterviewerId == me, p.Status, p.SubmittedAt,
                    p.InterviewerId == me || (seesOthers && p.Status == ScorecardStatus.Submitted) ? p.Recommendation : null,
                    row.Status != InterviewStatus.Cancelled && p.Status != ScorecardStatus.Submitted && FeedbackRules.IsOverdue(row.EndsAt, now))).ToList());
        }
    }
}
