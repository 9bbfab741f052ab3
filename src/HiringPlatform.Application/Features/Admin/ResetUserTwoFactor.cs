using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Features.Admin;

// For someone who lost the phone with their authenticator app and their recovery codes: turns two-step
// verification off so they can sign in with their password and set it up again. Their sessions end.
public static class ResetUserTwoFactor
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
            if (!user.TwoFactorEnabled) throw new DomainException("Two-step verification is not on for this person.");
            (await users.SetTwoFactorEnabledAsync(user, false)).ThrowIfFailed();
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            // Also changes the security stamp, which ends the person's sessions.
            (await users.ResetAuthenticatorKeyAsync(user)).ThrowIfFailed();
            return Unit.Value;
        }
    }
}
