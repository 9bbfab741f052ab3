using FluentValidation;
using HiringPlatform.Application.Common;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Rubrics;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// The question bank: searched by text (trigram index), filtered by the competency a question probes,
// keyset-paged by id (time-ordered) so deep pages cost the same as the first.
public static class ListQuestions
{
    public const int PageSize = 25;

    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public string? Q { get; init; }
        public Guid? CompetencyId { get; init; }
        public bool IncludeRetired { get; init; }
        public Guid? After { get; init; }
    }

    public sealed record Model(IReadOnlyList<Item> Items, Guid? NextAfter, Query Filter);

    public sealed record Item(Guid Id, string Text, string GoodLooksLike, string RedFlags, bool IsRetired,
        IReadOnlyList<CompetencyRef> Competencies, int KitCount);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Q).MaximumLength(200).WithMessage("Search for at most 200 characters.");
    }

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var questions = db.Questions.AsNoTracking();
            if (!query.IncludeRetired) questions = questions.Where(q => !q.IsRetired);
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var pattern = "%" + Like.Escape(query.Q.Trim()) + "%";
                questions = questions.Where(q => EF.Functions.ILike(q.Text, pattern, Like.EscapeChar));
            }
            if (query.CompetencyId is { } competencyId)
                questions = questions.Where(q => q.Competencies.Any(c => c.CompetencyId == competencyId));
            if (query.After is { } after) questions = questions.Where(q => q.Id > after);

            var page = await questions.OrderBy(q => q.Id).Take(PageSize + 1)
                .Select(q => new
                {
                    q.Id,
                    q.Text,
                    q.GoodLooksLike,
                    q.RedFlags,
                    q.IsRetired,
                    Competencies = q.Competencies
                        .Join(db.Competencies, qc => qc.CompetencyId, c => c.Id, (qc, c) => new CompetencyRef(c.Id, c.Name, c.IsRetired))
                        .ToList(),
                })
                .ToListAsync(ct);
            var hasMore = page.Count > PageSize;
            if (hasMore) page.RemoveAt(PageSize);

            var ids = page.Select(q => q.Id).ToList();
            var kits = await db.Set<StageQuestion>().Where(s => ids.Contains(s.QuestionId))
                .GroupBy(s => s.QuestionId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var items = page.Select(q => new Item(q.Id, q.Text, q.GoodLooksLike, q.RedFlags, q.IsRetired,
                q.Competencies.OrderBy(c => c.Name).ToList(), kits.GetValueOrDefault(q.Id))).ToList();
            return new Model(items, hasMore ? items[^1].Id : null, query);
        }
    }

}

public sealed record CompetencyRef(Guid Id, string Name, bool IsRetired = false);

internal static class QuestionRules
{
    public static async Task<bool> CompetenciesArePickableAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, Guid? questionId, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        List<Guid> already = questionId is null ? [] : await db.Set<QuestionCompetency>().Where(q => q.QuestionId == questionId)
            .Select(q => q.CompetencyId).ToListAsync(ct);
        var ok = await db.Competencies.CountAsync(c => wanted.Contains(c.Id) && (!c.IsRetired || already.Contains(c.Id)), ct);
        return ok == wanted.Count;
    }
}
