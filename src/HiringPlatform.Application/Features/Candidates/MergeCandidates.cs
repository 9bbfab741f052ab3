using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Scoring;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// Merges two profiles of the same person. Nothing is lost: every application, note, file, email and timeline
// event of the duplicate moves to the survivor. Where both applied to the same posting, one application stays
// (JobApplication.ChooseKept: a hire, else an active one over a closed one, else the later stage) and the other's
// timeline, interviews, scorecards, decisions, offers, notes and new answers move onto it; what cannot move (its
// dates, source, outcome, differing answers and cover note) is kept in a note on it before it is deleted (ADR-0023).
// The duplicate row stays, marked as merged, so old links lead to the survivor.
// The audit interceptor records the changed entities; bulk re-pointing of timeline rows is logged on the timeline.
public static class MergeCandidates
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Model>
    {
        public Guid CandidateId { get; init; }
        public Guid OtherId { get; init; }

        // Which of the two profiles stays (its contact details win; the other's fill the gaps).
        public Guid SurvivorId { get; init; }
    }

    public sealed record Model(Guid SurvivorId, int ApplicationsMoved, int ApplicationsCombined);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.OtherId).NotEqual(c => c.CandidateId).WithMessage("Choose two different candidates.");
            RuleFor(c => c.SurvivorId).Must((c, id) => id == c.CandidateId || id == c.OtherId)
                .WithMessage("Choose which profile to keep.");
        }
    }

    // "2 applications moved, 1 combined with one to the same posting", or "nothing to move" when neither had any.
    public static string Describe(int moved, int combined)
    {
        static string Applications(int n) => n == 1 ? "1 application" : $"{n} applications";
        if (moved == 0 && combined == 0) return "no applications to move";
        var parts = new List<string>();
        if (moved > 0) parts.Add($"{Applications(moved)} moved");
        if (combined > 0) parts.Add($"{Applications(combined)} combined with one to the same posting");
        return string.Join(", ", parts);
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Model>
    {
        public async ValueTask<Model> Handle(Command command, CancellationToken ct)
        {
            var duplicateId = command.SurvivorId == command.CandidateId ? command.OtherId : command.CandidateId;
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, command.SurvivorId, ct);
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, duplicateId, ct);
            var pair = await db.Candidates.Where(c => (c.Id == command.SurvivorId || c.Id == duplicateId) && c.ErasedAt == null && c.MergedIntoId == null)
                .ToListAsync(ct);
            var survivor = pair.SingleOrDefault(c => c.Id == command.SurvivorId) ?? throw new NotFoundException("Candidate");
            var duplicate = pair.SingleOrDefault(c => c.Id == duplicateId) ?? throw new NotFoundException("Candidate");
            var now = clock.GetUtcNow();

            var applications = await db.Applications.Include(a => a.Answers)
                .Where(a => a.CandidateId == survivor.Id || a.CandidateId == duplicate.Id).ToListAsync(ct);
            var stageIds = applications.Select(a => a.StageId).Distinct().ToList();
            var stages = await db.InterviewStages.Where(s => stageIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => new { s.Order, s.Name }, ct);
            var moved = 0;
            var combined = 0;
            foreach (var theirs in applications.Where(a => a.CandidateId == duplicate.Id).ToList())
            {
                var ours = applications.SingleOrDefault(a => a.CandidateId == survivor.Id && a.PostingId == theirs.PostingId);
                if (ours is null)
                {
                    theirs.ReassignCandidate(survivor.Id);
                    moved++;
                    continue;
                }
                var (keep, drop) = JobApplication.ChooseKept(ours, theirs, id => stages.TryGetValue(id, out var s) ? s.Order : 0);
                await MoveHistoryAsync(drop.Id, keep.Id, ct);
                // Raises ApplicationCombined: the Decisions area rescores the kept application from both sides'
                // scorecards, and if it is closed, what came with the other (interviews ahead, open offers) is called off.
                var differing = keep.Combine(drop, now);
                // The other application's own record (when and how they applied, how it ended, its cover note and
                // differing answers) cannot sit on the kept one: it is written into a note on it, so nothing is lost.
                var posting = await db.JobPostings.Where(p => p.Id == keep.PostingId).Select(p => p.Title).SingleAsync(ct);
                var competency = drop.RejectionCompetencyId is { } competencyId
                    ? await db.Competencies.Where(c => c.Id == competencyId).Select(c => c.Name).SingleOrDefaultAsync(ct) : null;
                foreach (var body in CombinedNote(drop, keep, stages.TryGetValue(drop.StageId, out var stage) ? stage.Name : "", posting, competency, differing))
                    db.CandidateNotes.Add(new CandidateNote(survivor.Id, keep.Id, user.RequireId(), body));
                keep.ReassignCandidate(survivor.Id);
                db.Applications.Remove(drop);
                combined++;
            }

            // Everything else the duplicate owns follows it to the survivor.
            await db.ActivityEvents.Where(e => e.CandidateId == duplicate.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.CandidateId, survivor.Id), ct);
            await db.CandidateNotes.Where(n => n.CandidateId == duplicate.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.CandidateId, survivor.Id), ct);
            await db.Files.Where(f => f.CandidateId == duplicate.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.CandidateId, survivor.Id), ct);

            var pairs = await db.PossibleDuplicates
                .Where(d => d.ResolvedAt == null && (d.CandidateId == duplicate.Id || d.OtherCandidateId == duplicate.Id)).ToListAsync(ct);
            foreach (var p in pairs) p.ResolvedAt = now;

            survivor.AbsorbDetailsOf(duplicate);
            var duplicateName = duplicate.FullName;
            var duplicateEmail = duplicate.Email;
            duplicate.MarkMergedInto(survivor.Id);
            db.ActivityEvents.Add(new ActivityEvent(survivor.Id, null, now, user.Id, ActivityKind.Merged,
                $"Merged with the duplicate profile {duplicateName} ({duplicateEmail}): {Describe(moved, combined)}"
                + (combined > 0 ? "; what could not be combined is kept in a note on the application" : "")));
            // Saved first (same transaction), so the detector sees the duplicate as merged and does not flag the pair again.
            await db.SaveChangesAsync(ct);
            // Emails to the duplicate's address follow too — after that save, so those its domain events just queued
            // (an interview called off on a closed kept application) do as well: the merged-away row gives its address
            // up, and erasure finds emails by candidate or by the survivor's address.
            await db.OutboxEmails.Where(e => e.CandidateId == duplicate.Id || (e.CandidateId == null && e.To == duplicateEmail))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.CandidateId, survivor.Id), ct);
            survivor.ConfirmEmailAfterMerge(duplicateEmail);
            await Duplicates.DetectAsync(db, survivor, now, ct);
            await db.SaveChangesAsync(ct);
            return new Model(survivor.Id, moved, combined);
        }

        private async Task MoveHistoryAsync(Guid from, Guid to, CancellationToken ct)
        {
            await db.ActivityEvents.Where(e => e.ApplicationId == from).ExecuteUpdateAsync(s => s.SetProperty(e => e.ApplicationId, to), ct);
            await db.Interviews.Where(i => i.ApplicationId == from).ExecuteUpdateAsync(s => s.SetProperty(i => i.ApplicationId, to), ct);
            await db.Scorecards.Where(x => x.ApplicationId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.ApplicationId, to), ct);
            await db.Decisions.Where(d => d.ApplicationId == from).ExecuteUpdateAsync(s => s.SetProperty(d => d.ApplicationId, to), ct);
            await db.Offers.Where(o => o.ApplicationId == from).ExecuteUpdateAsync(s => s.SetProperty(o => o.ApplicationId, to), ct);
            await db.CandidateNotes.Where(n => n.ApplicationId == from).ExecuteUpdateAsync(s => s.SetProperty(n => n.ApplicationId, to), ct);
        }
    }

    // A note holds at most this much (the column and the note forms); a longer record is split over several notes.
    public const int MaxNoteLength = 8000;

    // The combined-away application as a note on the kept one: when and how they applied, where it got to and how it
    // ended, and what it said that the kept one says differently. Split at section boundaries to fit a note; each
    // section fits (a question holds 500 characters, an answer 2,000, a cover note 4,000, a rejection note 2,000).
    public static IReadOnlyList<string> CombinedNote(JobApplication other, JobApplication kept, string stageName, string postingTitle,
        string? rejectionCompetency, IReadOnlyList<ScreeningAnswer> differingAnswers)
    {
        static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var status = other.Status switch
        {
            ApplicationStatus.Active => $"active in {stageName}",
            _ => $"{other.Status.ToString().ToLowerInvariant()} in {stageName}{(other.ClosedAt is { } closed ? $" on {Day(closed)}" : "")}",
        };
        var sections = new List<string>
        {
            $"Combined into this application when the duplicate profiles were merged: the other application to {postingTitle}, " +
            $"applied {Day(other.AppliedAt)} ({Pipeline.SourceText(other.Source)}{(other.SourceDetail is null ? "" : ": " + other.SourceDetail)}), " +
            $"{status}. Its timeline, interviews, scorecards, decisions, offers and notes are on this application now.",
        };
        if (other.RejectionReason is { } reason)
            sections.Add(Rejection.Summary(reason, rejectionCompetency, postingTitle) + (other.RejectionNote is null ? "" : $"\nRejection note: {other.RejectionNote}"));
        if (other.ConsentedAt is { } consented)
            sections.Add($"Consented on {Day(consented)} to keeping their data" + (other.ConsentRetentionMonths is { } months ? $" for {months} months." : "."));
        if (other.CoverNote is { } cover && cover != kept.CoverNote) sections.Add($"Its cover note:\n{cover}");
        if (differingAnswers.Count > 0)
        {
            sections.Add("Its screening answers that differ from this application's:");
            sections.AddRange(differingAnswers.Select(a => $"- {a.QuestionText}\n  {a.Answer}"));
        }
        var notes = new List<string>();
        var current = "";
        foreach (var section in sections)
        {
            if (current.Length == 0) current = section;
            else if (current.Length + 2 + section.Length <= MaxNoteLength) current += "\n\n" + section;
            else
            {
                notes.Add(current);
                current = "(continued)\n\n" + section;
            }
        }
        notes.Add(current);
        return notes;
    }
}
