using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Interviews.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = HiringPlatform.Application.Common.Exceptions.ValidationException;

namespace HiringPlatform.Application.Features.Interviews;

public static class RescheduleInterview
{
    [Authorize(Roles = Roles.Recruiter)]
    public sealed record Query : IQuery<Command>
    {
        public Guid InterviewId { get; init; }
    }

    [Authorize(Roles = Roles.Recruiter)]
    public sealed record Command : ICommand<ScheduleInterview.Result>
    {
        public Guid InterviewId { get; init; }
        public DateTime? StartsAtLocal { get; init; }
        public int DurationMinutes { get; init; }
        public string? LocationOrLink { get; init; }
        public bool ScheduleAnyway { get; init; }
    }

    public sealed class Authorizer(AppDbContext db, ICurrentUser user) : IResourceAuthorizer<Command>
    {
        public async ValueTask AuthorizeAsync(Command command, CancellationToken ct) =>
            await PostingAccess.EnsureCanScheduleInterviewAsync(db, user, command.InterviewId, ct);
    }

    public sealed class QueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var interview = await (
                from i in db.Interviews.AsNoTracking()
                where i.Id == query.InterviewId
                join a in db.Applications on i.ApplicationId equals a.Id
                select new { i.Id, i.StartsAt, i.DurationMinutes, i.LocationOrLink, i.Status, a.PostingId }).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("Interview");
            if (!await db.CanScheduleAsync(user, interview.PostingId, ct)) throw new NotFoundException("Interview");
            var me = user.RequireId();
            var zone = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.TimeZoneId).SingleAsync(ct);
            return new Command
            {
                InterviewId = interview.Id,
                StartsAtLocal = SchedulingChecks.ToLocal(interview.StartsAt, zone),
                DurationMinutes = interview.DurationMinutes,
                LocationOrLink = interview.LocationOrLink,
            };
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, ICurrentUser user, TimeProvider clock)
        {
            RuleFor(c => c.StartsAtLocal).NotNull().WithMessage("Enter the date and time.")
                .MustAsync((start, ct) => InterviewerRules.IsFutureAsync(db, user, clock, start!.Value, ct))
                .When(c => c.StartsAtLocal is not null)
                .WithMessage("Pick a time in the future, within two years (in your own time zone), and one that exists there.");
            RuleFor(c => c.DurationMinutes).InclusiveBetween(15, 480).WithMessage("An interview lasts between 15 minutes and 8 hours.");
            RuleFor(c => c.LocationOrLink).MaximumLength(500);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock, ICalendarInvitations calendar, IAppUrls urls)
        : ICommandHandler<Command, ScheduleInterview.Result>
    {
        public async ValueTask<ScheduleInterview.Result> Handle(Command command, CancellationToken ct)
        {
            var interview = await db.Interviews.Include(i => i.Participants).SingleOrDefaultAsync(i => i.Id == command.InterviewId, ct)
                ?? throw new NotFoundException("Interview");
            var application = await db.Applications.AsNoTracking().Where(a => a.Id == interview.ApplicationId)
                .Select(a => new { a.PostingId, a.CandidateId }).SingleAsync(ct);
            if (!await db.CanScheduleAsync(user, application.PostingId, ct)) throw new NotFoundException("Interview");
            var me = user.RequireId();
            var myZone = await db.Users.Where(u => u.Id == me).Select(u => u.TimeZoneId).SingleAsync(ct);
            if (!SchedulingChecks.TryToUtc(command.StartsAtLocal!.Value, myZone, out var startsAt))
                throw new ValidationException(nameof(Command.StartsAtLocal), "That time does not exist in your time zone (the clocks change then).");
            var candidateZone = await db.Candidates.Where(c => c.Id == application.CandidateId).Select(c => c.TimeZoneId).SingleAsync(ct);

            // State rules first (nothing is saved when the scheduler still has warnings to confirm).
            var now = clock.GetUtcNow();
            interview.Reschedule(startsAt, command.DurationMinutes, now);
            var warnings = await SchedulingChecks.WarningsAsync(db, interview.Participants.Select(p => p.InterviewerId).ToList(),
                startsAt, interview.EndsAt, interview.Id, candidateZone, ct);
            if (warnings.Count > 0 && !command.ScheduleAnyway) return new ScheduleInterview.Result(null, warnings);

            interview.LocationOrLink = string.IsNullOrWhiteSpace(command.LocationOrLink) ? null : command.LocationOrLink.Trim();
            var stageName = await db.InterviewStages.Where(s => s.Id == interview.StageId).Select(s => s.Name).SingleAsync(ct);
            db.OutboxEmails.AddRange(await InterviewEmails.BuildAsync(db, calendar, urls, interview, InterviewChange.Rescheduled, me, now, ct));
            db.ActivityEvents.Add(InterviewEmails.Activity(interview, application.CandidateId, me, InterviewChange.Rescheduled, stageName, now));
            await db.SaveChangesAsync(ct);
            return new ScheduleInterview.Result(interview.Id, warnings);
        }
    }
}
