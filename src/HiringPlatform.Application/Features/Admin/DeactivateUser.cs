using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Features.Admin;

// Someone leaves: they can no longer sign in, and any session they still have ends within a minute (the security
// stamp changes). Their history (scorecards, notes, audit entries) stays attributed to them.
public static class DeactivateUser
{
    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        public Guid Id { get; init; }
    }

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            if (command.Id == currentUser.Id)
                throw new DomainException("You cannot deactivate your own account: ask another admin to do it.");
            var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw new NotFoundException("User");
            if (!user.IsActive) return Unit.Value;
            user.IsActive = false;
            user.DeactivatedAt = clock.GetUtcNow();
            // Belt and braces: locked out for good, so no sign-in path (password, two-step, recovery code) lets them in.
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            // Saves the changes above too.
            (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
            return Unit.Value;
        }
    }
}
