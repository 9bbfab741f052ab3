using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Common.Settings;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Features.Account;

public static class DisableTwoFactor
{
    [Authorize]
    public sealed record Command : ICommand<Unit>
    {
        // Re-authentication: the person at the keyboard proves it is still them (ASVS 3.7.1, ADR-0015).
        public string CurrentPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your password to confirm.");
    }

    public sealed class Handler(UserManager<AppUser> users, AppDbContext db, SettingsCache settings, ICurrentUser currentUser) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            if ((await settings.GetAsync(db, ct)).RequireTwoFactor)
                throw new DomainException("Your organisation requires two-step verification, so it cannot be turned off. To move it to a new phone, ask an admin to reset it.");
            var user = await users.FindByIdAsync(currentUser.RequireId().ToString()) ?? throw new NotFoundException("Your account");
            await Reauthentication.RequirePasswordAsync(users, user, command.CurrentPassword);
            await users.SetTwoFactorEnabledAsync(user, false);
            // The old key and recovery codes must not come back to life if it is turned on again.
            await users.ResetAuthenticatorKeyAsync(user);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            return Unit.Value;
        }
    }
}
