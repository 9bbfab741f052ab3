using System.Diagnostics;
using FluentValidation;
using HiringPlatform.Application.Common;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Account.Shared;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Features.Account;

// "Forgot your password?": queues a reset link when the email belongs to an active account. The caller always
// shows the same confirmation, so the form cannot be used to find out who has an account.
public static class RequestPasswordReset
{
    [AllowAnonymous]
    public sealed record Command : ICommand<Unit>
    {
        public string Email { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your email address.")
                .MustBeEmailAddress().WithMessage("Enter a valid email address.")
                .MaximumLength(256);
        }
    }

    // The answer takes at least this long whoever asks, so its timing does not tell a real account (token, roles, an
    // outbox row) from an unknown or deactivated address (one lookup). Well above the real work's few milliseconds.
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromMilliseconds(400);

    public sealed class Handler(UserManager<AppUser> users, AppDbContext db, IAppUrls urls, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var started = Stopwatch.GetTimestamp();
            await QueueLinkAsync(command, ct);
            var left = MinimumDuration - Stopwatch.GetElapsedTime(started);
            if (left > TimeSpan.Zero) await Task.Delay(left, ct);
            return Unit.Value;
        }

        private async Task QueueLinkAsync(Command command, CancellationToken ct)
        {
            var user = await users.FindByEmailAsync(command.Email.Trim());
            if (user is not { IsActive: true }) return;
            // An invited person who never chose a password gets the invite kind of link (it sets a first password).
            var hasPassword = await users.HasPasswordAsync(user);
            var now = clock.GetUtcNow();
            if (hasPassword)
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                db.OutboxEmails.Add(AccountEmails.PasswordReset(user, urls, token, now));
            }
            else
            {
                var token = await users.GenerateUserTokenAsync(user, AccountTokens.InviteProvider, AccountTokens.InvitePurpose);
                var roles = (await users.GetRolesAsync(user)).ToList();
                db.OutboxEmails.Add(AccountEmails.Invite(user, roles, null, urls, token, now));
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
