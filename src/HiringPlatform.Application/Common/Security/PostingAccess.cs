using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Common.Security;

// The one home of the resource rules (ADR-0009). A posting's hiring team is its recruiters and its hiring manager:
// only those two team roles (and admins) see the posting, its candidates and its feedback. The Interviewer team
// role grants nothing here, whatever global role the person holds — a hiring manager who is on posting P's team
// only as an interviewer is an interviewer on P (they reach their own interviews, see InterviewerOf*).
// Refusals of a resource are "not found", so guessing ids reveals nothing. Nothing outside this file (and the
// posting use cases that edit the team) reads team membership: an architecture test holds that line.
public static class PostingAccess
{
    // How long after an interview its panel may still open the candidate's résumé (unless their feedback is still
    // owed, which keeps it open until they submit). Cancelled interviews grant nothing. See docs/security.md.
    public static readonly TimeSpan InterviewerFileWindow = TimeSpan.FromDays(30);

    // ---- query helpers -------------------------------------------------------------------------------------------

    // Postings whose hiring team (recruiter or hiring manager) the user is on.
    public static IQueryable<Guid> TeamPostingIds(AppDbContext db, Guid userId) =>
        db.PostingTeamMembers
            .Where(m => m.UserId == userId && (m.Role == TeamRole.Recruiter || m.Role == TeamRole.HiringManager))
            .Select(m => m.PostingId);

    // The same for the signed-in user; null for admins (no restriction).
    public static IQueryable<Guid>? TeamPostingIds(this AppDbContext db, ICurrentUser user) =>
        user.IsAdmin() ? null : TeamPostingIds(db, user.RequireId());

    // Postings the user is the hiring manager of (null = all, for admins): calibration, approvals.
    public static IQueryable<Guid>? HiringManagerPostingIds(this AppDbContext db, ICurrentUser user) =>
        user.IsAdmin() ? null : HiringManagerPostingIds(db, user.RequireId());

    // The hiring manager's own postings, admin or not (their approvals inbox).
    public static IQueryable<Guid> HiringManagerPostingIds(AppDbContext db, Guid userId) =>
        db.PostingTeamMembers.Where(m => m.UserId == userId && m.Role == TeamRole.HiringManager).Select(m => m.PostingId);

    // A user's team seats, every role (the admin's view of an account).
    public static IQueryable<PostingTeamMember> MembershipsOf(AppDbContext db, Guid userId) =>
        db.PostingTeamMembers.Where(m => m.UserId == userId);

    // Null for admins; otherwise the postings whose candidates the user may see, materialised for an IN list.
    public static async Task<Guid[]?> VisiblePostingIdsAsync(AppDbContext db, ICurrentUser user, CancellationToken ct) =>
        db.TeamPostingIds(user) is { } ids ? await ids.Distinct().ToArrayAsync(ct) : null;

    // Postings the user may see (hiring team or admin).
    public static IQueryable<JobPosting> VisibleTo(this IQueryable<JobPosting> postings, ICurrentUser user)
    {
        if (user.IsAdmin()) return postings;
        var userId = user.RequireId();
        return postings.Where(p => p.TeamMembers.Any(m => m.UserId == userId && (m.Role == TeamRole.Recruiter || m.Role == TeamRole.HiringManager)));
    }

    // Postings the user is on the team of in any role, for their own "my postings" lists only; never an access rule.
    public static IQueryable<JobPosting> WithMember(this IQueryable<JobPosting> postings, Guid userId) =>
        postings.Where(p => p.TeamMembers.Any(m => m.UserId == userId));

    // Whether the user is on the posting's team in any role (display: "on the team" in interviewer pickers).
    public static IQueryable<bool> IsMember(AppDbContext db, Guid postingId, Guid userId) =>
        db.PostingTeamMembers.Where(m => m.PostingId == postingId && m.UserId == userId).Select(_ => true);

