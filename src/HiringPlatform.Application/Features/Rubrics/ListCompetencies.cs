using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

public static class ListCompetencies
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public bool IncludeRetired { get; init; }
    }

    public sealed record Model(IReadOnlyList<Item> Items, int RetiredCount, bool IncludeRetired);

    public sealed record Item(Guid Id, string Name, string Definition, string Level1, string Level2, string Level3, string Level4,
        int VersionNumber, bool IsRetired, CompetencyUsage Usage);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            // The library is small (tens of competencies), so it is listed whole.
            var rows = await (
                    from c in db.Competencies.AsNoTracking()
                    join v in db.CompetencyVersions on c.CurrentVersionId equals v.Id
                    where query.IncludeRetired || !c.IsRetired
                    orderby c.IsRetired, v.Name
                    select new { c.Id, c.IsRetired, Current = new { v.Name, v.Definition, v.Level1, v.Level2, v.Level3, v.Level4, v.Number } })
                .ToListAsync(ct);
            var retired = query.IncludeRetired ? rows.Count(r => r.IsRetired) : await db.Competencies.CountAsync(c => c.IsRetired, ct);
            var usage = await CompetencyUsage.ListAsync(db, ct);
            var items = rows.Select(r => new Item(r.Id, r.Current.Name, r.Current.Definition, r.Current.Level1, r.Current.Level2,
                r.Current.Level3, r.Current.Level4, r.Current.Number, r.IsRetired, usage.GetValueOrDefault(r.Id) ?? CompetencyUsage.None)).ToList();
            return new Model(items, retired, query.IncludeRetired);
        }
    }
}
