using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Scoring;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;

namespace HiringPlatform.Application.Features.Candidates;

// Moves one card to another stage of its posting's plan (forward, back, or dropped on a column).
public static class MoveApplication
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Model>
    {
        public Guid ApplicationId { get; init; }
        public Guid ToStageId { get; init; }

        // The version the user saw on the board.
        public uint Version { get; init; }
    }

    public sealed record Model(Guid CandidateId, string CandidateName, string StageName);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ApplicationId).NotEmpty();
            RuleFor(c => c.ToStageId).NotEmpty().WithMessage("Choose the stage to move to.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Model>
    {
        public async ValueTask<Model> Handle(Command command, CancellationToken ct)
        {
            var context = await Pipeline.LoadAsync(db, user, command.ApplicationId, ct);
            Pipeline.EnsureVersion(context, command.Version, db);
            var to = context.Stages.SingleOrDefault(s => s.Id == command.ToStageId)
                ?? throw new Common.Exceptions.ValidationException(nameof(Command.ToStageId), "Choose a stage of this posting's interview plan.");
            var application = context.Application;
            // Into the Offer stage only past the debrief gate, as a recorded offer decision is.
            if (to.Kind == StageKind.Offer) await ApplicationScoring.EnsureOfferAllowedAsync(db, application, ct);
            application.MoveTo(to.Id, clock.GetUtcNow());
            await Pipeline.SaveAsync(db, application.Id, ct);
            return new Model(application.CandidateId, context.CandidateName, to.Name);
        }
    }
}
