using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;

namespace HiringPlatform.Application.Features.Candidates;

// Obsolete: a thin forwarder to Common/Security/PostingAccess, the one home of the resource rules (ADR-0009), kept
// only so branches written against the old names still compile. New code calls PostingAccess directly.
public static class CandidateAccess
{
    public static IQueryable<Guid> ManagedPostingIds(AppDbContext db, Guid userId) => PostingAccess.TeamPostingIds(db, userId);

    public static Task<bool> CanManagePostingAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct) =>
        db.CanSeePostingAsync(user, postingId, ct);

    public static Task EnsureCanManagePostingAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct) =>
        PostingAccess.EnsureCanSeePostingAsync(db, user, postingId, ct);

    public static Task<bool> CanSeeCandidateAsync(AppDbContext db, ICurrentUser user, Guid candidateId, CancellationToken ct) =>
        PostingAccess.CanSeeCandidateAsync(db, user, candidateId, ct);

    public static Task EnsureCanSeeCandidateAsync(AppDbContext db, ICurrentUser user, Guid candidateId, CancellationToken ct) =>
        PostingAccess.EnsureCanSeeCandidateAsync(db, user, candidateId, ct);

    public static Task<Guid[]?> VisiblePostingIdsAsync(AppDbContext db, ICurrentUser user, CancellationToken ct) =>
        PostingAccess.VisiblePostingIdsAsync(db, user, ct);
}
