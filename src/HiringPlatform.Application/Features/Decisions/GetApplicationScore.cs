using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Interviews.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions;

// The candidate's score page: competency × scorecard matrix with evidence, the weighted score and what should
// be discussed at the debrief (gaps, must-haves under the bar, disagreements, red flags, coverage).
public static class GetApplicationScore
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public Guid ApplicationId { get; init; }
    }

    public sealed record Model
    {
        public Guid ApplicationId { get; init; }
        public Guid CandidateId { get; init; }
        public string CandidateName { get; init; } = "";
        public Guid PostingId { get; init; }
        public string PostingTitle { get; init; } = "";
        public JobLevel PostingLevel { get; init; }
        public Guid StageId { get; init; }
        public string StageName { get; init; } = "";
        public ApplicationStatus Status { get; init; }
        public decimal? WeightedScore { get; init; }
        public bool CanDecide { get; init; }
        public IReadOnlyList<Column> Columns { get; init; } = [];
        public IReadOnlyList<Row> Rows { get; init; } = [];
        public IReadOnlyDictionary<Recommendation, int> Recommendations { get; init; } = new Dictionary<Recommendation, int>();
        public IReadOnlyDictionary<JobLevel, int> Levels { get; init; } = new Dictionary<JobLevel, int>();
        public IReadOnlyList<(string Flag, int Count)> RedFlags { get; init; } = [];
        public IReadOnlyList<Pending> PendingFeedback { get; init; } = [];
        public LatestDecision? Decision { get; init; }

        public int RedFlagCount => RedFlags.Sum(f => f.Count);
        public IEnumerable<Row> MissingCoverage => Rows.Where(r => r.LacksCoverage);
        // The debrief gate's rule (ScoreResult.ReadyForDebrief), the same one RecordDecision enforces.
        public bool ReadyForDebrief { get; init; }
    }

    // One submitted scorecard (an interviewer at one interview).
    public sealed record Column(Guid ScorecardId, Guid InterviewId, Guid InterviewerId, string InterviewerName, string StageName,
        DateTimeOffset? SubmittedAt, Recommendation? Recommendation, JobLevel? SupportedLevel, IReadOnlyList<string> RedFlags,
        string? PrivateNote, int AmendmentCount);

    public sealed record Row(Guid CompetencyId, string Name, decimal Weight, decimal WeightShare, bool IsMustHave, bool InRubric,
        decimal? Mean, int InterviewerCount, bool IsGap, bool StrongDisagreement, bool MustHaveBelowBar, bool LacksCoverage,
        IReadOnlyDictionary<Guid, Cell> Cells);

    public sealed record Cell(int Rating, string? Evidence);

    public sealed record Pending(Guid InterviewId, string InterviewerName, string StageName, DateTimeOffset EndsAt, bool HasEnded, bool IsOverdue, bool HasDraft);

    public sealed record LatestDecision(DecisionKind Kind, string Rationale, string DecidedBy, DateTimeOffset At);

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var app = await (
                from a in db.Applications.AsNoTracking()
                where a.Id == query.ApplicationId
                join c in db.Candidates on a.CandidateId equals c.Id
                join p in db.JobPostings on a.PostingId equals p.Id
                join s in db.InterviewStages on a.StageId equals s.Id
                select new { a.Id, a.CandidateId, c.FullName, a.PostingId, p.Title, p.Level, a.StageId, StageName = s.Name, a.Status })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Application");
            if (!await db.IsHiringTeamAsync(user, app.PostingId, ct)) throw new NotFoundException("Application");
            var privateNotes = await PostingAccess.CanSeePrivateNotesAsync(db, user, app.PostingId, ct);
            var now = clock.GetUtcNow();
            // Independent feedback: a hiring-team member on this application's panel reads no colleague's scorecard
            // (nor the score made of them) until they have submitted their own.
            var locked = await PostingAccess.FeedbackAsync(db, user, app.Id, app.PostingId, ct) == FeedbackAccess.HiringTeamLocked;

            var scorecards = await SubmittedScorecards.LoadAsync(db,
                db.Scorecards.Where(s => s.ApplicationId == app.Id && s.Status == ScorecardStatus.Submitted && !locked), privateNotes, ct);
            var rubric = await (
                from r in db.RubricItems.AsNoTracking()
                where r.PostingId == app.PostingId
                join c in db.Competencies on r.CompetencyId equals c.Id
                orderby r.Order
                select new { r.CompetencyId, r.Weight, r.IsMustHave, c.Name }).ToListAsync(ct);

            var ratings = scorecards.SelectMany(s => s.Ratings.Where(r => r.Rating is not null)
                .Select(r => new SubmittedRating(r.CompetencyId, s.InterviewerId, r.Rating!.Value))).ToList();
            var result = ScoreCalculator.Calculate(rubric.Select(r => new RubricWeight(r.CompetencyId, r.Weight, r.IsMustHave)), ratings);
            var totalWeight = rubric.Sum(r => r.Weight);
            var names = rubric.ToDictionary(r => r.CompetencyId, r => r.Name);
            foreach (var s in scorecards) foreach (var r in s.Ratings) names.TryAdd(r.CompetencyId, r.CompetencyName);

            var rows = result.Competencies.Select(c => new Row(c.CompetencyId, names[c.CompetencyId], c.Weight,
                totalWeight == 0 ? 0 : Math.Round(c.Weight * 100 / totalWeight, 1), c.IsMustHave, c.InRubric, c.Mean, c.InterviewerCount,
                c.IsGap, c.StrongDisagreement, c.MustHaveBelowBar, c.LacksCoverage,
                scorecards.SelectMany(s => s.Ratings.Where(r => r.CompetencyId == c.CompetencyId && r.Rating is not null)
                    .Select(r => (s.ScorecardId, Cell: new Cell(r.Rating!.Value, r.Evidence))))
                    .ToDictionary(x => x.ScorecardId, x => x.Cell))).ToList();

            var pending = await (
                from p in db.InterviewParticipants.AsNoTracking()
                join i in db.Interviews on p.InterviewId equals i.Id
                where i.ApplicationId == app.Id && i.Status != InterviewStatus.Cancelled
                      && !db.Scorecards.Any(s => s.InterviewId == i.Id && s.InterviewerId == p.InterviewerId && s.Status == ScorecardStatus.Submitted)
                join u in db.Users on p.InterviewerId equals u.Id
                join st in db.InterviewStages on i.StageId equals st.Id
                orderby i.StartsAt
                select new
                {
                    i.Id, u.DisplayName, StageName = st.Name, i.EndsAt,
                    HasDraft = db.Scorecards.Any(s => s.InterviewId == i.Id && s.InterviewerId == p.InterviewerId),
                }).Take(50).ToListAsync(ct);

            var decision = await (
                from d in db.Decisions.AsNoTracking()
                where d.ApplicationId == app.Id
                join u in db.Users on d.DecidedBy equals u.Id
                orderby d.At descending
                select new LatestDecision(d.Kind, d.Rationale, u.DisplayName, d.At)).FirstOrDefaultAsync(ct);

            return new Model
            {
                ApplicationId = app.Id,
                CandidateId = app.CandidateId,
                CandidateName = app.FullName,
                PostingId = app.PostingId,
                PostingTitle = app.Title,
                PostingLevel = app.Level,
                StageId = app.StageId,
                StageName = app.StageName,
                Status = app.Status,
                WeightedScore = result.WeightedScore,
                ReadyForDebrief = result.ReadyForDebrief,
                CanDecide = await db.CanDecideAsync(user, app.PostingId, ct),
                Columns = scorecards.Select(s => new Column(s.ScorecardId, s.InterviewId, s.InterviewerId, s.InterviewerName, s.StageName,
                    s.SubmittedAt, s.Recommendation, s.SupportedLevel, s.RedFlags, s.PrivateNote, s.AmendmentCount)).ToList(),
                Rows = rows,
                Recommendations = Enum.GetValues<Recommendation>().ToDictionary(r => r, r => scorecards.Count(s => s.Recommendation == r)),
                Levels = ScorecardText.Levels.ToDictionary(l => l, l => scorecards.Count(s => s.SupportedLevel == l)),
                RedFlags = scorecards.SelectMany(s => s.RedFlags).GroupBy(f => f).OrderByDescending(g => g.Count()).Select(g => (g.Key, g.Count())).ToList(),
                PendingFeedback = pending.Select(p => new Pending(p.Id, p.DisplayName, p.StageName, p.EndsAt, p.EndsAt <= now,
                    FeedbackRules.IsOverdue(p.EndsAt, now), p.HasDraft)).ToList(),
                Decision = decision,
            };
        }
    }
}
