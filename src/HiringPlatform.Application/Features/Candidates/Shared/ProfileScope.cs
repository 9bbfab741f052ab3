using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates.Shared;

// What of a candidate's record one viewer may see, shared by the profile and the export so the two never differ
// (ADR-0011). Admins see everything. A recruiter or hiring manager sees the candidate-level facts (contact details,
// résumé and files, tags, candidate-level timeline entries) and, per application, only those on postings whose
// hiring team they are on; the others are reduced to "also in process for another role".
// Notes: one linked to an application follows that application's posting; a candidate-level note is seen by its
// author and by the teams of postings the candidate had applied to when it was written.
public sealed class ProfileScope
{
    private ProfileScope(Guid[]? postingIds, Guid userId)
    {
        PostingIds = postingIds;
        UserId = userId;
    }

    // Null: no restriction (admin).
    public Guid[]? PostingIds { get; }
    public Guid UserId { get; }
    public bool IsFull => PostingIds is null;

    public static async Task<ProfileScope> ForAsync(AppDbContext db, ICurrentUser user, CancellationToken ct) =>
        new(await PostingAccess.VisiblePostingIdsAsync(db, user, ct), user.RequireId());

    public bool Sees(Guid postingId) => PostingIds is null || PostingIds.Contains(postingId);

    public IQueryable<JobApplication> Applications(AppDbContext db, Guid candidateId)
    {
        var applications = db.Applications.Where(a => a.CandidateId == candidateId);
        if (PostingIds is not { } ids) return applications;
        return applications.Where(a => ids.Contains(a.PostingId));
    }

    public IQueryable<CandidateNote> Notes(AppDbContext db, Guid candidateId)
    {
        var notes = db.CandidateNotes.Where(n => n.CandidateId == candidateId);
        if (PostingIds is not { } ids) return notes;
        var me = UserId;
        return notes.Where(n => n.AuthorId == me
            || (n.ApplicationId != null && db.Applications.Any(a => a.Id == n.ApplicationId && ids.Contains(a.PostingId)))
            || (n.ApplicationId == null && db.Applications.Any(a => a.CandidateId == candidateId && ids.Contains(a.PostingId) && a.AppliedAt <= n.CreatedAt)));
    }

    // Entries about one application follow its posting; entries about the person (added, résumé uploaded, merged,
    // exported, erased) are seen by everyone who may open the profile.
    public IQueryable<ActivityEvent> Events(AppDbContext db, Guid candidateId)
    {
        var events = db.ActivityEvents.Where(e => e.CandidateId == candidateId);
        if (PostingIds is not { } ids) return events;
        return events.Where(e => e.ApplicationId == null || db.Applications.Any(a => a.Id == e.ApplicationId && ids.Contains(a.PostingId)));
    }

    // Whether the candidate is in process for a role this viewer does not see (shown as one line, no details).
    public Task<bool> InProcessElsewhereAsync(AppDbContext db, Guid candidateId, CancellationToken ct)
    {
        if (PostingIds is not { } ids) return Task.FromResult(false);
        return db.Applications.AnyAsync(a => a.CandidateId == candidateId && a.Status == ApplicationStatus.Active && !ids.Contains(a.PostingId), ct);
    }
}
