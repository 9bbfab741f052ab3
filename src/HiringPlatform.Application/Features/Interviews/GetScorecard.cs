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

// The scorecard page: your own scorecard for an interview (a form while it is a draft, read-only with an amend
// form once submitted) beside the interview kit; or, with InterviewerId, a colleague's — only when the
// independence rule allows it.
public static class GetScorecard
{
    [Authorize(Roles = $"{Roles.Interviewer},{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public Guid InterviewId { get; init; }
        public Guid? InterviewerId { get; init; }
    }

    public sealed record Model
    {
        public Guid InterviewId { get; init; }
        public Guid ApplicationId { get; init; }
        public Guid PostingId { get; init; }
        public string CandidateName { get; init; } = "";
        public string PostingTitle { get; init; } = "";
        public string StageName { get; init; } = "";
        public DateTimeOffset StartsAt { get; init; }
        public DateTimeOffset EndsAt { get; init; }
        public InterviewStatus InterviewStatus { get; init; }
        public Guid InterviewerId { get; init; }
        public string InterviewerName { get; init; } = "";
        public bool IsMine { get; init; }
        public ScorecardStatus? Status { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
        public bool IsOverdue { get; init; }
        public bool HasStarted { get; init; }
        public bool FromRubric { get; init; }
        public bool IsHiringTeam { get; init; }
        public bool ShowsPrivateNote { get; init; }
        public IReadOnlyList<CompetencyToRate> Competencies { get; init; } = [];
        public IReadOnlyList<RedFlagOption> RedFlags { get; init; } = [];
        public IReadOnlyList<KitQuestion> Kit { get; init; } = [];
        public IReadOnlyList<AmendmentView> Amendments { get; init; } = [];

        // Values of the scorecard; the form the page shows (SaveScorecard while a draft, AmendScorecard once submitted).
        public IScorecardForm Form { get; init; } = new SaveScorecard.Command();

        public bool IsSubmitted => Status == ScorecardStatus.Submitted;
        public bool CanEdit => IsMine && !IsSubmitted && InterviewStatus != InterviewStatus.Cancelled;
        public bool CanAmend => IsMine && IsSubmitted;
    }

    public sealed record RedFlagOption(Guid Id, string Text);

    public sealed record KitQuestion(string Text, string GoodLooksLike, string RedFlags);

    public sealed record AmendmentView(DateTimeOffset At, string ByName, string Reason, IReadOnlyList<string> Changes);

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var me = user.RequireId();
            var interview = await db.Interviews.AsNoTracking().Include(i => i.Participants).SingleOrDefaultAsync(i => i.Id == query.InterviewId, ct)
                ?? throw new NotFoundException("Interview");
            var context = await (
                from a in db.Applications.AsNoTracking()
                where a.Id == interview.ApplicationId
                join c in db.Candidates on a.CandidateId equals c.Id
                join p in db.JobPostings on a.PostingId equals p.Id
                join s in db.InterviewStages on interview.StageId equals s.Id
                select new { a.PostingId, c.FullName, p.Title, StageName = s.Name }).SingleAsync(ct);

            var target = query.InterviewerId ?? me;
            if (interview.Participants.All(p => p.InterviewerId != target)) throw new NotFoundException("Scorecard");
            var isMine = target == me;
            var access = await PostingAccess.FeedbackAsync(db, user, interview.ApplicationId, context.PostingId, ct);
            var scorecard = await db.Scorecards.AsNoTracking().Include(s => s.Ratings).Include(s => s.RedFlags).Include(s => s.Amendments)
                .SingleOrDefaultAsync(s => s.InterviewId == interview.Id && s.InterviewerId == target, ct);
            if (!isMine)
            {
                // A colleague's scorecard: the hiring team sees it once submitted; a fellow interviewer (hiring team
                // members on the panel included: HiringTeamLocked) only after submitting their own.
                var allowed = access == FeedbackAccess.HiringTeam || access == FeedbackAccess.Unlocked && scorecard?.Status == ScorecardStatus.Submitted;
                if (!allowed) throw new NotFoundException("Scorecard");
            }
            var submittedOrMine = isMine || scorecard?.Status == ScorecardStatus.Submitted;

            var (competencies, fromRubric) = await ScorecardCompetencies.ForAsync(db, interview.StageId, context.PostingId, scorecard, ct);
            var ticked = scorecard?.RedFlags.Select(f => f.RedFlagId).ToList() ?? [];
            var people = (scorecard?.Amendments.Select(a => a.ByUserId) ?? []).Append(target).Distinct().ToList();
            var redFlags = await db.RedFlags.AsNoTracking().Where(f => !f.IsRetired || ticked.Contains(f.Id))
                .OrderBy(f => f.Key).Select(f => new RedFlagOption(f.Id, f.Text)).ToListAsync(ct);
            var kit = await (
                from sq in db.Set<StageQuestion>().AsNoTracking()
                where sq.StageId == interview.StageId
                join q in db.Questions on sq.QuestionId equals q.Id
                orderby sq.Order
                select new KitQuestion(q.Text, q.GoodLooksLike, q.RedFlags)).ToListAsync(ct);
            var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var showPrivate = isMine || await PostingAccess.CanSeePrivateNotesAsync(db, user, context.PostingId, ct);

            var values = submittedOrMine && scorecard is not null ? scorecard : null;
            var ratings = competencies.Select(c =>
            {
                var r = values?.Ratings.FirstOrDefault(x => x.CompetencyId == c.CompetencyId);
                return new RatingField { CompetencyId = c.CompetencyId, Rating = r?.Rating, Evidence = r?.Evidence };
            }).ToList();
            IScorecardForm form = scorecard?.Status == ScorecardStatus.Submitted
                ? new AmendScorecard.Command
                {
                    InterviewId = interview.Id, Ratings = ratings, RedFlagIds = values?.RedFlags.Select(f => f.RedFlagId).ToList() ?? [],
                    Recommendation = values?.Recommendation, SupportedLevel = values?.SupportedLevel, PrivateNote = showPrivate ? values?.PrivateNote : null,
                }
                : new SaveScorecard.Command
                {
                    InterviewId = interview.Id, Ratings = ratings, RedFlagIds = values?.RedFlags.Select(f => f.RedFlagId).ToList() ?? [],
                    Recommendation = values?.Recommendation, SupportedLevel = values?.SupportedLevel, PrivateNote = showPrivate ? values?.PrivateNote : null,
                };
            var now = clock.GetUtcNow();
            return new Model
            {
                InterviewId = interview.Id,
                ApplicationId = interview.ApplicationId,
                PostingId = context.PostingId,
                CandidateName = context.FullName,
                PostingTitle = context.Title,
                StageName = context.StageName,
                StartsAt = interview.StartsAt,
                EndsAt = interview.EndsAt,
                InterviewStatus = interview.Status,
                InterviewerId = target,
                InterviewerName = names.GetValueOrDefault(target, "Interviewer"),
                IsMine = isMine,
                Status = scorecard?.Status,
                SubmittedAt = scorecard?.SubmittedAt,
                IsOverdue = scorecard?.Status != ScorecardStatus.Submitted && interview.Status != InterviewStatus.Cancelled && FeedbackRules.IsOverdue(interview.EndsAt, now),
                HasStarted = interview.StartsAt <= now,
                FromRubric = fromRubric,
                IsHiringTeam = access == FeedbackAccess.HiringTeam,
                ShowsPrivateNote = showPrivate,
                Competencies = competencies,
                RedFlags = redFlags,
                Kit = kit,
                Amendments = (scorecard?.Amendments ?? []).OrderByDescending(a => a.At)
                    .Select(a => new AmendmentView(a.At, names.GetValueOrDefault(a.ByUserId, "Someone"), a.Reason, a.Changes.Split('\n'))).ToList(),
                Form = form,
            };
        }
    }
}
