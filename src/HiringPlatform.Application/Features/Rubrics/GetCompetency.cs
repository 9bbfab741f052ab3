using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// One competency with its version history: each version's full wording, how many submitted scorecards were rated
// against it, and what changed from the version before.
public static class GetCompetency
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public Guid Id { get; init; }
    }

    public sealed record Model(Guid Id, string Name, bool IsRetired, bool IsReference, CompetencyUsage Usage, IReadOnlyList<VersionModel> Versions)
    {
        public VersionModel Current => Versions.First(v => v.IsCurrent);
        public bool CanDelete => !IsReference && !Usage.IsUsed;
    }

    public sealed record VersionModel(int Number, bool IsCurrent, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
        string Name, string Definition, IReadOnlyList<string> Levels, int SubmittedScorecards, IReadOnlyList<FieldChange> Changes);

    public sealed record FieldChange(string Field, IReadOnlyList<DiffSegment> Segments);

    public static readonly IReadOnlyList<string> LevelNames = ["1 · Strong no", "2 · No", "3 · Yes", "4 · Strong yes"];

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var competency = await db.Competencies.AsNoTracking().Where(c => c.Id == query.Id)
                .Select(c => new { c.Id, c.Key, c.Name, c.IsRetired, c.CurrentVersionId })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Competency");
            var versions = await db.CompetencyVersions.AsNoTracking().Where(v => v.CompetencyId == query.Id).OrderBy(v => v.Number)
                .Select(v => new { v.Id, v.Number, v.CreatedAt, v.UpdatedAt, v.Name, v.Definition, v.Level1, v.Level2, v.Level3, v.Level4 })
                .ToListAsync(ct);
            // Bounded per version (indexed by version id): a popular competency is rated in very many scorecards.
            var scored = new Dictionary<Guid, int>();
            foreach (var version in versions)
            {
                scored[version.Id] = await db.ScorecardRatings.Where(r => r.CompetencyVersionId == version.Id)
                    .Join(db.Scorecards.Where(s => s.Status == ScorecardStatus.Submitted), r => r.ScorecardId, s => s.Id, (r, s) => r.ScorecardId)
                    .Take(CompetencyUsage.RatingsCap + 1).CountAsync(ct);
            }

            var models = new List<VersionModel>();
            for (var i = 0; i < versions.Count; i++)
            {
                var v = versions[i];
                string[] levels = [v.Level1, v.Level2, v.Level3, v.Level4];
                var changes = new List<FieldChange>();
                if (i > 0)
                {
                    var p = versions[i - 1];
                    string[] previousLevels = [p.Level1, p.Level2, p.Level3, p.Level4];
                    AddChange(changes, "Name", p.Name, v.Name);
                    AddChange(changes, "Definition", p.Definition, v.Definition);
                    for (var level = 0; level < 4; level++) AddChange(changes, LevelNames[level], previousLevels[level], levels[level]);
                }
                models.Add(new VersionModel(v.Number, v.Id == competency.CurrentVersionId, v.CreatedAt, v.UpdatedAt, v.Name, v.Definition,
                    levels, scored.GetValueOrDefault(v.Id), changes));
            }
            models.Reverse();
            return new Model(competency.Id, competency.Name, competency.IsRetired, CompetencyUsage.IsReference(competency.Key),
                await CompetencyUsage.CountAsync(db, competency.Id, ct), models);
        }

        private static void AddChange(List<FieldChange> changes, string field, string before, string after)
        {
            if (before != after) changes.Add(new FieldChange(field, TextDiff.Compare(before, after)));
        }
    }
}
