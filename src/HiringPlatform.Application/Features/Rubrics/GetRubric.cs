using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// A posting's rubric: what candidates are scored on, each competency's weight and its share of the total,
// must-have or trainable, and which stages assess it.
public static class GetRubric
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public Guid PostingId { get; init; }
    }

    public sealed record Model(Guid PostingId, string PostingTitle, PostingStatus Status, bool CanEdit, bool CanEditPlan,
        IReadOnlyList<Item> Items, IReadOnlyList<CompetencyRef> Uncovered)
    {
        public decimal TotalWeight => Items.Sum(i => i.Weight);
        public decimal MustHaveShare => Items.Where(i => i.IsMustHave).Sum(i => i.Share);
    }

    public sealed record Item(Guid CompetencyId, string Name, string Definition, decimal Weight, decimal Share, bool IsMustHave,
        bool IsRetired, IReadOnlyList<string> Stages);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var access = await PostingAccess.RequireCapabilitiesAsync(db, user, query.PostingId, ct);
            var rows = await (
                    from r in db.RubricItems.AsNoTracking()
                    join c in db.Competencies on r.CompetencyId equals c.Id
                    join v in db.CompetencyVersions on c.CurrentVersionId equals v.Id
                    where r.PostingId == query.PostingId
                    orderby r.Order, v.Name
                    select new { c.Id, v.Name, v.Definition, r.Weight, r.IsMustHave, c.IsRetired })
                .ToListAsync(ct);
            var focus = await (
                    from f in db.Set<StageFocus>()
                    join s in db.InterviewStages on f.StageId equals s.Id
                    where s.PostingId == query.PostingId
                    orderby s.Order
                    select new { f.CompetencyId, s.Name, s.Kind })
                .ToListAsync(ct);
            var total = rows.Sum(r => r.Weight);
            var items = rows.Select(r => new Item(r.Id, r.Name, r.Definition, r.Weight, Share(r.Weight, total), r.IsMustHave, r.IsRetired,
                focus.Where(f => f.CompetencyId == r.Id).Select(f => f.Name).ToList())).ToList();
            return new Model(access.PostingId, access.Title, access.Status, access.CanEditRubric, access.CanEditPlan, items,
                await PlanCoverage.UncoveredAsync(db, query.PostingId, ct));
        }
    }

    // Percent of the total weight, one decimal: weights are relative and need not add up to 100.
    public static decimal Share(decimal weight, decimal total) => total <= 0 ? 0 : Math.Round(weight * 100m / total, 1, MidpointRounding.AwayFromZero);
}
