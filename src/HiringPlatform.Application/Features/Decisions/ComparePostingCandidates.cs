using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions;

// A stage's active candidates side by side, ranked by weighted score, with each rubric competency's mean and the
// must-have gaps. Set-based: one page of applications (keyset on score, id), then one GROUP BY for the means and
// one for the recommendations of that page — never a query per candidate.
public static class ComparePostingCandidates
{
    public const int PageSize = 25;

    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>, IReadFromReplica
    {
        public Guid PostingId { get; init; }
        public Guid? StageId { get; init; }

        // Keyset cursor: the last row of the previous page.
        public decimal? AfterScore { get; init; }
        public Guid? AfterId { get; init; }
    }

    public sealed record Model(
        Guid PostingId,
        string PostingTitle,
        Guid? StageId,
        IReadOnlyList<StageOption> Stages,
        IReadOnlyList<CompetencyColumn> Competencies,
        IReadOnlyList<Candidate> Candidates,
        int TotalInStage,
        int FirstRank,
        decimal? NextAfterScore,
        Guid? NextAfterId);

    public sealed record StageOption(Guid Id, string Name, int ActiveCount);

    public sealed record CompetencyColumn(Guid Id, string Name, bool IsMustHave, decimal WeightShare);

    public sealed record Candidate(
        Guid ApplicationId,
        Guid CandidateId,
        string Name,
        decimal? WeightedScore,
        int ScorecardCount,
        IReadOnlyDictionary<Guid, decimal> Means,
        IReadOnlyList<string> MustHaveGaps,
        IReadOnlyDictionary<Recommendation, int> Recommendations);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var posting = await db.JobPostings.AsNoTracking().Where(p => p.Id == query.PostingId).Select(p => new { p.Id, p.Title })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Posting");
            if (!await db.IsHiringTeamAsync(user, posting.Id, ct)) throw new NotFoundException("Posting");

            var counts = await db.Applications.AsNoTracking()
                .Where(a => a.PostingId == posting.Id && a.Status == ApplicationStatus.Active)
                .GroupBy(a => a.StageId).Select(g => new { StageId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.StageId, g => g.Count, ct);
            var stages = await db.InterviewStages.AsNoTracking().Where(s => s.PostingId == posting.Id).OrderBy(s => s.Order)
                .Select(s => new { s.Id, s.Name, s.Kind }).ToListAsync(ct);
            var stageOptions = stages.Select(s => new StageOption(s.Id, s.Name, counts.GetValueOrDefault(s.Id))).ToList();

            // Default: the furthest stage (before the offer) that has candidates in it — where comparing matters most.
            var stageId = query.StageId
                ?? stages.LastOrDefault(s => s.Kind is not StageKind.Offer and not StageKind.Review && counts.GetValueOrDefault(s.Id) > 0)?.Id
                ?? stages.FirstOrDefault(s => s.Kind == StageKind.Interview)?.Id;
            if (stageId is not null && stages.All(s => s.Id != stageId)) throw new NotFoundException("Stage");

            var rubric = await (
                from r in db.RubricItems.AsNoTracking()
                where r.PostingId == posting.Id
                join c in db.Competencies on r.CompetencyId equals c.Id
                orderby r.Order
                select new { r.CompetencyId, c.Name, r.IsMustHave, r.Weight }).ToListAsync(ct);
            var totalWeight = rubric.Sum(r => r.Weight);
            var columns = rubric.Select(r => new CompetencyColumn(r.CompetencyId, r.Name, r.IsMustHave,
                totalWeight == 0 ? 0 : Math.Round(r.Weight * 100 / totalWeight, 1))).ToList();
            if (stageId is null)
                return new Model(posting.Id, posting.Title, null, stageOptions, columns, [], 0, 1, null, null);

            var inStage = db.Applications.AsNoTracking()
                .Where(a => a.PostingId == posting.Id && a.StageId == stageId && a.Status == ApplicationStatus.Active);
            var page = inStage;
            var firstRank = 1;
            if (query.AfterScore is { } afterScore && query.AfterId is { } afterId)
            {
                page = page.Where(a => (a.WeightedScore ?? 0) < afterScore || ((a.WeightedScore ?? 0) == afterScore && a.Id.CompareTo(afterId) > 0));
                firstRank = 1 + await inStage.CountAsync(a => (a.WeightedScore ?? 0) > afterScore
                    || ((a.WeightedScore ?? 0) == afterScore && a.Id.CompareTo(afterId) <= 0), ct);
            }
            var rows = await (
                from a in page.OrderByDescending(a => a.WeightedScore ?? 0).ThenBy(a => a.Id).Take(PageSize + 1)
                join c in db.Candidates on a.CandidateId equals c.Id
                select new { a.Id, a.CandidateId, c.FullName, a.WeightedScore }).ToListAsync(ct);
            rows = rows.OrderByDescending(r => r.WeightedScore ?? 0).ThenBy(r => r.Id).ToList();
            var hasMore = rows.Count > PageSize;
            if (hasMore) rows = rows.Take(PageSize).ToList();
            // Independent feedback: applications whose panel the viewer sits on without having submitted show no scores.
            var pageIds = rows.Select(r => r.Id).ToList();
            var locked = (await PostingAccess.FeedbackLockedApplicationIds(db, user).Where(id => pageIds.Contains(id)).Distinct().ToListAsync(ct)).ToHashSet();
            var ids = pageIds.Where(id => !locked.Contains(id)).ToList();

            var means = await (
                from r in db.ScorecardRatings.AsNoTracking()
                join s in db.Scorecards on r.ScorecardId equals s.Id
                where ids.Contains(s.ApplicationId) && s.Status == ScorecardStatus.Submitted && r.Rating != null
                group r.Rating by new { s.ApplicationId, r.CompetencyId } into g
                select new { g.Key.ApplicationId, g.Key.CompetencyId, Mean = g.Average(x => (decimal)x!.Value) }).ToListAsync(ct);
            var recommendations = await db.Scorecards.AsNoTracking()
                .Where(s => ids.Contains(s.ApplicationId) && s.Status == ScorecardStatus.Submitted && s.Recommendation != null)
                .GroupBy(s => new { s.ApplicationId, s.Recommendation })
                .Select(g => new { g.Key.ApplicationId, g.Key.Recommendation, Count = g.Count() }).ToListAsync(ct);
            var total = query.AfterId is null && !hasMore ? rows.Count : await inStage.CountAsync(ct);

            var candidates = rows.Select(r =>
            {
                var m = means.Where(x => x.ApplicationId == r.Id).ToDictionary(x => x.CompetencyId, x => Math.Round(x.Mean, 2));
                var gaps = rubric.Where(c => c.IsMustHave && (!m.TryGetValue(c.CompetencyId, out var mean) || mean < ScoreCalculator.Bar))
                    .Select(c => m.TryGetValue(c.CompetencyId, out var mean) ? $"{c.Name} ({mean:0.0})" : $"{c.Name} (unrated)").ToList();
                var recs = recommendations.Where(x => x.ApplicationId == r.Id).ToDictionary(x => x.Recommendation!.Value, x => x.Count);
                return new Candidate(r.Id, r.CandidateId, r.FullName, locked.Contains(r.Id) ? null : r.WeightedScore, recs.Values.Sum(), m, locked.Contains(r.Id) ? [] : gaps, recs);
            }).ToList();
            var last = hasMore ? rows[^1] : null;
            return new Model(posting.Id, posting.Title, stageId, stageOptions, columns, candidates, total, firstRank,
                last is null ? null : last.WeightedScore ?? 0, last?.Id);
        }
    }
}
