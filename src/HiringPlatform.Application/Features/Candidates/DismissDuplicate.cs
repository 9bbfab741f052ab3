using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// "Not a duplicate": the pair stays recorded (resolved), so it is never flagged again.
public static class DismissDuplicate
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Unit>
    {
        public Guid DuplicateId { get; init; }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var pair = await db.PossibleDuplicates.SingleOrDefaultAsync(d => d.Id == command.DuplicateId, ct) ?? throw new NotFoundException("Possible duplicate");
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, pair.CandidateId, ct);
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, pair.OtherCandidateId, ct);
            pair.ResolvedAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
