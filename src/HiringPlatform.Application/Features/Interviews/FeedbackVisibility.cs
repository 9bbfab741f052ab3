using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;

namespace HiringPlatform.Application.Features.Interviews;

// Obsolete: a thin forwarder to Common/Security/PostingAccess, the one home of the resource rules (ADR-0009), kept
// only so branches written against the old names still compile. New code calls PostingAccess directly.
public static class FeedbackVisibility
{
    public static Task<FeedbackAccess> ForApplicationAsync(AppDbContext db, ICurrentUser user, Guid applicationId, Guid postingId, CancellationToken ct) =>
        PostingAccess.FeedbackAsync(db, user, applicationId, postingId, ct);

    public static Task<bool> SeesPrivateNotesAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct) =>
        PostingAccess.CanSeePrivateNotesAsync(db, user, postingId, ct);
}
