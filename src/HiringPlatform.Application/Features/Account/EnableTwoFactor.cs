using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;
using ValidationException = HiringPlatform.Application.Common.Exceptions.ValidationException;

namespace HiringPlatform.Application.Features.Account;

// Turns two-step verification on once the person proves their app produces valid codes. Returns the recovery
// codes, which are shown once.
public static class EnableTwoFactor
{
    public const int RecoveryCodeCount = 10;

    [Authorize]
    public sealed record Command : ICommand<IReadOnlyList<string>>
    {
        public string Code { get; init; } = "";

        // Bound from a form, so null when the field was left empty.
        public string NormalizedCode => (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter the 6-digit code your app shows.")
                .Must((command, _) => command.NormalizedCode.Length == 6 && command.NormalizedCode.All(char.IsAsciiDigit))
                .WithMessage("The code is 6 digits, for example 123 456.");
        }
    }

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser currentUser) : ICommandHandler<Command, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(currentUser.RequireId().ToString()) ?? throw new NotFoundException("Your account");
            if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
                throw new ValidationException(nameof(Command.Code), "Start the set-up again: there is no key for your app yet.");
            var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, command.NormalizedCode);
            if (!valid)
                throw new ValidationException(nameof(Command.Code), "That code is not valid. Check that your phone's clock is right, and enter the code shown now.");
            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
            return codes?.ToList() ?? [];
        }
    }
}
