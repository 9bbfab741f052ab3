using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// An erasure request for one candidate (admins: it cannot be undone).
public static class EraseCandidate
{
    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        public Guid CandidateId { get; init; }
        public bool Confirm { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Confirm).Equal(true).WithMessage("Tick the box to confirm: erasure cannot be undone.");
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock, IFileStorage storage) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            // A merged-away profile can be erased on its own too (its survivor's erasure takes it along anyway).
            if (!await db.Candidates.AnyAsync(c => c.Id == command.CandidateId, ct)) throw new NotFoundException("Candidate");
            await CandidateEraser.EraseAsync(db, storage, [command.CandidateId], user.Id, clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
