using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.JobPostings;

// What a recruiter should look at today, over the postings they are on the team of: postings waiting for the
// hiring manager, drafts still to finish, and new applications of the last seven days per posting.
// Two queries: the live postings, then one grouped count of recent applications.
public static class GetRecruiterHome
{
    public const int Days = 7;

    [Authorize(Roles = Roles.Recruiter)]
    public sealed record Query : IQuery<Model>;

    public sealed record Model(IReadOnlyList<Posting> AwaitingApproval, IReadOnlyList<Posting> Drafts, IReadOnlyList<Posting> WithNewApplications,
        int OpenCount, int NewApplicationsTotal);

    public sealed record Posting(Guid Id, string Title, string Team, PostingStatus Status, DateTimeOffset UpdatedAt, int NewApplications);

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var userId = user.RequireId();
            // On the home page even an admin-recruiter sees their own postings: "all postings" is the list's job.
            // Only postings they are on the hiring team of: an interviewer seat shows no pipeline counts.
            var mine = PostingAccess.TeamPostingIds(db, userId);
            var live = await db.JobPostings.AsNoTracking()
                .Where(p => p.Status != PostingStatus.Closed && mine.Contains(p.Id))
                .Select(p => new { p.Id, p.Title, p.Team, p.Status, p.UpdatedAt })
                .ToListAsync(ct);
            var ids = live.Select(p => p.Id).ToList();
            var since = clock.GetUtcNow().AddDays(-Days);
            var fresh = await db.Applications.AsNoTracking()
                .Where(a => ids.Contains(a.PostingId) && a.AppliedAt >= since)
                .GroupBy(a => a.PostingId)
                .Select(g => new { PostingId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.PostingId, x => x.Count, ct);

            var postings = live.Select(p => new Posting(p.Id, p.Title, p.Team, p.Status, p.UpdatedAt, fresh.GetValueOrDefault(p.Id))).ToList();
            return new Model(
                postings.Where(p => p.Status == PostingStatus.AwaitingApproval).OrderBy(p => p.UpdatedAt).ToList(),
                postings.Where(p => p.Status == PostingStatus.Draft).OrderByDescending(p => p.UpdatedAt).ToList(),
                postings.Where(p => p.NewApplications > 0).OrderByDescending(p => p.NewApplications).ThenBy(p => p.Title).ToList(),
                postings.Count(p => p.Status == PostingStatus.Open),
                fresh.Values.Sum());
        }
    }
}
