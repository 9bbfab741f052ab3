using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Rubrics;
using HiringPlatform.Application.Domain.Templates;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics.Shared;

// Where a competency is used. Anything here but questions makes it permanent: it can be retired, never deleted,
// because rubrics, plans and scorecards point at it. Ratings grow with the number of candidates, so they are
// counted only up to a cap (the page says "1,000+").
public sealed record CompetencyUsage(int Rubrics, int Stages, int Ratings, int Questions)
{
    public const int RatingsCap = 1000;

    public static readonly CompetencyUsage None = new(0, 0, 0, 0);

    public bool IsUsed => Rubrics + Stages + Ratings > 0;

    // The seeded library is re-added at start-up when missing, so deleting it would not stick.
    public static bool IsReference(string key) => ReferenceData.Competencies.Any(c => c.Key == key);

    // For the library list: rubrics and questions per competency, one GROUP BY each over small tables.
    public static async Task<IReadOnlyDictionary<Guid, CompetencyUsage>> ListAsync(AppDbContext db, CancellationToken ct)
    {
        var rubrics = await db.RubricItems.GroupBy(r => r.CompetencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var questions = await db.Set<QuestionCompetency>().GroupBy(q => q.CompetencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return rubrics.Keys.Union(questions.Keys).ToDictionary(id => id,
            id => new CompetencyUsage(rubrics.GetValueOrDefault(id), 0, 0, questions.GetValueOrDefault(id)));
    }

    // For one competency: indexed counts by competency id.
    public static async Task<CompetencyUsage> CountAsync(AppDbContext db, Guid id, CancellationToken ct) => new(
        await db.RubricItems.CountAsync(r => r.CompetencyId == id, ct),
        await db.Set<StageFocus>().CountAsync(f => f.CompetencyId == id, ct),
        await db.ScorecardRatings.Where(r => r.CompetencyId == id).Take(RatingsCap + 1).CountAsync(ct),
        await db.Set<QuestionCompetency>().CountAsync(q => q.CompetencyId == id, ct));
}
