using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews;

// The other interviewers' submitted scorecards for a candidate. An interviewer who has not submitted their own
// gets none (Locked), whatever they ask for.
public static class GetPanelFeedback
{
    [Authorize(Roles = $"{Roles.Interviewer},{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public Guid ApplicationId { get; init; }
    }

    public sealed record Model(FeedbackAccess Access, IReadOnlyList<ScorecardView> Scorecards)
    {
        public bool Locked => Access is FeedbackAccess.Locked or FeedbackAccess.HiringTeamLocked;
    }

    public sealed record ScorecardView(
        Guid ScorecardId,
        Guid InterviewId,
        Guid InterviewerId,
        string InterviewerName,
        string StageName,
        DateTimeOffset? SubmittedAt,
        Recommendation? Recommendation,
        JobLevel? SupportedLevel,
        string? PrivateNote,
        int AmendmentCount,
        IReadOnlyList<RatingView> Ratings,
        IReadOnlyList<string> RedFlags);

    public sealed record RatingView(Guid CompetencyId, string CompetencyName, int? Rating, string? Evidence);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var postingId = await db.Applications.AsNoTracking().Where(a => a.Id == query.ApplicationId)
                .Select(a => (Guid?)a.PostingId).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Application");
            var access = await PostingAccess.FeedbackAsync(db, user, query.ApplicationId, postingId, ct);
            if (access == FeedbackAccess.None) throw new NotFoundException("Application");
            if (access is FeedbackAccess.Locked or FeedbackAccess.HiringTeamLocked) return new Model(access, []);
            var me = user.RequireId();
            var privateNotes = await PostingAccess.CanSeePrivateNotesAsync(db, user, postingId, ct);
            var scorecards = await LoadAsync(db, db.Scorecards.Where(s => s.ApplicationId == query.ApplicationId && s.InterviewerId != me
                && s.Status == ScorecardStatus.Submitted), privateNotes, ct);
            return new Model(access, scorecards);
        }
    }

    internal static async Task<List<ScorecardView>> LoadAsync(AppDbContext db, IQueryable<Scorecard> source, bool privateNotes, CancellationToken ct)
    {
        var rows = await (
            from s in source.AsNoTracking()
            join i in db.Interviews on s.InterviewId equals i.Id
            join st in db.InterviewStages on i.StageId equals st.Id
            join u in db.Users on s.InterviewerId equals u.Id
            orderby i.StartsAt, u.DisplayName
            select new
            {
                s.Id, s.InterviewId, s.InterviewerId, u.DisplayName, StageName = st.Name, s.SubmittedAt, s.Recommendation, s.SupportedLevel,
                s.PrivateNote, Amendments = s.Amendments.Count(),
                Ratings = s.Ratings.Select(r => new RatingView(r.CompetencyId, r.CompetencyName, r.Rating, r.Evidence)).ToList(),
                Flags = s.RedFlags.Select(f => f.RedFlagId).ToList(),
            }).Take(100).ToListAsync(ct);
        var flagIds = rows.SelectMany(r => r.Flags).Distinct().ToList();
        var flags = await db.RedFlags.AsNoTracking().Where(f => flagIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Text, ct);
        return rows.Select(r => new ScorecardView(r.Id, r.InterviewId, r.InterviewerId, r.DisplayName, r.StageName, r.SubmittedAt,
            r.Recommendation, r.SupportedLevel, privateNotes ? r.PrivateNote : null, r.Amendments, r.Ratings,
            r.Flags.Select(f => flags[f]).ToList())).ToList();
    }
}
