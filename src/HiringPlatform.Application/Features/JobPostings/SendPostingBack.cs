using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using Mediator;

namespace HiringPlatform.Application.Features.JobPostings;

// Awaiting approval → draft, with the hiring manager's comment saying what to change.
public static class SendPostingBack
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Unit>
    {
        public Guid Id { get; init; }
        public string? Comment { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(x => x.Comment)
                .NotEmpty().WithMessage("Say what needs to change before the posting can be approved.")
                .MaximumLength(2000).WithMessage("Keep the comment under 2,000 characters.");
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var posting = await PostingAccess.LoadForChangeAsync(db, user, command.Id, ct);
            PostingAccess.EnsureCanApprove(posting, user);
            posting.SendBack(user.RequireId(), clock.GetUtcNow(), command.Comment!.Trim());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
