using HiringPlatform.Application.Common.Events;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Features.Interviews.Shared;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews;

// A closed application (rejected, withdrawn — by the team or by the candidate's link — or hired) has no interviews
// ahead of it: each one that has not started is cancelled, and the panel and the candidate are told, with a calendar
// update, exactly as when a recruiter cancels one. Interviews under way or over stay as they are (ADR-0022).
// A merge that combines a duplicate's application into a closed one (a hire, or two closed applications) brings the
// other's interviews along: those ahead are cancelled the same way (ADR-0023).
public sealed class CancelInterviewsOfClosedApplication(AppDbContext db, ICurrentUser user, ICalendarInvitations calendar, IAppUrls urls)
    : IDomainEventHandler<ApplicationClosed>, IDomainEventHandler<ApplicationCombined>
{
    public async Task HandleAsync(ApplicationClosed closed, CancellationToken ct)
    {
        // An erased person's interviews stay on the calendar as empty slots (CandidateEraser); nobody is emailed about them.
        if (closed is ApplicationWithdrawn { By: WithdrawnBy.Erasure }) return;
        var reason = closed switch
        {
            ApplicationRejected => "The candidate's application was rejected.",
            ApplicationWithdrawn => "The candidate withdrew their application.",
            _ => "The candidate was hired.",
        };
        await CancelUpcomingAsync(closed.Application, reason, closed.At, ct);
    }

    public async Task HandleAsync(ApplicationCombined combined, CancellationToken ct)
    {
        var application = combined.Application;
        if (application.IsActive) return;
        await CancelUpcomingAsync(application, application.Status == ApplicationStatus.Hired
            ? "The candidate was hired." : $"The candidate's application was {application.Status.ToString().ToLowerInvariant()}.", combined.At, ct);
    }

    private async Task CancelUpcomingAsync(JobApplication application, string reason, DateTimeOffset at, CancellationToken ct)
    {
        var upcoming = await db.Interviews.Include(i => i.Participants)
            .Where(i => i.ApplicationId == application.Id && i.Status == InterviewStatus.Scheduled && i.StartsAt > at)
            .ToListAsync(ct);
        foreach (var interview in upcoming)
        {
            interview.Cancel(reason, at);
            var stageName = (await db.InterviewStages.FindAsync([interview.StageId], ct))?.Name ?? "";
            db.OutboxEmails.AddRange(await InterviewEmails.BuildAsync(db, calendar, urls, interview, InterviewChange.Cancelled, user.Id, at, ct));
            db.ActivityEvents.Add(InterviewEmails.Activity(interview, application.CandidateId, user.Id, InterviewChange.Cancelled, stageName, at));
        }
    }
}
