using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// The postings a candidate can be added to by this user (not closed; their team's, or all for admins),
// for the "add to posting" dropdowns.
public static class ListManagedPostings
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Query : IQuery<IReadOnlyList<Option>>
    {
        // Leaves out the postings this candidate is already in.
        public Guid? ExceptCandidateId { get; init; }
    }

    public sealed record Option(Guid Id, string Title, PostingStatus Status);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<Option>>
    {
        public async ValueTask<IReadOnlyList<Option>> Handle(Query query, CancellationToken ct)
        {
            var postings = db.JobPostings.AsNoTracking().Where(p => p.Status != PostingStatus.Closed);
            if (!user.IsAdmin())
            {
                var managed = PostingAccess.TeamPostingIds(db, user.RequireId());
                postings = postings.Where(p => managed.Contains(p.Id));
            }
            if (query.ExceptCandidateId is { } candidateId)
                postings = postings.Where(p => !db.Applications.Any(a => a.PostingId == p.Id && a.CandidateId == candidateId));
            return await postings.OrderBy(p => p.Title).ThenByDescending(p => p.CreatedAt).Take(200)
                .Select(p => new Option(p.Id, p.Title, p.Status)).ToListAsync(ct);
        }
    }
}
