using System.Globalization;

namespace HiringPlatform.WebTests.Fuzz;

// A value for the wire: Text is percent-encoded by the sender; Raw is sent as it stands (broken %-escapes, invalid
// UTF-8 such as a lone surrogate's bytes or an overlong NUL), which no .NET string can carry.
public readonly record struct WireValue(string Text, bool Raw = false)
{
    public static implicit operator WireValue(string text) => new(text);
}

// A seeded generator: the same seed gives the same requests, so a failure can be replayed. Each field gets a
// plausible value (so requests pass validation and reach handlers and the database) or a hostile one for its type
// (boundaries, extremes, unknown enum names), or something of the wrong type entirely.
public sealed class FuzzValues(int seed, FuzzWorld world)
{
    private readonly Random _random = new(seed);
    private int _counter;

    public Random Random => _random;

    private static readonly WireValue[] HostileText =
    [
        "", " ", "   \t  ", "a\0b", "\0", "name@example.com\r\nBcc: victim@example.com", "line\r\nbreak", "\u0001\u0002\u001f\u007f",
        "\u202Eevil.exe", "<script>alert(1)</script>", "' OR 1=1 --", "%_\\", "名前テスト", "👩‍💻🚀", "\uFEFF", "\u2028\u2029",
        new("%ED%A0%80", Raw: true), new("%FF%FE%FD", Raw: true), new("%C0%80", Raw: true), new("%", Raw: true), new("%zz", Raw: true),
        new("a%00b", Raw: true), new("%0D%0ASet-Cookie:%20x=1", Raw: true), "null", "undefined", "NaN", "../../etc/passwd", "C:\\boot.ini",
    ];

    private static readonly WireValue[] HostileNumber =
    [
        "0", "-1", "-0", "2147483647", "-2147483648", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "79228162514264337593543950335", "79228162514264337593543950336", "1e309", "-1e309", "1.5", "1,5",
        "0x10", "１２", "Infinity", "NaN", "4294967295", "4294967296", "", " 1 ", "1 000",
    ];

    private static readonly WireValue[] HostileDate =
    [
        "0001-01-01", "0001-01-01T00:00", "0001-01-01T00:00:00Z", "9999-12-31", "9999-12-31T23:59:59", "9999-12-31T23:59:59.9999999",
        "10000-01-01", "2026-02-30", "2026-13-01", "2026-03-29T02:30", "2026-10-25T02:30", "1970-01-01", "1969-12-31T23:59:59",
        "2000-01-01T25:61", "tomorrow", "", "0000-00-00", "-0001-01-01", "2026-01-01T00:00:00+14:00", "2026-01-01T00:00:00-12:00",
    ];

    private static readonly WireValue[] HostileGuid =
    [
        "00000000-0000-0000-0000-000000000000", "abc", "", "ffffffff-ffff-ffff-ffff-ffffffffffff", "{00000000-0000-0000-0000-000000000000}",
        "00000000-0000-0000-0000-00000000000g", "1", "-1", new("%00", Raw: true),
    ];

    private static readonly WireValue[] HostileBool = ["maybe", "on", "off", "1", "0", "TRUE", "", "yes", "true,false"];

    public WireValue For(string key, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var roll = _random.NextDouble();
        if (roll < 0.08) return Pick(Pick([HostileText, HostileNumber, HostileDate, HostileGuid, HostileBool]));
        if (roll < 0.12) return Overlong();
        if (roll < 0.45) return Hostile(type);
        return Plausible(key, type);
    }

    private WireValue Overlong() => new string(_random.Next(3) switch { 0 => 'x', 1 => 'é', _ => '\0' }, _random.Next(2) == 0 ? 4_001 : 70_000);

    private WireValue Hostile(Type type)
    {
        if (type.IsEnum)
        {
            return _random.Next(4) switch
            {
                0 => "NoSuchValue",
                1 => (Enum.GetValues(type).Length + 7).ToString(CultureInfo.InvariantCulture),
                2 => "-1",
                _ => string.Join(",", Enum.GetNames(type)),
            };
        }
        if (type == typeof(string)) return Pick(HostileText);
        if (type == typeof(Guid)) return Pick(HostileGuid);
        if (type == typeof(bool)) return Pick(HostileBool);
        if (type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly)) return Pick(HostileDate);
        if (type == typeof(byte[])) return Pick<WireValue>(["", "!!!not-base64", Convert.ToBase64String(new byte[70_000])]);
        return Pick(HostileNumber);
    }

    private WireValue Plausible(string key, Type type)
    {
        var now = DateTime.UtcNow;
        if (type.IsEnum) return Pick(Enum.GetNames(type));
        if (type == typeof(Guid)) return world.PickId(_random).ToString();
        if (type == typeof(bool)) return _random.Next(2) == 0 ? "true" : "false";
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
            return now.Date.AddDays(_random.Next(1, 60)).AddHours(_random.Next(8, 17)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        if (type == typeof(DateOnly)) return now.Date.AddDays(_random.Next(-30, 90)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (type == typeof(TimeOnly)) return "10:30";
        if (type == typeof(byte[])) return Convert.ToBase64String("%PDF-1.4 fuzz"u8.ToArray());
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
            return (_random.Next(1, 200_000) / (_random.Next(2) == 0 ? 1m : 100m)).ToString(CultureInfo.InvariantCulture);
        if (type != typeof(string)) return _random.Next(0, 10).ToString(CultureInfo.InvariantCulture);
        var n = Interlocked.Increment(ref _counter);
        if (key.Contains("Email", StringComparison.OrdinalIgnoreCase)) return $"fuzz.{seed}.{n}@example.com";
        if (key.Contains("Url", StringComparison.OrdinalIgnoreCase) || key.Contains("Link", StringComparison.OrdinalIgnoreCase))
            return $"https://www.linkedin.com/in/fuzz{n}";
        if (key.Contains("TimeZone", StringComparison.OrdinalIgnoreCase)) return Pick<WireValue>(["Europe/Berlin", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"]);
        if (key.Contains("Currency", StringComparison.OrdinalIgnoreCase)) return "EUR";
        if (key.Contains("Phone", StringComparison.OrdinalIgnoreCase)) return "+1 555 0100";
        if (key.Contains("Password", StringComparison.OrdinalIgnoreCase) || key.Contains("Code", StringComparison.OrdinalIgnoreCase))
            return "Correct-Horse-Battery-9";
        if (key.Contains("Ids", StringComparison.OrdinalIgnoreCase) || key.EndsWith("Id", StringComparison.OrdinalIgnoreCase))
            return world.PickId(_random).ToString();
        return $"Fuzz text {n}";
    }

    public (string FileName, byte[] Content) File()
    {
        var name = Pick(["cv.pdf", "cv\0.pdf", "../../cv.pdf", new string('a', 600) + ".pdf", "résumé\r\n.docx", "", "cv.exe"]);
        var content = _random.Next(5) switch
        {
            0 => [],
            1 => "%PDF-1.4\n%fuzz\n"u8.ToArray(),
            2 => "PK\u0003\u0004 not really a zip"u8.ToArray(),
            3 => "MZ\u0090\u0000 executable"u8.ToArray(),
            _ => Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(),
        };
        return (name, content);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
