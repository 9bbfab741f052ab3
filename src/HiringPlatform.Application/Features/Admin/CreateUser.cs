using FluentValidation;
using HiringPlatform.Application.Common;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Account.Shared;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Features.Admin;

// There is no self-registration: an admin creates each staff account, either emailing an invite link (the person
// chooses their own password) or setting a first password to hand over some other way.
public static class CreateUser
{
    // Fully qualified: inside the record, "Roles" is its own property.
    [Authorize(Roles = Domain.Users.Roles.Admin)]
    public sealed record Command : ICommand<Guid>
    {
        public string DisplayName { get; init; } = "";
        public string Email { get; init; } = "";
        public string TimeZoneId { get; init; } = "UTC";
        public List<string> Roles { get; init; } = [];
        public bool SendInvite { get; init; } = true;
        public string? Password { get; init; }
        public string? ConfirmPassword { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UserManager<AppUser> users)
        {
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the person's name.")
                .MaximumLength(100).WithMessage("Keep the name to 100 characters or fewer.");
            RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the person's work email address.")
                .MustBeEmailAddress().WithMessage("Enter a valid email address.")
                .MaximumLength(256)
                .MustAsync(async (email, ct) => await users.FindByEmailAsync(email.Trim()) is null)
                .WithMessage("There is already an account with this email address.");
            RuleFor(c => c.TimeZoneId).Must(TimeZones.IsValid).WithMessage(TimeZones.InvalidMessage);
            RuleFor(c => c.Roles).UserRoles();
            When(c => !c.SendInvite, () =>
            {
                RuleFor(c => c.Password!).NotEmpty().WithMessage("Enter a first password, or choose to send an invite instead.")
                    .MeetsPasswordPolicy(users);
                RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage("The two passwords do not match.");
            });
        }
    }

    public sealed class Handler(UserManager<AppUser> users, AppDbContext db, IAppUrls urls, ICurrentUser currentUser, TimeProvider clock)
        : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var email = command.Email.Trim();
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = false,
                DisplayName = command.DisplayName.Trim(),
                TimeZoneId = command.TimeZoneId.Trim(),
                CreatedAt = now,
            };
            // Identity saves as it goes; the Transaction behaviour makes these steps one unit, so a failure in a
            // later step leaves no half-made account behind.
            (command.SendInvite ? await users.CreateAsync(user) : await users.CreateAsync(user, command.Password!)).ThrowIfFailed();
            var roles = Domain.Users.Roles.All.Where(command.Roles.Contains).ToList();
            (await users.AddToRolesAsync(user, roles)).ThrowIfFailed();
            if (command.SendInvite)
            {
                var token = await users.GenerateUserTokenAsync(user, AccountTokens.InviteProvider, AccountTokens.InvitePurpose);
                var inviter = await users.FindByIdAsync(currentUser.RequireId().ToString());
                db.OutboxEmails.Add(AccountEmails.Invite(user, roles, inviter?.DisplayName, urls, token, now));
                await db.SaveChangesAsync(ct);
            }
            return user.Id;
        }
    }
}

public static class UserRules
{
    // Roles are checked against the fixed list, not the roles table: the list is what the app understands.
    public static IRuleBuilderOptions<T, List<string>> UserRoles<T>(this IRuleBuilder<T, List<string>> rule) =>
        rule.NotEmpty().WithMessage("Choose at least one role.")
            .Must(roles => roles.All(Roles.All.Contains)).WithMessage("Choose roles from the list.");
}
