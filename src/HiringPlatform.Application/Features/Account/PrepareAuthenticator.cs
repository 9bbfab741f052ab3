using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Features.Account;

// Starts authenticator set-up: makes sure the person has a secret key to scan. A fresh key every time set-up
// starts over (Restart), so a key shown on an abandoned attempt never becomes valid.
public static class PrepareAuthenticator
{
    [Authorize]
    public sealed record Command : ICommand<Unit>
    {
        public bool Restart { get; init; }
    }

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser currentUser) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(currentUser.RequireId().ToString()) ?? throw new NotFoundException("Your account");
            if (await users.GetTwoFactorEnabledAsync(user))
                throw new DomainException("Two-step verification is already on. Turn it off first to move it to another app.");
            if (command.Restart || string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
                await users.ResetAuthenticatorKeyAsync(user);
            return Unit.Value;
        }
    }
}
