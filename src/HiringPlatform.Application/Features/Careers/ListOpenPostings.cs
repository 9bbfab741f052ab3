using HiringPlatform.Application.Common;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Careers;

// The public list of open jobs, with search and filters.
public static class ListOpenPostings
{
    public const int PageSize = 20;

    [AllowAnonymous]
    public sealed record Query : IQuery<Model>, IReadFromReplica
    {
        public string? Q { get; init; }
        public LocationType? LocationType { get; init; }
        public string? Team { get; init; }
        public int Page { get; init; } = 1;
    }

    public sealed record Model(IReadOnlyList<Item> Items, IReadOnlyList<string> Teams, int Page, int TotalCount, int OpenCount, Query Filter)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
        public bool IsFiltered => Filter.LocationType is not null || !string.IsNullOrWhiteSpace(Filter.Team) || !string.IsNullOrWhiteSpace(Filter.Q);
    }

    public sealed record Item(Guid Id, string Title, string Team, JobLevel Level, LocationType LocationType, string? Location,
        EmploymentType EmploymentType, int? TimeZoneMinOffset, int? TimeZoneMaxOffset, decimal? SalaryMin, decimal? SalaryMax,
        string? SalaryCurrency, DateTimeOffset PublishedAt);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var open = db.JobPostings.AsNoTracking().Where(p => p.Status == PostingStatus.Open);
            var teams = await open.Where(p => p.Team != "").Select(p => p.Team).Distinct().OrderBy(t => t).ToListAsync(ct);
            var openCount = await open.CountAsync(ct);

            var postings = open;
            if (query.LocationType is { } type) postings = postings.Where(p => p.LocationType == type);
            if (!string.IsNullOrWhiteSpace(query.Team)) postings = postings.Where(p => p.Team == query.Team);
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var pattern = Like.Contains(query.Q);
                postings = postings.Where(p => EF.Functions.ILike(p.Title, pattern, Like.EscapeChar) || EF.Functions.ILike(p.Team, pattern, Like.EscapeChar)
                                               || (p.Location != null && EF.Functions.ILike(p.Location, pattern, Like.EscapeChar)));
            }
            var total = await postings.CountAsync(ct);
            var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
            var items = await postings
                .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(p => new Item(p.Id, p.Title, p.Team, p.Level, p.LocationType, p.Location, p.EmploymentType,
                    p.TimeZoneMinOffset, p.TimeZoneMaxOffset,
                    p.Salary.IsPublic ? p.Salary.Min : null, p.Salary.IsPublic ? p.Salary.Max : null, p.Salary.IsPublic ? p.Salary.Currency : null,
                    p.PublishedAt ?? p.CreatedAt))
                .ToListAsync(ct);
            return new Model(items, teams, page, total, openCount, query);
        }
    }
}
