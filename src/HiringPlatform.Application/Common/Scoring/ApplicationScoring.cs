using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Common.Scoring;

// The one home of an application's score, for every area that changes it or gates on it (scorecards, the board, rubric
// edits, merges, debriefs, offers): in Common, so that no area imports another for it. Keeps JobApplication.WeightedScore
// (shown on the board, ranked on in comparisons) equal to what the score page computes.
public static class ApplicationScoring
{
    // The score as the score page computes it, from the submitted scorecards in the database: the debrief gate's input.
    public static async Task<ScoreResult> CurrentAsync(AppDbContext db, Guid applicationId, Guid postingId, CancellationToken ct)
    {
        var rubric = await db.RubricItems.AsNoTracking().Where(r => r.PostingId == postingId)
            .Select(r => new RubricWeight(r.CompetencyId, r.Weight, r.IsMustHave)).ToListAsync(ct);
        var ratings = await (
            from r in db.ScorecardRatings.AsNoTracking()
            join s in db.Scorecards on r.ScorecardId equals s.Id
            where s.ApplicationId == applicationId && s.Status == ScorecardStatus.Submitted && r.Rating != null
            select new SubmittedRating(r.CompetencyId, s.InterviewerId, r.Rating!.Value)).ToListAsync(ct);
        return ScoreCalculator.Calculate(rubric, ratings);
    }

    // Into the Offer stage, or a first draft offer, only past the debrief gate: the coverage, or an offer decision already
    // recorded (which passed the gate or carries the hiring manager's written override).
    public static async Task<bool> OfferAllowedAsync(AppDbContext db, JobApplication application, CancellationToken ct) =>
        await db.Decisions.AnyAsync(d => d.ApplicationId == application.Id && d.Kind == DecisionKind.Offer, ct)
        || (await CurrentAsync(db, application.Id, application.PostingId, ct)).ReadyForDebrief;

    public static async Task EnsureOfferAllowedAsync(AppDbContext db, JobApplication application, CancellationToken ct)
    {
        if (!await OfferAllowedAsync(db, application, ct)) throw new DomainException(Decision.OfferStageRefusal);
    }

    // A rubric edit changes every stored score of the posting: recomputed here, in the edit's transaction, from the new
    // rubric (not saved yet) and the submitted ratings, so the board and the comparison never rank on old weights.
    // Only scores that change are written (each such application's version moves on, like after a new scorecard).
    public static async Task RecalculatePostingAsync(AppDbContext db, Guid postingId, IReadOnlyList<RubricWeight> rubric, CancellationToken ct)
    {
        var ratings = (await (
            from r in db.ScorecardRatings.AsNoTracking()
            join s in db.Scorecards on r.ScorecardId equals s.Id
            join a in db.Applications on s.ApplicationId equals a.Id
            where a.PostingId == postingId && s.Status == ScorecardStatus.Submitted && r.Rating != null
            select new { s.ApplicationId, r.CompetencyId, s.InterviewerId, Rating = r.Rating!.Value }).ToListAsync(ct))
            .ToLookup(x => x.ApplicationId, x => new SubmittedRating(x.CompetencyId, x.InterviewerId, x.Rating));
        var scored = ratings.Select(g => g.Key).ToList();
        var applications = await db.Applications.Where(a => a.PostingId == postingId && (a.WeightedScore != null || scored.Contains(a.Id))).ToListAsync(ct);
        foreach (var application in applications)
        {
            var score = ScoreCalculator.Calculate(rubric, ratings[application.Id]).WeightedScore;
            if (application.WeightedScore != score) application.WeightedScore = score;
        }
    }

    // `changed` is the scorecard being saved in this command: its new ratings are not in the database yet.
    public static async Task RecalculateAsync(AppDbContext db, JobApplication application, Scorecard changed, CancellationToken ct)
    {
        var rubric = await db.RubricItems.AsNoTracking().Where(r => r.PostingId == application.PostingId)
            .Select(r => new RubricWeight(r.CompetencyId, r.Weight, r.IsMustHave)).ToListAsync(ct);
        var stored = await (
            from r in db.ScorecardRatings.AsNoTracking()
            join s in db.Scorecards on r.ScorecardId equals s.Id
            where s.ApplicationId == application.Id && s.Status == ScorecardStatus.Submitted && s.Id != changed.Id && r.Rating != null
            select new SubmittedRating(r.CompetencyId, s.InterviewerId, r.Rating!.Value)).ToListAsync(ct);
        if (changed.Status == ScorecardStatus.Submitted)
            stored.AddRange(changed.Ratings.Where(r => r.Rating is not null).Select(r => new SubmittedRating(r.CompetencyId, changed.InterviewerId, r.Rating!.Value)));
        application.WeightedScore = ScoreCalculator.Calculate(rubric, stored).WeightedScore;
    }
}
