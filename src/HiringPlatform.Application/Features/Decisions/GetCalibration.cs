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

// Who scores everyone high or low: each interviewer's mean rating and rating distribution against the panel's, and
// how often their recommendation matched the final outcome (yes / strong yes → offer or hire; no / strong no →
// rejected). A rejection that says nothing about the candidate (the position was filled, the candidate withdrew) is no
// outcome at all. For one posting, or across every posting the hiring manager manages. Two GROUP BY queries.
public static class GetCalibration
{
    [Authorize(Roles = Roles.HiringManager)]
    public sealed record Query : IQuery<Model>, IReadFromReplica
    {
        public Guid? PostingId { get; init; }
    }

    public sealed record Model(Guid? PostingId, string? PostingTitle, Stats Panel, IReadOnlyList<InterviewerStats> Interviewers);

    public sealed record Stats(int Count, decimal? Mean, IReadOnlyList<int> Distribution)
    {
        public decimal Share(int rating) => Count == 0 ? 0 : Math.Round(Distribution[rating - 1] * 100m / Count, 1);
    }

    public sealed record InterviewerStats(Guid Id, string Name, Stats Ratings, int Scorecards, int Decided, int Matched)
    {
        public decimal? MatchRate => Decided == 0 ? null : Math.Round(Matched * 100m / Decided, 0);
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            string? title = null;
            if (query.PostingId is { } postingId)
            {
                title = await db.JobPostings.AsNoTracking().Where(p => p.Id == postingId).Select(p => p.Title).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException("Posting");
                if (!await db.CanDecideAsync(user, postingId, ct)) throw new NotFoundException("Posting");
            }
            var managed = db.HiringManagerPostingIds(user);
            var applications = db.Applications.AsNoTracking();
            if (query.PostingId is not null) applications = applications.Where(a => a.PostingId == query.PostingId);
            if (managed is not null) applications = applications.Where(a => managed.Contains(a.PostingId));
            var submitted = from s in db.Scorecards.AsNoTracking()
                            join a in applications on s.ApplicationId equals a.Id
                            where s.Status == ScorecardStatus.Submitted
                            select new { s, a };

            var distribution = await (
                from x in submitted
                join r in db.ScorecardRatings on x.s.Id equals r.ScorecardId
                where r.Rating != null
                group r by new { x.s.InterviewerId, r.Rating } into g
                select new { g.Key.InterviewerId, Rating = g.Key.Rating!.Value, Count = g.Count() }).ToListAsync(ct);

            var outcomes = await (
                from x in submitted
                where x.s.Recommendation != null
                let positive = x.s.Recommendation == Recommendation.Yes || x.s.Recommendation == Recommendation.StrongYes
                let outcome = x.a.Status == ApplicationStatus.Hired || db.Decisions.Any(d => d.ApplicationId == x.a.Id && d.Kind == DecisionKind.Offer) ? 1
                    : x.a.Status == ApplicationStatus.Rejected && x.a.RejectionReason != RejectionReason.PositionFilled
                      && x.a.RejectionReason != RejectionReason.CandidateWithdrew ? -1 : 0
                group x by new { x.s.InterviewerId, Positive = positive, Outcome = outcome } into g
                select new { g.Key.InterviewerId, g.Key.Positive, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);

            var ids = distribution.Select(d => d.InterviewerId).Union(outcomes.Select(o => o.InterviewerId)).ToList();
            var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

            var interviewers = ids.Select(id =>
            {
                var mine = outcomes.Where(o => o.InterviewerId == id).ToList();
                return new InterviewerStats(id, names.GetValueOrDefault(id, "Former user"),
                    StatsOf(distribution.Where(d => d.InterviewerId == id).Select(d => (d.Rating, d.Count))),
                    mine.Sum(o => o.Count),
                    mine.Where(o => o.Outcome != 0).Sum(o => o.Count),
                    mine.Where(o => (o.Positive && o.Outcome == 1) || (!o.Positive && o.Outcome == -1)).Sum(o => o.Count));
            }).OrderBy(i => i.Name).ToList();
            return new Model(query.PostingId, title, StatsOf(distribution.Select(d => (d.Rating, d.Count))), interviewers);
        }

        private static Stats StatsOf(IEnumerable<(int Rating, int Count)> rows)
        {
            var dist = new int[4];
            foreach (var (rating, count) in rows) if (rating is >= 1 and <= 4) dist[rating - 1] += count;
            var n = dist.Sum();
            decimal? mean = n == 0 ? null : Math.Round((decimal)Enumerable.Range(1, 4).Sum(r => r * dist[r - 1]) / n, 2);
            return new Stats(n, mean, dist);
        }
    }
}
