using System.Text;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Features.Account;

// The key to type or the otpauth:// address to open in an authenticator app, while set-up is in progress.
public static class GetAuthenticatorKey
{
    public const string Issuer = "HiringPlatform";

    [Authorize]
    public sealed record Query : IQuery<Model?>;

    public sealed record Model(string SharedKey, string AuthenticatorUri);

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser currentUser) : IQueryHandler<Query, Model?>
    {
        public async ValueTask<Model?> Handle(Query query, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(currentUser.RequireId().ToString()) ?? throw new NotFoundException("Your account");
            if (await users.GetTwoFactorEnabledAsync(user)) return null;
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key)) return null;
            var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? "")}" +
                      $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
            return new Model(Format(key), uri);
        }

        // "abcd efgh ijkl ..." is easier to type than one 32-character run.
        private static string Format(string key)
        {
            var text = new StringBuilder();
            for (var i = 0; i < key.Length; i += 4)
            {
                if (i > 0) text.Append(' ');
                text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
            }
            return text.ToString().ToLowerInvariant();
        }
    }
}
