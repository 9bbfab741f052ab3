using HiringPlatform.Application.Domain.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Application.Common.Security;

// Two kinds of emailed link set a password, with different lifetimes: a password reset is asked for by the
// person and used at once, so it expires within hours; an invite waits in a new colleague's inbox for days.
// Both tokens embed the security stamp, so each works once: setting the password changes the stamp.
public static class AccountTokens
{
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(3);
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(5);

    public static IServiceCollection AddAccountTokens(this IServiceCollection services)
    {
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = ResetLifetime);
        services.Configure<InviteTokenProviderOptions>(o =>
        {
            o.Name = InviteTokenProvider.ProviderName;
            o.TokenLifespan = InviteLifetime;
        });
        services.Configure<IdentityOptions>(o =>
            o.Tokens.ProviderMap[InviteTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(InviteTokenProvider)));
        services.AddTransient<InviteTokenProvider>();
        return services;
    }
}

public sealed class InviteTokenProviderOptions : DataProtectionTokenProviderOptions;

public sealed class InviteTokenProvider(IDataProtectionProvider dataProtection, IOptions<InviteTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtection, options, logger)
{
    public const string ProviderName = "Invite";
    public const string Purpose = "AcceptInvite";
}
