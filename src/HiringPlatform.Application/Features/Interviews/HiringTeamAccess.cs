using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;

namespace HiringPlatform.Application.Features.Interviews;

// Obsolete: a thin forwarder to Common/Security/PostingAccess, the one home of the resource rules (ADR-0009), kept
// only so branches written against the old names still compile. New code calls PostingAccess directly.
// (PostingAccess.IsHiringTeamAsync and TeamPostingIds keep their old extension names, so they need no forwarder.)
public static class HiringTeamAccess
{
    public static Task<bool> IsRecruiterOnAsync(this AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct) =>
        db.CanScheduleAsync(user, postingId, ct);

    public static Task<bool> IsHiringManagerOfAsync(this AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct) =>
        db.CanDecideAsync(user, postingId, ct);

    public static IQueryable<Guid>? ManagedPostingIds(this AppDbContext db, ICurrentUser user) => db.HiringManagerPostingIds(user);
}
