using FluentValidation;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;
using ValidationException = HiringPlatform.Application.Common.Exceptions.ValidationException;

namespace HiringPlatform.Application.Features.Account;

// Sets a password from an emailed link: a password reset, or the first password of an invited colleague.
public static class ResetPassword
{
    public const string InvalidLink = "This link is not valid any more: it has expired or was already used. Ask for a new one below.";

    [AllowAnonymous]
    public sealed record Command : ICommand<Unit>
    {
        public Guid UserId { get; init; }
        public string Token { get; init; } = "";

        // True for an invite link (/account/set-password), false for a reset link.
        public bool Invite { get; init; }
        public string Password { get; init; } = "";
        public string ConfirmPassword { get; init; } = "";
    }

    // Checked when the link is opened, so nobody types a new password into a page whose link has expired.
    [AllowAnonymous]
    public sealed record CheckLink : IQuery<bool>
    {
        public Guid UserId { get; init; }
        public string Token { get; init; } = "";
        public bool Invite { get; init; }
    }

    public sealed class CheckLinkHandler(UserManager<AppUser> users) : IQueryHandler<CheckLink, bool>
    {
        public async ValueTask<bool> Handle(CheckLink query, CancellationToken ct)
        {
            if (string.IsNullOrEmpty(query.Token)) return false;
            var user = await users.FindByIdAsync(query.UserId.ToString());
            if (user is not { IsActive: true }) return false;
            return query.Invite
                ? !await users.HasPasswordAsync(user)
                  && await users.VerifyUserTokenAsync(user, AccountTokens.InviteProvider, AccountTokens.InvitePurpose, query.Token)
                : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, query.Token);
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UserManager<AppUser> users)
        {
            RuleFor(c => c.Token).NotEmpty().WithMessage(InvalidLink);
            RuleFor(c => c.Password).NotEmpty().WithMessage("Choose a password.").MeetsPasswordPolicy(users);
            RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage("The two passwords do not match.");
        }
    }

    public sealed class Handler(UserManager<AppUser> users) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is not { IsActive: true }) throw new ValidationException(nameof(Command.Token), InvalidLink);

            IdentityResult result;
            if (command.Invite)
            {
                if (await users.HasPasswordAsync(user)
                    || !await users.VerifyUserTokenAsync(user, AccountTokens.InviteProvider, AccountTokens.InvitePurpose, command.Token))
                    throw new ValidationException(nameof(Command.Token), InvalidLink);
                // Following the emailed link proves the address.
                user.EmailConfirmed = true;
                result = await users.AddPasswordAsync(user, command.Password);
            }
            else
            {
                result = await users.ResetPasswordAsync(user, command.Token, command.Password);
            }
            if (!result.Succeeded)
            {
                var invalidToken = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
                throw new ValidationException(invalidToken ? nameof(Command.Token) : nameof(Command.Password),
                    invalidToken ? InvalidLink : string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            // Whoever proves they own the mailbox gets back in straight away, even after too many wrong passwords.
            if (await users.IsLockedOutAsync(user)) await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return Unit.Value;
        }
    }
}
