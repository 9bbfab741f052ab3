using HiringPlatform.Application.Common.Events;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Features.Candidates.Shared;

namespace HiringPlatform.Application.Features.Candidates;

// The one place where a move or a close of an application reaches the candidate's record (retention) and the
// timeline, whichever use case (board, bulk action, debrief, offer response, careers link, seeding) caused it.
// Entities are found with FindAsync, which also sees ones added in this unit of work and not saved yet.
public sealed class ApplicationHistory(AppDbContext db, ICurrentUser user)
    : IDomainEventHandler<ApplicationMoved>, IDomainEventHandler<ApplicationClosed>
{
    public async Task HandleAsync(ApplicationMoved moved, CancellationToken ct)
    {
        var application = moved.Application;
        var from = await db.InterviewStages.FindAsync([moved.FromStageId], ct);
        var to = await db.InterviewStages.FindAsync([moved.ToStageId], ct);
        var title = await PostingTitleAsync(application.PostingId, ct);
        db.ActivityEvents.Add(new ActivityEvent(application.CandidateId, application.Id, moved.At, user.Id, ActivityKind.Moved,
            $"Moved from {from?.Name} to {to?.Name} · {title}"));
    }

    public async Task HandleAsync(ApplicationClosed closed, CancellationToken ct)
    {
        var application = closed.Application;
        // Erasure withdraws what is left and writes its own, anonymous, timeline entry (CandidateEraser).
        if (closed is ApplicationWithdrawn { By: WithdrawnBy.Erasure }) return;
        var candidate = await db.Candidates.FindAsync([application.CandidateId], ct)
            ?? throw new InvalidOperationException($"Candidate {application.CandidateId} of application {application.Id} not found.");
        candidate.RecordApplicationClosed(closed.At);
        var posting = await db.JobPostings.FindAsync([application.PostingId], ct);
        var title = posting?.Title ?? "";
        var competency = application.RejectionCompetencyId is { } id ? (await db.Competencies.FindAsync([id], ct))?.Name : null;
        (ActivityKind Kind, Guid? Actor, string Summary) entry = closed switch
        {
            ApplicationRejected => (ActivityKind.Rejected, user.Id, Rejection.Summary(application.RejectionReason!.Value, competency, title)),
            ApplicationWithdrawn { By: WithdrawnBy.Candidate } => (ActivityKind.Withdrawn, null,
                $"Withdrew their application for {title} through their status link"),
            ApplicationWithdrawn => (ActivityKind.Withdrawn, user.Id, $"Withdrew from {title} (recorded by the hiring team)"),
            _ => (ActivityKind.Hired, user.Id, posting?.Status == PostingStatus.Closed
                ? $"Hired — the posting is now filled ({posting.FilledCount} of {posting.Headcount})"
                : $"Hired ({posting?.FilledCount} of {posting?.Headcount} filled)"),
        };
        db.ActivityEvents.Add(new ActivityEvent(candidate.Id, application.Id, closed.At, entry.Actor, entry.Kind, entry.Summary));
    }

    private async Task<string> PostingTitleAsync(Guid postingId, CancellationToken ct) =>
        (await db.JobPostings.FindAsync([postingId], ct))?.Title ?? "";
}
