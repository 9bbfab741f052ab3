using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Mediator;

namespace HiringPlatform.Application.Features.JobPostings;

// Any state → closed, as filled or cancelled. Final: a new opening of the role is a clone.
public static class ClosePosting
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Unit>
    {
        public Guid Id { get; init; }
        public ClosedReason? Reason { get; init; }
        public string? Comment { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotNull().WithMessage("Say whether the role was filled or cancelled.")
                .IsInEnum().WithMessage("Say whether the role was filled or cancelled.");
            RuleFor(x => x.Comment).MaximumLength(2000).WithMessage("Keep the comment under 2,000 characters.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var posting = await PostingAccess.LoadForChangeAsync(db, user, command.Id, ct);
            posting.Close(command.Reason!.Value, user.RequireId(), clock.GetUtcNow(),
                string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
