using HiringPlatform.Application.Common;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.JobPostings;

// The staff list of postings: the ones the user is on the team of (admins: all), filtered and paged.
// Postings number in the hundreds at most, so offset paging is fine; candidate counts come from one grouped
// query over the page's postings, never one query per row.
public static class ListPostings
{
    public const int PageSize = 25;

    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public PostingStatus? Status { get; init; }
        public string? Team { get; init; }
        public LocationType? LocationType { get; init; }
        public string? Q { get; init; }
        public int Page { get; init; } = 1;
    }

    public sealed record Model(IReadOnlyList<Item> Items, int Page, int TotalCount, Query Filter)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
        public bool IsFiltered => Filter.Status is not null || Filter.LocationType is not null || !string.IsNullOrWhiteSpace(Filter.Team) || !string.IsNullOrWhiteSpace(Filter.Q);
    }

    public sealed record Item(Guid Id, string Title, string Team, JobLevel Level, PostingStatus Status, ClosedReason? ClosedReason,
        LocationType LocationType, string? Location, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, int ActiveCandidates, int NewThisWeek);

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var postings = db.JobPostings.AsNoTracking().VisibleTo(user);
            if (query.Status is { } status) postings = postings.Where(p => p.Status == status);
            if (query.LocationType is { } type) postings = postings.Where(p => p.LocationType == type);
            if (!string.IsNullOrWhiteSpace(query.Team)) postings = postings.Where(p => p.Team == query.Team);
            if (!string.IsNullOrWhiteSpace(query.Q)) postings = postings.Where(p => EF.Functions.ILike(p.Title, Like.Contains(query.Q), Like.EscapeChar));

            var total = await postings.CountAsync(ct);
            var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
            // Work in progress first (open, awaiting approval, drafts), history last.
            var rows = await postings
                .OrderBy(p => p.Status == PostingStatus.Open ? 0
                    : p.Status == PostingStatus.AwaitingApproval ? 1
                    : p.Status == PostingStatus.Draft ? 2
                    : p.Status == PostingStatus.Paused ? 3 : 4)
                .ThenByDescending(p => p.UpdatedAt).ThenBy(p => p.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(p => new { p.Id, p.Title, p.Team, p.Level, p.Status, p.ClosedReason, p.LocationType, p.Location, p.UpdatedAt, p.PublishedAt })
                .ToListAsync(ct);

            var ids = rows.Select(r => r.Id).ToList();
            var since = clock.GetUtcNow().AddDays(-7);
            var counts = await db.Applications.AsNoTracking()
                .Where(a => ids.Contains(a.PostingId) && (a.Status == ApplicationStatus.Active || a.AppliedAt >= since))
                .GroupBy(a => a.PostingId)
                .Select(g => new { PostingId = g.Key, Active = g.Count(a => a.Status == ApplicationStatus.Active), New = g.Count(a => a.AppliedAt >= since) })
                .ToDictionaryAsync(x => x.PostingId, ct);

            var items = rows.Select(r => new Item(r.Id, r.Title, r.Team, r.Level, r.Status, r.ClosedReason, r.LocationType, r.Location,
                r.UpdatedAt, r.PublishedAt, counts.TryGetValue(r.Id, out var c) ? c.Active : 0, c?.New ?? 0)).ToList();
            return new Model(items, page, total, query);
        }
    }
}
