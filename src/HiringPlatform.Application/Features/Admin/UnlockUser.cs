using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Features.Admin;

// Ends a lockout after too many wrong passwords, for someone who cannot wait the 15 minutes.
public static class UnlockUser
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
            if (!user.IsActive) throw new DomainException("This account is deactivated: reactivate it instead.");
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            (await users.UpdateAsync(user)).ThrowIfFailed();
            return Unit.Value;
        }
    }
}
