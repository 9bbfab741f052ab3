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

// Every question a kit can pick from (the pickers list them whole; the bank holds hundreds at most).
public static class ListQuestionChoices
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<IReadOnlyList<Item>>
    {
        // Retired questions already in a kit stay listed so editing the stage does not drop them.
        public IReadOnlyList<Guid> AlsoInclude { get; init; } = [];
    }

    public sealed record Item(Guid Id, string Text, bool IsRetired, IReadOnlyList<Guid> CompetencyIds);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var also = query.AlsoInclude.ToList();
            return await db.Questions.AsNoTracking()
                .Where(q => !q.IsRetired || also.Contains(q.Id))
                .OrderBy(q => q.Text)
                .Select(q => new Item(q.Id, q.Text, q.IsRetired, q.Competencies.Select(c => c.CompetencyId).ToList()))
                .ToListAsync(ct);
        }
    }
}
