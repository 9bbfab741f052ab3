using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews;

public enum FeedbackAccess
{
    // Not on the hiring team and not interviewing this candidate: the candidate "does not exist" for them.
    None,

    // Interviewing the candidate but has not submitted their own scorecard yet: sees nobody else's.
    Locked,

    // Has submitted their own scorecard: may read the panel's submitted ones.
    Unlocked,

    // Recruiter or hiring manager on the posting, or an admin: sees everything submitted.
    HiringTeam,
}

// Independent feedback: an interviewer forms their judgement before reading anyone else's. Enforced here, in the
// queries, so no page or link can leak a colleague's scorecard early.
public static class FeedbackVisibility
{
    public static async Task<FeedbackAccess> ForApplicationAsync(AppDbContext db, ICurrentUser user, Guid applicationId, Guid postingId, CancellationToken ct)
    {
        if (await db.IsHiringTeamAsync(user, postingId, ct)) return FeedbackAccess.HiringTeam;
        var me = user.RequireId();
        var interviewing = await (
            from p in db.InterviewParticipants
            join i in db.Interviews on p.InterviewId equals i.Id
            where p.InterviewerId == me && i.ApplicationId == applicationId
            select p).AnyAsync(ct);
        if (!interviewing) return FeedbackAccess.None;
        var submitted = await db.Scorecards.AnyAsync(s => s.ApplicationId == applicationId && s.InterviewerId == me && s.Status == ScorecardStatus.Submitted, ct);
        return submitted ? FeedbackAccess.Unlocked : FeedbackAccess.Locked;
    }

    // The private note is for the hiring manager (and its author); admins see everything.
    public static Task<bool> SeesPrivateNotesAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct) =>
        db.IsHiringManagerOfAsync(user, postingId, ct);
}
