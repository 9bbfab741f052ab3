using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Common.Settings;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Features.Account;

// The signed-in person's sign-in security, for the profile page.
public static class GetAccountSecurity
{
    [Authorize]
    public sealed record Query : IQuery<Model>;

    public sealed record Model(string Email, bool TwoFactorEnabled, int RecoveryCodesLeft, bool TwoFactorRequired);

    public sealed class Handler(UserManager<AppUser> users, AppDbContext db, SettingsCache settings, ICurrentUser currentUser) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(currentUser.RequireId().ToString()) ?? throw new NotFoundException("Your account");
            var enabled = await users.GetTwoFactorEnabledAsync(user);
            return new Model(user.Email ?? "", enabled, enabled ? await users.CountRecoveryCodesAsync(user) : 0,
                (await settings.GetAsync(db, ct)).RequireTwoFactor);
        }
    }
}
