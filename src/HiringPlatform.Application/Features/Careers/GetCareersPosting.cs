using HiringPlatform.Application.Common.Interfaces;
using System.Linq.Expressions;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Careers;

// A posting as the public sees it. Only open postings exist for the public: any other state is "not found".
// The salary band is in the model only when the posting shows it publicly, so no view can leak it.
public static class GetCareersPosting
{
    [AllowAnonymous]
    public sealed record Query(Guid Id) : IQuery<Model>;

    public sealed record Model
    {
        public required Guid Id { get; init; }
        public required string Title { get; init; }
        public required string Team { get; init; }
        public required JobLevel Level { get; init; }
        public required LocationType LocationType { get; init; }
        public string? Location { get; init; }
        public int? TimeZoneMinOffset { get; init; }
        public int? TimeZoneMaxOffset { get; init; }
        public required EmploymentType EmploymentType { get; init; }
        public decimal? SalaryMin { get; init; }
        public decimal? SalaryMax { get; init; }
        public string? SalaryCurrency { get; init; }
        public required int Headcount { get; init; }
        public required DateTimeOffset PublishedAt { get; init; }
        public required DateTimeOffset UpdatedAt { get; init; }
        public required string DescriptionMarkdown { get; init; }
        public required string ResponsibilitiesMarkdown { get; init; }
        public required string QualificationsMarkdown { get; init; }
        public required string PerksMarkdown { get; init; }

        public bool ShowsSalary => SalaryMin is not null && SalaryMax is not null && SalaryCurrency is not null;
    }

    internal static readonly Expression<Func<JobPosting, Model>> Projection = p => new Model
    {
        Id = p.Id,
        Title = p.Title,
        Team = p.Team,
        Level = p.Level,
        LocationType = p.LocationType,
        Location = p.Location,
        TimeZoneMinOffset = p.TimeZoneMinOffset,
        TimeZoneMaxOffset = p.TimeZoneMaxOffset,
        EmploymentType = p.EmploymentType,
        SalaryMin = p.Salary.IsPublic ? p.Salary.Min : null,
        SalaryMax = p.Salary.IsPublic ? p.Salary.Max : null,
        SalaryCurrency = p.Salary.IsPublic ? p.Salary.Currency : null,
        Headcount = p.Headcount,
        PublishedAt = p.PublishedAt ?? p.CreatedAt,
        UpdatedAt = p.UpdatedAt,
        DescriptionMarkdown = p.DescriptionMarkdown,
        ResponsibilitiesMarkdown = p.ResponsibilitiesMarkdown,
        QualificationsMarkdown = p.QualificationsMarkdown,
        PerksMarkdown = p.PerksMarkdown,
    };

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct) =>
            await db.JobPostings.AsNoTracking()
                .Where(p => p.Id == query.Id && p.Status == PostingStatus.Open)
                .Select(Projection)
                .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("The job");
    }
}

// Every open posting in full, for the JSON feed that job boards read.
public static class GetJobFeed
{
    [AllowAnonymous]
    public sealed record Query : IQuery<IReadOnlyList<GetCareersPosting.Model>>, IReadFromReplica;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<GetCareersPosting.Model>>
    {
        public async ValueTask<IReadOnlyList<GetCareersPosting.Model>> Handle(Query query, CancellationToken ct) =>
            await db.JobPostings.AsNoTracking()
                .Where(p => p.Status == PostingStatus.Open)
                .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
                .Select(GetCareersPosting.Projection)
                .ToListAsync(ct);
    }
}
