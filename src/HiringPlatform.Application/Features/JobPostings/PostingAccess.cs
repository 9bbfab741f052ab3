using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.JobPostings;

// Staff see the postings they are on the hiring team of; admins see all. Anything else answers "not found",
// so nobody learns that another team's posting exists.
public static class PostingAccess
{
    public static IQueryable<JobPosting> VisibleTo(this IQueryable<JobPosting> postings, ICurrentUser user)
    {
        if (user.IsAdmin()) return postings;
        var userId = user.RequireId();
        return postings.Where(p => p.TeamMembers.Any(m => m.UserId == userId));
    }

    // The posting with its team, tracked, for a command that changes it.
    public static async Task<JobPosting> LoadForChangeAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct) =>
        await db.JobPostings.Include(p => p.TeamMembers).VisibleTo(user).SingleOrDefaultAsync(p => p.Id == postingId, ct)
        ?? throw new NotFoundException("The posting");

    // Approving or sending back is the hiring manager's call (or an admin's): the rest of the team sees the
    // posting but is refused.
    public static void EnsureCanApprove(JobPosting posting, ICurrentUser user)
    {
        if (user.IsAdmin()) return;
        if (posting.HiringManagerId != user.RequireId())
            throw new ForbiddenAccessException("Only the posting's hiring manager or an admin can approve it or send it back.");
    }
}
