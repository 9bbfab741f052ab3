using System.Security.Cryptography;
using System.Text.RegularExpressions;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.IntegrationTests.Account;

public sealed record PasswordLink(string Path, Guid UserId, string Token, bool Invite);

public static partial class AccountTestHelpers
{
    // The newest email to this address, with the set-password or reset-password link it carries.
    public static async Task<(OutboxEmail Email, PasswordLink Link)> LatestPasswordEmailAsync(this AppFixture app, string to)
    {
        var email = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.To == to).OrderByDescending(e => e.Id).FirstAsync());
        return (email, ParseLink(email.TextBody));
    }

    public static PasswordLink ParseLink(string body)
    {
        var match = LinkPattern().Match(body);
        Assert.True(match.Success, "No password link in: " + body);
        return new PasswordLink(match.Value[match.Value.IndexOf("/account/", StringComparison.Ordinal)..], Guid.Parse(match.Groups["user"].Value),
            Uri.UnescapeDataString(match.Groups["token"].Value), match.Groups["kind"].Value == "set");
    }

    [GeneratedRegex(@"https?://\S+/account/(?<kind>set|reset)-password\?user=(?<user>[0-9a-f-]{36})&token=(?<token>\S+)")]
    private static partial Regex LinkPattern();

    public static async Task<bool> CheckPasswordAsync(this AppFixture app, Guid userId, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.CheckPasswordAsync((await users.FindByIdAsync(userId.ToString()))!, password);
    }

    public static async Task<T> WithUsersAsync<T>(this AppFixture app, Func<UserManager<AppUser>, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    // RFC 6238 time-based code, as an authenticator app computes it from the shared key.
    public static string TotpCode(string base32Key, DateTimeOffset? at = null)
    {
        var key = Base32Decode(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var counter = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian) Array.Reverse(message);
        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in input.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. output];
    }
}
