using System.Security.Cryptography;
using System.Text.RegularExpressions;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.WebTests.Account;

public static partial class WebAccountHelpers
{
    // The path and query of the set-password or reset-password link in the newest email to this address.
    public static async Task<string> LatestPasswordLinkAsync(this AppFixture app, string to)
    {
        var body = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.To == to).OrderByDescending(e => e.Id).Select(e => e.TextBody).FirstAsync());
        var match = LinkPattern().Match(body);
        Assert.True(match.Success, "No password link in: " + body);
        return match.Groups["path"].Value;
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/account/(set|reset)-password\?\S+)")]
    private static partial Regex LinkPattern();

    public static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    // RFC 6238 code, as an authenticator app computes it from the shared key.
    public static string TotpCode(string base32Key, int offsetSeconds = 0)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant().TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        var counter = BitConverter.GetBytes((DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds) / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(bytes.ToArray(), counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
