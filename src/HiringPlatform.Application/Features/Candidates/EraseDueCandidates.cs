using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// Bulk erasure from the retention list, one batch per command (so each batch is one short transaction and the page
// can show progress between batches): the selected candidates, or the next batch of everyone due.
// Only candidates who are due are ever erased here, whatever ids are posted.
public static class EraseDueCandidates
{
    public const int BatchSize = 100;

    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<Model>
    {
        public Guid[] CandidateIds { get; init; } = [];
        public bool AllDue { get; init; }
    }

    public sealed record Model(int Erased, int Remaining, bool RemainingCapped);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CandidateIds).NotEmpty().When(c => !c.AllDue).WithMessage("Select the candidates to erase.");
            RuleFor(c => c.CandidateIds).Must(ids => ids.Length <= BatchSize).WithMessage($"Erase at most {BatchSize} at a time.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock, IFileStorage storage) : ICommandHandler<Command, Model>
    {
        public async ValueTask<Model> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var cutoff = now.AddMonths(-await Retention.MonthsAsync(db, ct));
            var due = Retention.Due(db, cutoff);
            if (!command.AllDue)
            {
                var selected = command.CandidateIds.ToList();
                due = due.Where(c => selected.Contains(c.Id));
            }
            var batch = await Retention.Ordered(due).Select(c => c.Id).Take(BatchSize).ToListAsync(ct);
            var erased = await CandidateEraser.EraseAsync(db, storage, batch, user.Id, now, ct);
            await db.SaveChangesAsync(ct);
            var remaining = await Retention.Due(db, cutoff).Take(GetRetentionList.CountCap + 1).CountAsync(ct);
            return new Model(erased, Math.Min(remaining, GetRetentionList.CountCap), remaining > GetRetentionList.CountCap);
        }
    }
}
