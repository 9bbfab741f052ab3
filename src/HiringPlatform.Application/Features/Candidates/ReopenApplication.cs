using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;

namespace HiringPlatform.Application.Features.Candidates;

// Undoes a rejection: the application becomes active again in the stage where it was rejected.
public static class ReopenApplication
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Model>
    {
        public Guid ApplicationId { get; init; }
        public uint Version { get; init; }
    }

    public sealed record Model(Guid PostingId, Guid CandidateId, string CandidateName, string StageName);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.ApplicationId).NotEmpty();
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Model>
    {
        public async ValueTask<Model> Handle(Command command, CancellationToken ct)
        {
            var context = await Pipeline.LoadAsync(db, user, command.ApplicationId, ct);
            Pipeline.EnsureVersion(context, command.Version, db);
            var application = context.Application;
            var now = clock.GetUtcNow();
            application.Reopen(now);
            var stage = context.Stage(application.StageId).Name;
            db.ActivityEvents.Add(new ActivityEvent(application.CandidateId, application.Id, now, user.Id, ActivityKind.Reopened,
                $"Reopened in {stage} · {context.PostingTitle}"));
            await Pipeline.SaveAsync(db, application.Id, ct);
            return new Model(application.PostingId, application.CandidateId, context.CandidateName, stage);
        }
    }
}
