using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Features.Admin;

// Someone returns: they sign in with their old password (or use "Forgot your password?").
public static class ReactivateUser
{
    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        public Guid Id { get; init; }
    }

    public sealed class Handler(UserManager<AppUser> users) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw new NotFoundException("User");
            if (user.IsActive) return Unit.Value;
            user.IsActive = true;
            user.DeactivatedAt = null;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            (await users.UpdateAsync(user)).ThrowIfFailed();
            return Unit.Value;
        }
    }
}
