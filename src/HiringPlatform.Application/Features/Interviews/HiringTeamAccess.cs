using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews;

// Resource rules shared by the interview and decision use cases. Recruiters and hiring managers act only on
// postings whose team they are on; admins on all. Interviewers reach only interviews they sit on (checked where used).
public static class HiringTeamAccess
{
    public static Task<bool> IsHiringTeamAsync(this AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct)
    {
        if (user.IsAdmin()) return Task.FromResult(true);
        var userId = user.RequireId();
        return db.PostingTeamMembers.AnyAsync(m => m.PostingId == postingId && m.UserId == userId
            && (m.Role == TeamRole.Recruiter || m.Role == TeamRole.HiringManager), ct);
    }

    public static Task<bool> IsRecruiterOnAsync(this AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct)
    {
        if (user.IsAdmin()) return Task.FromResult(true);
        var userId = user.RequireId();
        return db.PostingTeamMembers.AnyAsync(m => m.PostingId == postingId && m.UserId == userId && m.Role == TeamRole.Recruiter, ct);
    }

    public static Task<bool> IsHiringManagerOfAsync(this AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct)
    {
        if (user.IsAdmin()) return Task.FromResult(true);
        var userId = user.RequireId();
        return db.PostingTeamMembers.AnyAsync(m => m.PostingId == postingId && m.UserId == userId && m.Role == TeamRole.HiringManager, ct);
    }

    // Postings the user may see the hiring side of (null = all, for admins).
    public static IQueryable<Guid>? TeamPostingIds(this AppDbContext db, ICurrentUser user)
    {
        if (user.IsAdmin()) return null;
        var userId = user.RequireId();
        return db.PostingTeamMembers
            .Where(m => m.UserId == userId && (m.Role == TeamRole.Recruiter || m.Role == TeamRole.HiringManager))
            .Select(m => m.PostingId);
    }

    // Postings the user may calibrate: the ones they manage (null = all, for admins).
    public static IQueryable<Guid>? ManagedPostingIds(this AppDbContext db, ICurrentUser user)
    {
        if (user.IsAdmin()) return null;
        var userId = user.RequireId();
        return db.PostingTeamMembers.Where(m => m.UserId == userId && m.Role == TeamRole.HiringManager).Select(m => m.PostingId);
    }
}
