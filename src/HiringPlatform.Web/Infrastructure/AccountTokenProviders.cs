using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Web.Infrastructure;

// Identity's token providers for the two emailed links (lifetimes and names in Application's AccountTokens). Wired
// here because DataProtectorTokenProvider is part of the ASP.NET Core framework, which Application does not reference.
public static class AccountTokenProviders
{
    public static IServiceCollection AddAccountTokens(this IServiceCollection services)
    {
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = AccountTokens.ResetLifetime);
        services.Configure<InviteTokenProviderOptions>(o =>
        {
            o.Name = AccountTokens.InviteProvider;
            o.TokenLifespan = AccountTokens.InviteLifetime;
        });
        services.Configure<IdentityOptions>(o =>
            o.Tokens.ProviderMap[AccountTokens.InviteProvider] = new TokenProviderDescriptor(typeof(InviteTokenProvider)));
        services.AddTransient<InviteTokenProvider>();
        return services;
    }
}

public sealed class InviteTokenProviderOptions : DataProtectionTokenProviderOptions;

public sealed class InviteTokenProvider(IDataProtectionProvider dataProtection, IOptions<InviteTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtection, options, logger);