    // The posting's team rows, for pages that show the team (only after the caller checked they may see the posting).
    public static IQueryable<PostingTeamMember> TeamOf(AppDbContext db, Guid postingId) =>
        db.PostingTeamMembers.Where(m => m.PostingId == postingId);

    // ---- capabilities on one posting ------------------------------------------------------------------------------

    // What the user may do with one posting; null when they may not see it (or it does not exist).
    public static async Task<PostingCapabilities?> CapabilitiesAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct)
    {
        var posting = await db.JobPostings.AsNoTracking().Where(p => p.Id == postingId)
            .Select(p => new { p.Title, p.Status }).SingleOrDefaultAsync(ct);
        if (posting is null) return null;
        var userId = user.Id ?? Guid.Empty;
        var roles = await db.PostingTeamMembers.AsNoTracking()
            .Where(m => m.PostingId == postingId && m.UserId == userId).Select(m => m.Role).ToListAsync(ct);
        var access = new PostingCapabilities(postingId, posting.Title, posting.Status, user.IsAdmin(),
            roles.Contains(TeamRole.HiringManager), roles.Contains(TeamRole.Recruiter));
        return access.CanSee ? access : null;
    }

    public static async Task<PostingCapabilities> RequireCapabilitiesAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct) =>
        await CapabilitiesAsync(db, user, postingId, ct) ?? throw new NotFoundException("Posting");

    // Can see the posting, its pipeline and its candidates (recruiter or hiring manager on its team, or admin).
    public static Task<bool> CanSeePostingAsync(this AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct)
    {
        if (user.IsAdmin()) return db.JobPostings.AnyAsync(p => p.Id == postingId, ct);
        return TeamPostingIds(db, user.RequireId()).AnyAsync(id => id == postingId, ct);
    }

    // Like CanSeePostingAsync, but for admins it does not ask the database whether the posting exists (callers that
    // already loaded the posting).
    public static Task<bool> IsHiringTeamAsync(this AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct) =>
        user.IsAdmin() ? Task.FromResult(true) : TeamPostingIds(db, user.RequireId()).AnyAsync(id => id == postingId, ct);

    public static async Task EnsureCanSeePostingAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct)
    {
        if (!await db.CanSeePostingAsync(user, postingId, ct)) throw new NotFoundException("Posting");
    }

    // Can schedule, reschedule and cancel the posting's interviews: a recruiter on its team, or an admin.
    public static Task<bool> CanScheduleAsync(this AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct)
    {
        if (user.IsAdmin()) return Task.FromResult(true);
        var userId = user.RequireId();
        return db.PostingTeamMembers.AnyAsync(m => m.PostingId == postingId && m.UserId == userId && m.Role == TeamRole.Recruiter, ct);
    }

    // Can decide (hire/reject after the debrief, approve offers and the posting): its hiring manager, or an admin.
    public static Task<bool> CanDecideAsync(this AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct)
    {
        if (user.IsAdmin()) return Task.FromResult(true);
        var userId = user.RequireId();
        return db.PostingTeamMembers.AnyAsync(m => m.PostingId == postingId && m.UserId == userId && m.Role == TeamRole.HiringManager, ct);
    }

    // Interviewers' private notes are for the hiring manager (and admins); the author sees their own where shown.
    public static Task<bool> CanSeePrivateNotesAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct) =>
        db.CanDecideAsync(user, postingId, ct);

    // ---- the posting itself (edit, lifecycle) ---------------------------------------------------------------------

    // The posting with its team, tracked, for a command that changes it (edit, submit, pause, resume, close).
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

    // Who may name a different hiring manager: an admin or the current one (handing over). A recruiter editing the
    // posting may not appoint anyone — least of all themselves — to the role that approves postings and offers.
    public static bool CanChangeHiringManager(JobPosting posting, ICurrentUser user) =>
        user.IsAdmin() || posting.HiringManagerId == user.Id;

    // The posting's current hiring manager (null if it has none or does not exist).
    public static Task<Guid?> HiringManagerOfAsync(AppDbContext db, Guid postingId, CancellationToken ct) =>
        db.PostingTeamMembers.Where(m => m.PostingId == postingId && m.Role == TeamRole.HiringManager)
            .Select(m => (Guid?)m.UserId).FirstOrDefaultAsync(ct);

    // ---- candidates -----------------------------------------------------------------------------------------------

    // Can see the candidate: they have an application on a posting the user's hiring team runs (or admin).
    public static async Task<bool> CanSeeCandidateAsync(AppDbContext db, ICurrentUser user, Guid candidateId, CancellationToken ct)
    {
        if (user.IsAdmin()) return true;
        var managed = TeamPostingIds(db, user.RequireId());
        return await db.Applications.AnyAsync(a => a.CandidateId == candidateId && managed.Contains(a.PostingId), ct);
    }

    public static async Task EnsureCanSeeCandidateAsync(AppDbContext db, ICurrentUser user, Guid candidateId, CancellationToken ct)
    {
        if (!await CanSeeCandidateAsync(db, user, candidateId, ct)) throw new NotFoundException("Candidate");
    }

    // Can see the application (and act on its pipeline): on the hiring team of its posting, or admin.
    public static async Task<bool> CanSeeApplicationAsync(AppDbContext db, ICurrentUser user, Guid applicationId, CancellationToken ct)
    {
        if (user.IsAdmin()) return await db.Applications.AnyAsync(a => a.Id == applicationId, ct);
        var managed = TeamPostingIds(db, user.RequireId());
        return await db.Applications.AnyAsync(a => a.Id == applicationId && managed.Contains(a.PostingId), ct);
    }

    // Can schedule interviews for the application: a recruiter on its posting's team (or admin); else "not found".
    public static async Task EnsureCanScheduleApplicationAsync(AppDbContext db, ICurrentUser user, Guid applicationId, CancellationToken ct)
    {
        var postingId = await db.Applications.Where(a => a.Id == applicationId).Select(a => (Guid?)a.PostingId).SingleOrDefaultAsync(ct);
        if (postingId is null || !await db.CanScheduleAsync(user, postingId.Value, ct)) throw new NotFoundException("Application");
    }

    // Can reschedule or cancel the interview: a recruiter on its posting's team (or admin); else "not found".
    public static async Task EnsureCanScheduleInterviewAsync(AppDbContext db, ICurrentUser user, Guid interviewId, CancellationToken ct)
    {
        var postingId = await db.Interviews.Where(i => i.Id == interviewId).Select(i => (Guid?)i.PostingId).SingleOrDefaultAsync(ct);
        if (postingId is null || !await db.CanScheduleAsync(user, postingId.Value, ct)) throw new NotFoundException("Interview");
    }

    // ---- interviews and feedback ----------------------------------------------------------------------------------

    // Sits on the interview's panel.
    public static Task<bool> IsInterviewerOnAsync(AppDbContext db, ICurrentUser user, Guid interviewId, CancellationToken ct)
    {
        var me = user.Id ?? Guid.Empty;
        return db.InterviewParticipants.AnyAsync(p => p.InterviewId == interviewId && p.InterviewerId == me, ct);
    }

    // Independent feedback: whoever sits on a panel for this application forms their judgement before reading
    // anyone else's — hiring managers and recruiters included. A hiring-team member not on any (live) panel for it
    // sees everything submitted.
    public static async Task<FeedbackAccess> FeedbackAsync(AppDbContext db, ICurrentUser user, Guid applicationId, Guid postingId, CancellationToken ct)
    {
        var hiringTeam = await db.IsHiringTeamAsync(user, postingId, ct);
        var me = user.Id ?? Guid.Empty;
        // A hiring-team member's lock counts only interviews still on (a cancelled one has nothing to submit);
        // an interviewer with no hiring role keeps the original rule: any interview of theirs for the application.
        var panels = await (
            from p in db.InterviewParticipants
            join i in db.Interviews on p.InterviewId equals i.Id
            where p.InterviewerId == me && i.ApplicationId == applicationId
            select i.Status).ToListAsync(ct);
        var livePanel = panels.Any(s => s != InterviewStatus.Cancelled);
        if (hiringTeam && !livePanel) return FeedbackAccess.HiringTeam;
        if (!hiringTeam && panels.Count == 0) return FeedbackAccess.None;
        var submitted = await db.Scorecards.AnyAsync(s => s.ApplicationId == applicationId && s.InterviewerId == me && s.Status == ScorecardStatus.Submitted, ct);
        if (hiringTeam) return submitted ? FeedbackAccess.HiringTeam : FeedbackAccess.HiringTeamLocked;
        return submitted ? FeedbackAccess.Unlocked : FeedbackAccess.Locked;
    }

    // Application ids (among the given postings' applications) whose feedback the user may not read yet: the ones
    // where they sit on a live panel and have not submitted their own scorecard. Lists (compare, calibration) hide
    // these applications' scores.
    public static IQueryable<Guid> FeedbackLockedApplicationIds(AppDbContext db, ICurrentUser user)
    {
        var me = user.Id ?? Guid.Empty;
        return from p in db.InterviewParticipants
               join i in db.Interviews on p.InterviewId equals i.Id
               where p.InterviewerId == me && i.Status != InterviewStatus.Cancelled
                     && !db.Scorecards.Any(s => s.ApplicationId == i.ApplicationId && s.InterviewerId == me && s.Status == ScorecardStatus.Submitted)
               select i.ApplicationId;
    }

    // ---- files ----------------------------------------------------------------------------------------------------

    // A candidate's stored file. The hiring team of any posting the candidate applied to sees their files. An
    // interviewer sees only the candidate's current résumé, and only while they sit on a live interview with them:
    // not cancelled, and either ended less than InterviewerFileWindow ago or with their feedback still owed.
    public static async Task<bool> CanDownloadFileAsync(AppDbContext db, ICurrentUser user, Guid candidateId, Guid fileId, DateTimeOffset now, CancellationToken ct)
    {
        if (await CanSeeCandidateAsync(db, user, candidateId, ct)) return true;
        var me = user.RequireId();
        var since = now - InterviewerFileWindow;
        return await (
            from p in db.InterviewParticipants
            join i in db.Interviews on p.InterviewId equals i.Id
            join a in db.Applications on i.ApplicationId equals a.Id
            join c in db.Candidates on a.CandidateId equals c.Id
            where p.InterviewerId == me && c.Id == candidateId && c.ResumeFileId == fileId
                  && i.Status != InterviewStatus.Cancelled
                  && (i.EndsAt >= since || p.PendingFeedbackEndsAt != null)
            select p).AnyAsync(ct);
    }
}

// What the signed-in person may do with one posting (from PostingAccess.CapabilitiesAsync).
public sealed record PostingCapabilities(Guid PostingId, string Title, PostingStatus Status, bool IsAdmin, bool IsHiringManager, bool IsRecruiter)
{
    public bool CanSee => IsAdmin || IsHiringManager || IsRecruiter;
    public bool CanEdit => CanSee;
    public bool CanSeeCandidates => CanSee;
    public bool CanSeePrivateNotes => IsAdmin || IsHiringManager;
    public bool CanDecide => IsAdmin || IsHiringManager;
    public bool CanSchedule => IsAdmin || IsRecruiter;

    // The hiring manager owns the rubric: recruiters on the team read it.
    public bool CanEditRubric => IsAdmin || IsHiringManager;

    // Recruiters run the process, so they tailor the plan alongside the hiring manager.
    public bool CanEditPlan => CanSee;
}

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

    // On the hiring team, but also on a live panel for this application without having submitted: sees the process
    // (interviews, schedule, pipeline) but no colleague's scorecard, score or verdict until they submit.
    HiringTeamLocked,
}
