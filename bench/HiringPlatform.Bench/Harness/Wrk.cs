using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HiringPlatform.Bench.Harness;

public sealed record WrkRequest(
    string Name, string BaseUrl, string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[]? Body,
    IReadOnlyCollection<int> Success, string? IdsFile, string Unique, int Connections, int Seconds);

public sealed class WrkResult
{
    public long Requests { get; init; }
    public double DurationSeconds { get; init; }
    public long Successes { get; init; }
    public long Unexpected { get; init; }
    public long SocketErrors { get; init; }
    public long Timeouts { get; init; }
    public double P50Ms { get; init; }
    public double P90Ms { get; init; }
    public double P95Ms { get; init; }
    public double P99Ms { get; init; }
    public double MaxMs { get; init; }
    public Dictionary<string, long> Statuses { get; init; } = [];
    public double RequestsPerSecond => DurationSeconds > 0 ? Requests / DurationSeconds : 0;
    public double SuccessesPerSecond => DurationSeconds > 0 ? Successes / DurationSeconds : 0;
    public long Errors => Unexpected + SocketErrors + Timeouts;
}

// Runs one wrk (Debian's package) with bench.lua for one scenario: fixed duration and connection count, two
// threads (the machine has two cores), loopback only, a 10 s request timeout so nothing hangs.
public static class Wrk
{
    public static async Task<WrkResult> RunAsync(WrkRequest r, string workDir, CancellationToken ct)
    {
        var config = Path.Combine(workDir, $"wrk-{r.Name}.config.lua");
        var threads = Math.Min(2, r.Connections);
        var lua = new StringBuilder();
        lua.Append("return {\n");
        lua.Append("  name = ").Append(LuaString(Encoding.UTF8.GetBytes(r.Name))).Append(",\n");
        lua.Append("  method = ").Append(LuaString(Encoding.UTF8.GetBytes(r.Method))).Append(",\n");
        lua.Append("  path = ").Append(LuaString(Encoding.UTF8.GetBytes(r.Path))).Append(",\n");
        lua.Append("  unique = ").Append(LuaString(Encoding.UTF8.GetBytes(r.Unique))).Append(",\n");
        lua.Append("  threads = ").Append(threads).Append(",\n");
        if (r.IdsFile is not null) lua.Append("  ids = ").Append(LuaString(Encoding.UTF8.GetBytes(r.IdsFile))).Append(",\n");
        if (r.Body is not null) lua.Append("  body = ").Append(LuaString(r.Body)).Append(",\n");
        lua.Append("  success = {").Append(string.Join(", ", r.Success.Select(s => $"[{s}] = true"))).Append("},\n");
        lua.Append("  headers = {\n");
        foreach (var (k, v) in r.Headers) lua.Append("    [").Append(LuaString(Encoding.UTF8.GetBytes(k))).Append("] = ").Append(LuaString(Encoding.UTF8.GetBytes(v))).Append(",\n");
        lua.Append("  },\n}\n");
        await File.WriteAllTextAsync(config, lua.ToString(), ct);

        var script = Path.Combine(AppContext.BaseDirectory, "wrk", "bench.lua");
        var psi = new ProcessStartInfo("wrk",
        [
            "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", r.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{r.Seconds}s", "--timeout", "10s", "-s", script, r.BaseUrl,
        ])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["BENCH_WRK_CONFIG"] = config;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start wrk.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(r.Seconds + 60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw new InvalidOperationException($"wrk for {r.Name} did not finish in time.");
            }
        }
        var output = await stdout;
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH_RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk for {r.Name} printed no result (exit {process.ExitCode}): {await stderr}{output}");
        using var json = JsonDocument.Parse(line["BENCH_RESULT ".Length..]);
        var root = json.RootElement;
        var lat = root.GetProperty("latency_us");
        var errors = root.GetProperty("errors");
        return new WrkResult
        {
            Requests = root.GetProperty("requests").GetInt64(),
            DurationSeconds = root.GetProperty("duration_us").GetInt64() / 1e6,
            Successes = root.GetProperty("successes").GetInt64(),
            Unexpected = root.GetProperty("unexpected").GetInt64(),
            SocketErrors = errors.GetProperty("connect").GetInt64() + errors.GetProperty("read").GetInt64() + errors.GetProperty("write").GetInt64(),
            Timeouts = errors.GetProperty("timeout").GetInt64(),
            P50Ms = lat.GetProperty("p50").GetInt64() / 1000.0,
            P90Ms = lat.GetProperty("p90").GetInt64() / 1000.0,
            P95Ms = lat.GetProperty("p95").GetInt64() / 1000.0,
            P99Ms = lat.GetProperty("p99").GetInt64() / 1000.0,
            MaxMs = lat.GetProperty("max").GetInt64() / 1000.0,
            Statuses = root.GetProperty("statuses").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()),
        };
    }

    // A Lua string literal for any bytes (the PDF in a multipart body included): printable ASCII as is, the rest as \ddd.
    private static string LuaString(byte[] bytes)
    {
        var sb = new StringBuilder(bytes.Length + 16);
        sb.Append('"');
        foreach (var b in bytes)
        {
            if (b is (byte)'"' or (byte)'\\') sb.Append('\\').Append((char)b);
            else if (b is >= 32 and < 127) sb.Append((char)b);
            else sb.Append('\\').Append(b.ToString("000", CultureInfo.InvariantCulture));
        }
        sb.Append('"');
        return sb.ToString();
    }
}
