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

public static class ScheduleInterview
{
    // The form starts at the application's current stage, with that stage's duration and default interviewers.
    [Authorize(Roles = Roles.Recruiter)]
    public sealed record Query : IQuery<Command>
    {
        public Guid ApplicationId { get; init; }
    }

    [Authorize(Roles = Roles.Recruiter)]
    public sealed record Command : ICommand<Result>
    {
        public Guid ApplicationId { get; init; }
        public Guid StageId { get; init; }
        public List<Guid> InterviewerIds { get; init; } = [];

        // Wall-clock time in the scheduler's own time zone (their profile setting); stored in UTC.
        public DateTime? StartsAtLocal { get; init; }
        public int DurationMinutes { get; init; }
        public string? LocationOrLink { get; init; }

        // Set once the scheduler has seen the warnings and goes ahead anyway.
        public bool ScheduleAnyway { get; init; }
    }

    // Either the new interview, or the warnings to confirm first (nothing saved).
    public sealed record Result(Guid? InterviewId, IReadOnlyList<string> Warnings);

    public sealed class QueryHandler(ISender sender) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var options = await sender.Send(new GetSchedulingOptions.Query { ApplicationId = query.ApplicationId }, ct);
            var stage = options.Stages.Single(s => s.Id == options.CurrentStageId);
            return new Command
            {
                ApplicationId = query.ApplicationId,
                StageId = stage.Id,
                DurationMinutes = stage.DurationMinutes,
                InterviewerIds = stage.DefaultInterviewerIds.Where(id => options.Interviewers.Any(i => i.Id == id)).ToList(),
            };
        }
    }

    // Stage and interviewer rules describe the posting: only its recruiters (and admins) get that far (ADR-0009).
    public sealed class Authorizer(AppDbContext db, ICurrentUser user) : IResourceAuthorizer<Command>
    {
        public async ValueTask AuthorizeAsync(Command command, CancellationToken ct) =>
            await PostingAccess.EnsureCanScheduleApplicationAsync(db, user, command.ApplicationId, ct);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, ICurrentUser user, TimeProvider clock)
        {
            RuleFor(c => c.StageId).NotEmpty().WithMessage("Choose the stage.")
                .MustAsync(async (c, stageId, ct) => await (
                    from s in db.InterviewStages where s.Id == stageId
                    join a in db.Applications on s.PostingId equals a.PostingId where a.Id == c.ApplicationId select s.Id).AnyAsync(ct))
                .WithMessage("That stage is not part of this posting's plan.");
            RuleFor(c => c.InterviewerIds).NotEmpty().WithMessage("Choose at least one interviewer.")
                .Must(ids => ids.Count <= 8).WithMessage("A panel has at most 8 interviewers.")
                .MustAsync((c, ids, ct) => InterviewerRules.AllEligibleAsync(db, c.ApplicationId, ids, ct))
                .WithMessage("Interviewers must be on the posting's team or a stage's default interviewers, with an active account.");
            RuleFor(c => c.StartsAtLocal).NotNull().WithMessage("Enter the date and time.")
                .MustAsync((start, ct) => InterviewerRules.IsFutureAsync(db, user, clock, start!.Value, ct))
                .When(c => c.StartsAtLocal is not null)
                .WithMessage("Pick a time in the future, within two years (in your own time zone), and one that exists there.");
            RuleFor(c => c.DurationMinutes).InclusiveBetween(15, 480).WithMessage("An interview lasts between 15 minutes and 8 hours.");
            RuleFor(c => c.LocationOrLink).MaximumLength(500);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock, ICalendarInvitations calendar, IAppUrls urls)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == command.ApplicationId, ct)
                ?? throw new NotFoundException("Application");
            if (!await db.CanScheduleAsync(user, application.PostingId, ct)) throw new NotFoundException("Application");
            var me = user.RequireId();
            var myZone = await db.Users.Where(u => u.Id == me).Select(u => u.TimeZoneId).SingleAsync(ct);
            if (!SchedulingChecks.TryToUtc(command.StartsAtLocal!.Value, myZone, out var startsAt))
                throw new ValidationException(nameof(Command.StartsAtLocal), "That time does not exist in your time zone (the clocks change then).");
            var endsAt = startsAt.AddMinutes(command.DurationMinutes);
            var candidate = await db.Candidates.AsNoTracking().Where(c => c.Id == application.CandidateId)
                .Select(c => new { c.Id, c.TimeZoneId }).SingleAsync(ct);

            // State rules first, so a refused change never asks the scheduler to confirm warnings.
            var interview = Interview.Schedule(application, command.StageId, startsAt, command.DurationMinutes,
                string.IsNullOrWhiteSpace(command.LocationOrLink) ? null : command.LocationOrLink.Trim(), command.InterviewerIds);
            var warnings = await SchedulingChecks.WarningsAsync(db, command.InterviewerIds, startsAt, endsAt, null, candidate.TimeZoneId, ct);
            if (warnings.Count > 0 && !command.ScheduleAnyway) return new Result(null, warnings);

            db.Interviews.Add(interview);
            var now = clock.GetUtcNow();
            var stageName = await db.InterviewStages.Where(s => s.Id == command.StageId).Select(s => s.Name).SingleAsync(ct);
            db.OutboxEmails.AddRange(await InterviewEmails.BuildAsync(db, calendar, urls, interview, InterviewChange.Scheduled, me, now, ct));
            db.ActivityEvents.Add(InterviewEmails.Activity(interview, candidate.Id, me, InterviewChange.Scheduled, stageName, now));
            await db.SaveChangesAsync(ct);
            return new Result(interview.Id, warnings);
        }
    }
}

internal static class InterviewerRules
{
    public static async Task<bool> AllEligibleAsync(AppDbContext db, Guid applicationId, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return true;
        var postingId = await db.Applications.Where(a => a.Id == applicationId).Select(a => (Guid?)a.PostingId).SingleOrDefaultAsync(ct);
        if (postingId is null) return false;
        var distinct = ids.Distinct().ToList();
        var team = PostingAccess.TeamOf(db, postingId.Value);
        var eligible = await db.Users.Where(u => distinct.Contains(u.Id) && u.IsActive
                && (team.Any(m => m.UserId == u.Id)
                    || db.InterviewStages.Any(s => s.PostingId == postingId && s.DefaultInterviewers.Any(d => d.UserId == u.Id))))
            .CountAsync(ct);
        return eligible == distinct.Count;
    }

    public const int MaxYearsAhead = 2;

    public static async Task<bool> IsFutureAsync(AppDbContext db, ICurrentUser user, TimeProvider clock, DateTime local, CancellationToken ct)
    {
        var me = user.Id;
        var zone = await db.Users.Where(u => u.Id == me).Select(u => u.TimeZoneId).SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        // A time that does not exist in the zone is refused by the handler with its own message.
        return !SchedulingChecks.TryToUtc(local, zone, out var utc) || (utc > now && utc < now.AddYears(MaxYearsAhead));
    }
}
