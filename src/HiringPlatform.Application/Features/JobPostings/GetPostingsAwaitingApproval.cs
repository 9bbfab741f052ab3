using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.JobPostings;

// Postings waiting for this hiring manager's approval, oldest request first, with who asked and when.
public static class GetPostingsAwaitingApproval
{
    [Authorize(Roles = Roles.HiringManager)]
    public sealed record Query : IQuery<IReadOnlyList<Model>>;

    public sealed record Model(Guid Id, string Title, string Team, DateTimeOffset? SubmittedAt, string? SubmittedBy);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<Model>>
    {
        public async ValueTask<IReadOnlyList<Model>> Handle(Query query, CancellationToken ct)
        {
            var userId = user.RequireId();
            var mine = PostingAccess.HiringManagerPostingIds(db, userId);
            var rows = await db.JobPostings.AsNoTracking()
                .Where(p => p.Status == PostingStatus.AwaitingApproval && mine.Contains(p.Id))
                .Select(p => new
                {
                    p.Id,
                    p.Title,
                    p.Team,
                    Submitted = p.History.Where(e => e.ToStatus == PostingStatus.AwaitingApproval).OrderByDescending(e => e.At)
                        .Select(e => new { e.At, By = db.Users.Where(u => u.Id == e.ByUserId).Select(u => u.DisplayName).FirstOrDefault() })
                        .FirstOrDefault(),
                })
                .ToListAsync(ct);
            return rows.Select(r => new Model(r.Id, r.Title, r.Team, r.Submitted?.At, r.Submitted?.By))
                .OrderBy(r => r.SubmittedAt).ToList();
        }
    }
}
