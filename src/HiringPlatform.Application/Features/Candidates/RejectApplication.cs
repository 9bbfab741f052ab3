using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

public static class RejectApplication
{
    // The form's GET: the command prefilled with the version the user is looking at.
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Query : IQuery<Command>
    {
        public Guid ApplicationId { get; init; }
    }

    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Model>, Rejection.IReasonInput
    {
        public Guid ApplicationId { get; init; }
        public uint Version { get; init; }
        public RejectionReason? Reason { get; init; }
        public Guid? CompetencyId { get; init; }
        public string? Note { get; init; }
        public bool SendEmail { get; init; }
        public string? EmailTemplate { get; init; }
    }

    public sealed record Model(Guid PostingId, Guid CandidateId, string CandidateName);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            RuleFor(c => c.ApplicationId).NotEmpty();
            Rejection.AddRules(this, db, async (c, ct) =>
                await db.Applications.Where(a => a.Id == c.ApplicationId).Select(a => (Guid?)a.PostingId).SingleOrDefaultAsync(ct));
        }
    }

    public sealed class QueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var context = await Pipeline.LoadAsync(db, user, query.ApplicationId, ct);
            return new Command { ApplicationId = context.Application.Id, Version = context.Application.Version };
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Model>
    {
        public async ValueTask<Model> Handle(Command command, CancellationToken ct)
        {
            var context = await Pipeline.LoadAsync(db, user, command.ApplicationId, ct);
            Pipeline.EnsureVersion(context, command.Version, db);
            var application = context.Application;
            var candidate = await db.Candidates.SingleAsync(c => c.Id == application.CandidateId, ct);
            Rejection.Apply(db, application, candidate, command, context.PostingTitle, user.Id, clock.GetUtcNow());
            await Pipeline.SaveAsync(db, application.Id, ct);
            return new Model(application.PostingId, candidate.Id, candidate.FullName);
        }
    }
}
