using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Interviews.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews;

public static class CancelInterview
{
    [Authorize(Roles = Roles.Recruiter)]
    public sealed record Command : ICommand<Guid>
    {
        public Guid InterviewId { get; init; }
        public string? Reason { get; init; }
    }

    public sealed class Authorizer(AppDbContext db, ICurrentUser user) : IResourceAuthorizer<Command>
    {
        public async ValueTask AuthorizeAsync(Command command, CancellationToken ct) =>
            await PostingAccess.EnsureCanScheduleInterviewAsync(db, user, command.InterviewId, ct);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).MaximumLength(500);
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock, ICalendarInvitations calendar, IAppUrls urls)
        : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var interview = await db.Interviews.Include(i => i.Participants).SingleOrDefaultAsync(i => i.Id == command.InterviewId, ct)
                ?? throw new NotFoundException("Interview");
            var application = await db.Applications.AsNoTracking().Where(a => a.Id == interview.ApplicationId)
                .Select(a => new { a.PostingId, a.CandidateId }).SingleAsync(ct);
            if (!await db.CanScheduleAsync(user, application.PostingId, ct)) throw new NotFoundException("Interview");
            var me = user.RequireId();
            var now = clock.GetUtcNow();
            interview.Cancel(command.Reason, now);
            var stageName = await db.InterviewStages.Where(s => s.Id == interview.StageId).Select(s => s.Name).SingleAsync(ct);
            db.OutboxEmails.AddRange(await InterviewEmails.BuildAsync(db, calendar, urls, interview, InterviewChange.Cancelled, me, now, ct));
            db.ActivityEvents.Add(InterviewEmails.Activity(interview, application.CandidateId, me, InterviewChange.Cancelled, stageName, now));
            await db.SaveChangesAsync(ct);
            return interview.ApplicationId;
        }
    }
}
