using System.Globalization;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Operations;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Common.Settings;

public sealed record SettingsSnapshot(bool RequireTwoFactor, int RetentionMonths, int ApplyRateLimitPerHour);

// Admin settings (the settings table) read on hot paths: the two-factor check runs on every staff request and
// the apply rate limit on every application. One small query every few seconds per app instance instead of
// one per request; this instance forgets its copy at once when an admin saves, other instances within Ttl.
public sealed class SettingsCache
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    private volatile Entry? _entry;

    private sealed record Entry(SettingsSnapshot Value, long ExpiresAt);

    public async Task<SettingsSnapshot> GetAsync(AppDbContext db, CancellationToken ct)
    {
        var entry = _entry;
        if (entry is not null && Environment.TickCount64 < entry.ExpiresAt) return entry.Value;
        var value = await ReadAsync(db, ct);
        _entry = new Entry(value, Environment.TickCount64 + (long)Ttl.TotalMilliseconds);
        return value;
    }

    public void Invalidate() => _entry = null;

    public static async Task<SettingsSnapshot> ReadAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new SettingsSnapshot(
            RequireTwoFactor: rows.TryGetValue(SettingKeys.RequireTwoFactor, out var twoFactor) && bool.TryParse(twoFactor, out var required)
                ? required : SettingDefaults.RequireTwoFactor,
            RetentionMonths: Int(rows, SettingKeys.RetentionMonths, SettingDefaults.RetentionMonths),
            ApplyRateLimitPerHour: Int(rows, SettingKeys.ApplyRateLimitPerHour, SettingDefaults.ApplyRateLimitPerHour));
    }

    // Both numbers are counts of at least one (the settings form refuses less); anything else stored reads as the default.
    private static int Int(Dictionary<string, string> rows, string key, int fallback) =>
        rows.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value : fallback;
}
