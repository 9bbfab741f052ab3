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

public static class AddStage
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Command>
    {
        public Guid PostingId { get; init; }
    }

    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Guid>, IStageForm
    {
        public Guid PostingId { get; init; }
        public string Name { get; init; } = "";
        public StageKind Kind { get; init; } = StageKind.Interview;
        public int DurationMinutes { get; init; } = 60;

        // Null: at the end. Guid.Empty: first.
        public Guid? AfterStageId { get; init; }
        public List<Guid> FocusCompetencyIds { get; init; } = [];
        public List<Guid> QuestionIds { get; init; } = [];
        public List<Guid> InterviewerIds { get; init; } = [];

        // Display only: the page header.
        public string PostingTitle { get; init; } = "";

        Guid? IStageForm.StageId => null;
    }

    public sealed class QueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var access = await PostingAccess.RequireCapabilitiesAsync(db, user, query.PostingId, ct);
            if (!access.CanEditPlan) throw new ForbiddenAccessException();
            // A new interview usually goes after the last scored stage, before the debrief and the offer.
            var lastScored = await db.InterviewStages.Where(s => s.PostingId == query.PostingId && (s.Kind == StageKind.Interview || s.Kind == StageKind.Screen))
                .OrderByDescending(s => s.Order).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            return new Command { PostingId = query.PostingId, AfterStageId = lastScored, PostingTitle = access.Title };
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, ICurrentUser user)
        {
            Include(new StageFormValidator(db, user));
            RuleFor(c => c.AfterStageId)
                .MustAsync((command, after, ct) => db.InterviewStages.AnyAsync(s => s.Id == after && s.PostingId == command.PostingId, ct))
                .When(c => c.AfterStageId is { } id && id != Guid.Empty)
                .WithMessage("Choose where the stage goes in the plan.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var access = await PostingAccess.RequireCapabilitiesAsync(db, user, command.PostingId, ct);
            if (!access.CanEditPlan) throw new ForbiddenAccessException();
            var stages = await db.InterviewStages.Where(s => s.PostingId == command.PostingId).ToListAsync(ct);
            var stage = new InterviewStage(command.PostingId, stages.Count, command.Name.Trim(), command.Kind, command.DurationMinutes);
            stage.SetFocus(command.FocusCompetencyIds);
            stage.SetQuestions(command.QuestionIds);
            stage.SetDefaultInterviewers(command.InterviewerIds);
            InterviewPlan.Insert(stages, stage, command.AfterStageId);
            db.InterviewStages.Add(stage);
            await db.SaveChangesAsync(ct);
            return stage.Id;
        }
    }
}
