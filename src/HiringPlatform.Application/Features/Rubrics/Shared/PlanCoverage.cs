using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics.Shared;

// Every rubric competency should be assessed somewhere: the focus of at least one screen or interview stage.
// Review, debrief and offer stages produce no scorecards, so their focus does not count.
public static class PlanCoverage
{
    public static async Task<IReadOnlyList<CompetencyRef>> UncoveredAsync(AppDbContext db, Guid postingId, CancellationToken ct)
    {
        var scoredFocus =
            from f in db.Set<StageFocus>()
            join s in db.InterviewStages on f.StageId equals s.Id
            where s.PostingId == postingId && (s.Kind == StageKind.Interview || s.Kind == StageKind.Screen)
            select f.CompetencyId;
        return await (
                from r in db.RubricItems.AsNoTracking()
                join c in db.Competencies on r.CompetencyId equals c.Id
                where r.PostingId == postingId && !scoredFocus.Contains(r.CompetencyId)
                orderby r.Order
                select new CompetencyRef(c.Id, c.Name, c.IsRetired))
            .ToListAsync(ct);
    }
}
