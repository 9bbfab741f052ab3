using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Account.Shared;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Features.Admin;

// A new invite link for someone who has not chosen a password yet (the first one expired or got lost).
// Earlier links stop working.
public static class ResendInvite
{
    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        public Guid Id { get; init; }
    }

    public sealed class Handler(UserManager<AppUser> users, AppDbContext db, IAppUrls urls, ICurrentUser currentUser, TimeProvider clock)
        : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw new NotFoundException("User");
            if (!user.IsActive) throw new DomainException("This account is deactivated: reactivate it first.");
            if (await users.HasPasswordAsync(user))
                throw new DomainException("This person has already chosen a password. They can use \"Forgot your password?\" on the sign-in page.");
            (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
            var token = await users.GenerateUserTokenAsync(user, AccountTokens.InviteProvider, AccountTokens.InvitePurpose);
            var roles = (await users.GetRolesAsync(user)).ToList();
            var inviter = await users.FindByIdAsync(currentUser.RequireId().ToString());
            db.OutboxEmails.Add(AccountEmails.Invite(user, roles, inviter?.DisplayName, urls, token, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
