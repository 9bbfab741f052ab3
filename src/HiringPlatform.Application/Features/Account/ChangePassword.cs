using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;
using ValidationException = HiringPlatform.Application.Common.Exceptions.ValidationException;

namespace HiringPlatform.Application.Features.Account;

public static class ChangePassword
{
    [Authorize]
    public sealed record Command : ICommand<Unit>
    {
        public string CurrentPassword { get; init; } = "";
        public string NewPassword { get; init; } = "";
        public string ConfirmPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UserManager<AppUser> users)
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
            RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Choose a new password.").MeetsPasswordPolicy(users)
                .NotEqual(c => c.CurrentPassword).WithMessage("Choose a password different from the current one.");
            RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage("The two passwords do not match.");
        }
    }

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser currentUser) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(currentUser.RequireId().ToString()) ?? throw new NotFoundException("Your account");
            var result = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
            if (result.Succeeded) return Unit.Value;
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                throw new ValidationException(nameof(Command.CurrentPassword), "That is not your current password.");
            throw new ValidationException(nameof(Command.NewPassword), string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
