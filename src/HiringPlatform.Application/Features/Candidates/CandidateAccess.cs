using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// Who may see which pipeline and which candidate. Admins see everything; recruiters and hiring managers see the
// postings whose hiring team they are on (as recruiter or hiring manager) and the candidates with an application
// there. Interviewers see only their interviews' kits (the Interviews area), never profiles or boards.
// Refusals are "not found", so guessing ids reveals nothing.
public static class CandidateAccess
{
    public static IQueryable<Guid> ManagedPostingIds(AppDbContext db, Guid userId) =>
        db.PostingTeamMembers
            .Where(m => m.UserId == userId && (m.Role == TeamRole.Recruiter || m.Role == TeamRole.HiringManager))
            .Select(m => m.PostingId);

    public static async Task<bool> CanManagePostingAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct)
    {
        if (user.IsAdmin()) return await db.JobPostings.AnyAsync(p => p.Id == postingId, ct);
        var userId = user.RequireId();
        return await ManagedPostingIds(db, userId).AnyAsync(id => id == postingId, ct);
    }

    public static async Task EnsureCanManagePostingAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct)
    {
        if (!await CanManagePostingAsync(db, user, postingId, ct)) throw new NotFoundException("Posting");
    }

    public static async Task<bool> CanSeeCandidateAsync(AppDbContext db, ICurrentUser user, Guid candidateId, CancellationToken ct)
    {
        if (user.IsAdmin()) return true;
        var userId = user.RequireId();
        var managed = ManagedPostingIds(db, userId);
        return await db.Applications.AnyAsync(a => a.CandidateId == candidateId && managed.Contains(a.PostingId), ct);
    }

    public static async Task EnsureCanSeeCandidateAsync(AppDbContext db, ICurrentUser user, Guid candidateId, CancellationToken ct)
    {
        if (!await CanSeeCandidateAsync(db, user, candidateId, ct)) throw new NotFoundException("Candidate");
    }

    // Null for admins (no restriction); otherwise the postings whose candidates the user may see.
    public static async Task<Guid[]?> VisiblePostingIdsAsync(AppDbContext db, ICurrentUser user, CancellationToken ct)
    {
        if (user.IsAdmin()) return null;
        var userId = user.RequireId();
        return await ManagedPostingIds(db, userId).Distinct().ToArrayAsync(ct);
    }
}
