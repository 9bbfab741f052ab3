using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

public static class EditStage
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Command>
    {
        public Guid PostingId { get; init; }
        public Guid StageId { get; init; }
    }

    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Unit>, IStageForm
    {
        public Guid PostingId { get; init; }
        public Guid StageId { get; init; }
        public uint Version { get; init; }
        public string Name { get; init; } = "";
        public StageKind Kind { get; init; }
        public int DurationMinutes { get; init; }
        public List<Guid> FocusCompetencyIds { get; init; } = [];
        public List<Guid> QuestionIds { get; init; } = [];
        public List<Guid> InterviewerIds { get; init; } = [];

        // Display only: the page header.
        public string PostingTitle { get; init; } = "";

        Guid? IStageForm.StageId => StageId;
    }

    public sealed class QueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var access = await PostingAccess.RequireCapabilitiesAsync(db, user, query.PostingId, ct);
            if (!access.CanEditPlan) throw new ForbiddenAccessException();
            var command = await db.InterviewStages.AsNoTracking().Where(s => s.Id == query.StageId && s.PostingId == query.PostingId)
                .Select(s => new Command
                {
                    PostingId = s.PostingId,
                    StageId = s.Id,
                    Version = s.Version,
                    Name = s.Name,
                    Kind = s.Kind,
                    DurationMinutes = s.DurationMinutes,
                    FocusCompetencyIds = s.Focus.Select(f => f.CompetencyId).ToList(),
                    QuestionIds = s.Questions.OrderBy(q => q.Order).Select(q => q.QuestionId).ToList(),
                    InterviewerIds = s.DefaultInterviewers.Select(i => i.UserId).ToList(),
                })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Stage");
            return command with { PostingTitle = access.Title };
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, ICurrentUser user) => Include(new StageFormValidator(db, user));
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var access = await PostingAccess.RequireCapabilitiesAsync(db, user, command.PostingId, ct);
            if (!access.CanEditPlan) throw new ForbiddenAccessException();
            var stage = await db.InterviewStages.Include(s => s.Focus).Include(s => s.Questions).Include(s => s.DefaultInterviewers)
                .AsSplitQuery()
                .SingleOrDefaultAsync(s => s.Id == command.StageId && s.PostingId == command.PostingId, ct)
                ?? throw new NotFoundException("Stage");
            if (stage.Version != command.Version)
                throw new ConcurrencyConflictException(
                    "Someone else changed this stage while you were editing it. The form now shows their version; make your change again if it still applies.");
            stage.Name = command.Name.Trim();
            stage.Kind = command.Kind;
            stage.DurationMinutes = command.DurationMinutes;
            stage.SetFocus(command.FocusCompetencyIds);
            stage.SetQuestions(command.QuestionIds);
            stage.SetDefaultInterviewers(command.InterviewerIds);
            Concurrency.Expect(db, stage, command.Version, clock);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
