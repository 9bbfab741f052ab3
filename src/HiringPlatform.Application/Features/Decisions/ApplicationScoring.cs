using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions;

// Keeps JobApplication.WeightedScore (shown on the board, ranked on in comparisons) equal to what the score page
// computes, whenever a scorecard is submitted or amended.
public static class ApplicationScoring
{
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
