using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Features.Account;

// New recovery codes; the old ones stop working.
public static class RegenerateRecoveryCodes
{
    [Authorize]
    public sealed record Command : ICommand<IReadOnlyList<string>>
    {
        // Re-authentication: the person at the keyboard proves it is still them (ASVS 3.7.1, ADR-0015).
        public string CurrentPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your password to confirm.");
    }

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser currentUser) : ICommandHandler<Command, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(currentUser.RequireId().ToString()) ?? throw new NotFoundException("Your account");
            await Reauthentication.RequirePasswordAsync(users, user, command.CurrentPassword);
            if (!await users.GetTwoFactorEnabledAsync(user)) throw new DomainException("Turn on two-step verification first.");
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableTwoFactor.RecoveryCodeCount);
            return codes?.ToList() ?? [];
        }
    }
}
