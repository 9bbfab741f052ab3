using System.Linq.Expressions;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Careers;

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
