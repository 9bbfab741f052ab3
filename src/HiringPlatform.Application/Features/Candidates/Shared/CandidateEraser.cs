using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates.Shared;

// GDPR erasure, set-based so a batch of a hundred costs a handful of statements. Personal data is deleted or
// replaced wherever it is held: the profile and the profiles merged into it, applications (screening answers, cover note, rejection note, source
// detail), notes, résumé files and their bytes and extracted text, emails in the outbox, timeline summaries, and
// what interviewers wrote about them (evidence, private notes, amendment details, decision rationales, offer notes).
// What stays is anonymous: the rows themselves with ids, stages, statuses, dates, rejection reasons and ratings,
// so funnel and calibration counts are unchanged. Audit entries name fields, never values, so they need nothing.
// The audit interceptor records the erasure itself (the candidate row's changed fields, under this command's name).
public static class CandidateEraser
{
    public const string ErasedText = "(erased)";

    public static async Task<int> EraseAsync(AppDbContext db, IFileStorage storage, IReadOnlyCollection<Guid> candidateIds, Guid? actorId,
        DateTimeOffset now, CancellationToken ct)
    {
        // Profiles merged into these (and into those, for a chain of merges) are the same person: erased with them.
        var requested = candidateIds.ToHashSet();
        var all = requested.ToList();
        for (var frontier = all; frontier.Count > 0;)
        {
            var current = frontier;
            frontier = await db.Candidates.Where(c => c.MergedIntoId != null && current.Contains(c.MergedIntoId.Value) && !all.Contains(c.Id))
                .Select(c => c.Id).ToListAsync(ct);
            all.AddRange(frontier);
        }
        var candidates = await db.Candidates.Where(c => all.Contains(c.Id) && c.ErasedAt == null).ToListAsync(ct);
        if (candidates.Count == 0) return 0;
        var ids = candidates.Select(c => c.Id).ToList();
        // Emails are found by candidate and by address (one queued before the profile existed, or about a merged one).
        var addresses = candidates.Select(c => c.Email).Where(e => !e.EndsWith("@invalid", StringComparison.Ordinal)).ToList();

        var applications = await db.Applications.Include(a => a.Answers).Where(a => ids.Contains(a.CandidateId)).ToListAsync(ct);
        foreach (var application in applications)
        {
            // An erased person is no longer in anyone's pipeline.
            if (application.IsActive) application.Withdraw(now, WithdrawnBy.Erasure);
            application.EraseAnswers();
        }
        var applicationIds = applications.Select(a => a.Id).ToList();

        var files = await db.Files.Where(f => ids.Contains(f.CandidateId)).ToListAsync(ct);
        foreach (var file in files) await storage.DeleteAsync(file.StorageKey, ct);
        db.Files.RemoveRange(files);

        foreach (var email in await db.OutboxEmails.Where(e => (e.CandidateId != null && ids.Contains(e.CandidateId.Value)) || addresses.Contains(e.To)).ToListAsync(ct))
            email.Erase();

        await db.CandidateNotes.Where(n => ids.Contains(n.CandidateId)).ExecuteDeleteAsync(ct);
        await db.PossibleDuplicates.Where(d => ids.Contains(d.CandidateId) || ids.Contains(d.OtherCandidateId)).ExecuteDeleteAsync(ct);
        await db.ActivityEvents.Where(e => ids.Contains(e.CandidateId)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, ErasedText), ct);

        // What was written about them during interviews and decisions.
        await db.ScorecardRatings.Where(r => db.Scorecards.Any(s => s.Id == r.ScorecardId && applicationIds.Contains(s.ApplicationId)))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Evidence, (string?)null), ct);
        await db.Scorecards.Where(s => applicationIds.Contains(s.ApplicationId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PrivateNote, (string?)null), ct);
        await db.Set<Domain.Interviews.ScorecardAmendment>()
            .Where(a => db.Scorecards.Any(s => s.Id == a.ScorecardId && applicationIds.Contains(s.ApplicationId)))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, ErasedText).SetProperty(a => a.Reason, ErasedText), ct);
        // Free text on interviews can name or reach them (a cancellation reason, a call-in number); a still
        // scheduled interview stays on the calendar as a slot, but holds nothing about them.
        await db.Interviews.Where(i => applicationIds.Contains(i.ApplicationId))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LocationOrLink, (string?)null).SetProperty(i => i.CancellationReason, (string?)null), ct);
        await db.Decisions.Where(d => applicationIds.Contains(d.ApplicationId)).ExecuteUpdateAsync(s => s.SetProperty(d => d.Rationale, ErasedText), ct);
        await db.Offers.Where(o => applicationIds.Contains(o.ApplicationId)).ExecuteUpdateAsync(s => s.SetProperty(o => o.Notes, (string?)null), ct);

        foreach (var candidate in candidates)
        {
            candidate.Erase(now);
            // Kept only as a fact (no personal data): the timeline says when and by whom.
            if (candidate.MergedIntoId is null)
                db.ActivityEvents.Add(new ActivityEvent(candidate.Id, null, now, actorId, ActivityKind.Erased, "Personal data erased"));
        }
        // Counts people, not the merged-away profiles that went with them.
        return candidates.Count(c => c.MergedIntoId is null || !ids.Contains(c.MergedIntoId.Value));
    }
}
