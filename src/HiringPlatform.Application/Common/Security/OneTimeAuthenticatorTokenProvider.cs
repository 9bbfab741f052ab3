using System.Globalization;
using System.Security.Cryptography;
using HiringPlatform.Application.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Common.Security;

// RFC 6238 codes from an authenticator app, each accepted once (ASVS 2.8.4): the time step of the last accepted code
// is kept in Identity's token store, and a code for that step or an earlier one is refused. Identity's own provider
// accepts the same code again for as long as it is in its window. Two requests racing with one code both read the
// old step, but only the first save passes the user's concurrency stamp, so the second is refused.
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string LastStepToken = "AuthenticatorLastStep";
    private const string Store = "[AspNetUserStore]";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            return false;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStepToken), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
            ? l : long.MinValue;
        var secret = FromBase32(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        // One step either side, for a phone whose clock is a little off.
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step <= last || Compute(secret, step) != code) continue;
            var saved = await manager.SetAuthenticationTokenAsync(user, Store, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
            return saved.Succeeded;
        }
        return false;
    }

    public static int Compute(byte[] secret, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    public static byte[] FromBase32(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant().TrimEnd('='))
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) continue;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }
}
