using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// Staff record that the candidate withdrew (told by email or phone). The candidate's own link is the Careers area's.
public static class WithdrawApplication
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Model>
    {
        public Guid ApplicationId { get; init; }
        public uint Version { get; init; }
    }

    public sealed record Model(Guid PostingId, Guid CandidateId, string CandidateName);

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
            application.Withdraw(clock.GetUtcNow(), WithdrawnBy.HiringTeam);
            await Pipeline.SaveAsync(db, application.Id, ct);
            return new Model(application.PostingId, application.CandidateId, context.CandidateName);
        }
    }
}
