using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Interviews.Shared;
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
            var scorecards = await SubmittedScorecards.LoadAsync(db, db.Scorecards.Where(s => s.ApplicationId == query.ApplicationId && s.InterviewerId != me
                && s.Status == ScorecardStatus.Submitted), privateNotes, ct);
            return new Model(access, scorecards);
        }
    }
}
