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
// event of the duplicate moves to the survivor. Where both applied to the same posting, the further-advanced
// application stays and the other's timeline, interviews, scorecards, decisions and offers move onto it before it
// is deleted. The duplicate row stays, marked as merged, so old links lead to the survivor.
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

            var applications = await db.Applications.Where(a => a.CandidateId == survivor.Id || a.CandidateId == duplicate.Id).ToListAsync(ct);
            var stageIds = applications.Select(a => a.StageId).Distinct().ToList();
            var stageOrder = await db.InterviewStages.Where(s => stageIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Order, ct);
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
                var (keep, drop) = Progress(theirs, stageOrder).CompareTo(Progress(ours, stageOrder)) > 0 ? (theirs, ours) : (ours, theirs);
                await MoveHistoryAsync(drop.Id, keep.Id, ct);
                // Both sides' scorecards are the kept application's now: its score is recomputed from all of them.
                keep.WeightedScore = (await ApplicationScoring.CurrentAsync(db, keep.Id, keep.PostingId, ct)).WeightedScore;
                keep.CoverNote ??= drop.CoverNote;
                keep.ReassignCandidate(survivor.Id);
                db.Applications.Remove(drop);
                combined++;
            }

            // Everything else the duplicate owns follows it to the survivor.
            await db.ActivityEvents.Where(e => e.CandidateId == duplicate.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.CandidateId, survivor.Id), ct);
            await db.CandidateNotes.Where(n => n.CandidateId == duplicate.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.CandidateId, survivor.Id), ct);
            await db.Files.Where(f => f.CandidateId == duplicate.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.CandidateId, survivor.Id), ct);
            // Emails to the duplicate's address follow too: the merged-away row gives its address up, and erasure
            // finds emails by candidate or by the survivor's address.
            var duplicateAddress = duplicate.Email;
            await db.OutboxEmails.Where(e => e.CandidateId == duplicate.Id || (e.CandidateId == null && e.To == duplicateAddress))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.CandidateId, survivor.Id), ct);

            var pairs = await db.PossibleDuplicates
                .Where(d => d.ResolvedAt == null && (d.CandidateId == duplicate.Id || d.OtherCandidateId == duplicate.Id)).ToListAsync(ct);
            foreach (var p in pairs) p.ResolvedAt = now;

            survivor.AbsorbDetailsOf(duplicate);
            var duplicateName = duplicate.FullName;
            var duplicateEmail = duplicate.Email;
            duplicate.MarkMergedInto(survivor.Id);
            db.ActivityEvents.Add(new ActivityEvent(survivor.Id, null, now, user.Id, ActivityKind.Merged,
                $"Merged with the duplicate profile {duplicateName} ({duplicateEmail}): {Describe(moved, combined)}"));
            // Saved first (same transaction), so the detector sees the duplicate as merged and does not flag the pair again.
            await db.SaveChangesAsync(ct);
            survivor.ConfirmEmailAfterMerge(duplicateEmail);
            await Duplicates.DetectAsync(db, survivor, now, ct);
            await db.SaveChangesAsync(ct);
            return new Model(survivor.Id, moved, combined);
        }

        // Hired beats everything; then the later stage; then still active over closed; then the earlier application.
        private static (int, int, int, long) Progress(JobApplication a, IReadOnlyDictionary<Guid, int> stageOrder) =>
            (a.Status == ApplicationStatus.Hired ? 1 : 0, stageOrder.GetValueOrDefault(a.StageId), a.IsActive ? 1 : 0, -a.AppliedAt.UtcTicks);

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
}
