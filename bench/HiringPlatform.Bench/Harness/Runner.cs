using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using HiringPlatform.Bench.Data;
using Npgsql;

namespace HiringPlatform.Bench.Harness;

public sealed class ScenarioResult
{
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public string? Role { get; init; }
    public required string Method { get; init; }
    public required string Url { get; init; }
    public string Status { get; set; } = "ok";
    public string? Reason { get; set; }
    public int Connections { get; init; }
    public int Seconds { get; init; }
    public long Requests { get; set; }
    public double RequestsPerSecond { get; set; }
    public double SuccessesPerSecond { get; set; }
    public double P50Ms { get; set; }
    public double P90Ms { get; set; }
    public double P95Ms { get; set; }
    public double P99Ms { get; set; }
    public double MaxMs { get; set; }
    public long Errors { get; set; }
    public Dictionary<string, long> Statuses { get; set; } = [];
    public double PeakRssMb { get; set; }
    public double? FloorRatio { get; set; }
    public long? Successes { get; set; }
    public long? Stored { get; set; }
    public double? TargetP95Ms { get; init; }
    public double? TargetMinFloorRatio { get; init; }
    public double? TargetMinSuccessRate { get; init; }
    public List<string> Misses { get; init; } = [];
    public string? Note { get; init; }
}

public sealed class SetResult
{
    public required string Set { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string Machine { get; init; }
    public required Dictionary<string, string> Data { get; init; }
    public required List<string> Notes { get; init; }
    public List<ScenarioResult> Scenarios { get; init; } = [];
    public double AppRssEndMb { get; set; }
    public double AppPeakRssMb { get; set; }
    public double? FloorRequestsPerSecond { get; set; }
    public required Targets Targets { get; init; }
}

// `run`: signs in the benchmark users through the real sign-in form, checks each scenario's page, warms it up
// and drives it with wrk, one scenario at a time, sampling the app's memory; POST scenarios are checked against
// the rows they stored and then cleaned up, so the data set stays reusable.
public static class Runner
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(Args options)
    {
        var ct = CancellationToken.None;
        var file = ScenarioFile.Load(options.Optional("scenarios") ?? Path.Combine(AppContext.BaseDirectory, "scenarios.json"));
        var duration = options.Int("duration", file.DurationSeconds);
        var warmup = options.Int("warmup", file.WarmupSeconds);
        var readsOnly = options.Flag("reads-only");
        // --only a,b: just these scenarios (and the floor), for working on one page.
        var only = (options.Optional("only") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var appUrl = options.Required("app").TrimEnd('/');
        var floorUrl = options.Required("floor").TrimEnd('/');
        var appPid = options.Int("app-pid", 0);
        var dbCs = options.Required("db");
        var outFile = options.Required("out");
        var workDir = Path.GetDirectoryName(Path.GetFullPath(outFile))!;
        Directory.CreateDirectory(workDir);

        var meta = await Loader.ReadMetaAsync(dbCs, ct);
        if (meta?.GetValueOrDefault("complete") != "true") throw new InvalidOperationException("The benchmark database is not completely loaded (no bench_meta marker).");
        await using var db = NpgsqlDataSource.Create(dbCs);
        var values = new Dictionary<string, string>(meta);
        foreach (var u in World.BenchUsers)
        {
            await using var cmd = db.CreateCommand("SELECT id FROM \"AspNetUsers\" WHERE email = $1");
            cmd.Parameters.AddWithValue(u.Email);
            values["user_id_" + u.Key] = (await cmd.ExecuteScalarAsync(ct))?.ToString() ?? throw new InvalidOperationException($"No user {u.Email}.");
        }
        values["run"] = "r" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        values["id"] = "BENCHID";

        var result = new SetResult
        {
            Set = meta["set"], StartedAt = DateTimeOffset.UtcNow, Machine = Machine(), Targets = file.Targets,
            Data = meta.Where(m => m.Key.StartsWith("count_", StringComparison.Ordinal) || m.Key.StartsWith("phase_", StringComparison.Ordinal)
                || m.Key is "load_seconds" or "generator_version" or "seed").ToDictionary(),
            Notes = [.. (options.Optional("note") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)],
        };

        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 4 })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var sessions = new Dictionary<string, WebSession>();
        async Task<WebSession> SessionFor(string? role)
        {
            var key = role ?? "";
            if (sessions.TryGetValue(key, out var s)) return s;
            s = new WebSession(http, appUrl);
            if (role is not null)
            {
                var user = World.BenchUsers.SingleOrDefault(u => u.Key == role) ?? throw new InvalidOperationException($"Unknown role '{role}' in scenarios.json.");
                await s.SignInAsync(user.Email, meta["password"], ct);
                Console.WriteLine($"[bench] signed in as {user.Email} through /account/sign-in");
            }
            return sessions[key] = s;
        }

        foreach (var scenario in file.Scenarios)
        {
            if (readsOnly && !scenario.IsRead && scenario.Kind != "floor") continue;
            if (only.Count > 0 && !only.Contains(scenario.Name) && scenario.Kind != "floor") continue;
            var connections = file.Connections.GetValueOrDefault(scenario.Kind, 16);
            var target = scenario.Kind == "floor" ? floorUrl : appUrl;
            var path = Placeholders.Fill(scenario.Path, values);
            var r = new ScenarioResult
            {
                Name = scenario.Name, Kind = scenario.Kind, Role = scenario.Role, Method = scenario.Method.ToUpperInvariant(),
                Url = path, Connections = connections, Seconds = duration, Note = scenario.Note,
                TargetP95Ms = scenario.P95Ms ?? (scenario.IsRead ? file.Targets.ReadP95Ms : null),
                TargetMinFloorRatio = scenario.MinFloorRatio, TargetMinSuccessRate = scenario.MinSuccessRate,
            };
            result.Scenarios.Add(r);
            try
            {
                await RunScenarioAsync(scenario, r, file, values, target, connections, duration, warmup, appPid, db, SessionFor, workDir, result, ct);
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or NpgsqlException or TaskCanceledException)
            {
                r.Status = "failed";
                r.Reason = ex.Message;
            }
            Console.WriteLine($"[bench] {result.Set,-5} {r.Name,-22} {Summary(r)}");
        }

        if (appPid > 0)
        {
            result.AppRssEndMb = Rss(appPid, "VmRSS");
            result.AppPeakRssMb = Rss(appPid, "VmHWM");
        }
        await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(result, Json), ct);
        var failed = result.Scenarios.Count(s => s.Status == "failed" || s.Errors > 0 || s.Stored < s.Successes);
        if (options.Flag("assert-no-errors") && failed > 0)
        {
            Console.Error.WriteLine($"[bench] {failed} scenario(s) failed or had errors");
            return 1;
        }
        return 0;
    }

    private static async Task RunScenarioAsync(Scenario scenario, ScenarioResult r, ScenarioFile file, Dictionary<string, string> values,
        string target, int connections, int duration, int warmup, int appPid, NpgsqlDataSource db, Func<string?, Task<WebSession>> sessionFor,
        string workDir, SetResult set, CancellationToken ct)
    {
        var session = scenario.Kind == "floor" ? null : await sessionFor(scenario.Role);
        foreach (var sql in scenario.CleanupSql ?? []) await ExecAsync(db, Placeholders.Fill(sql, values), ct);

        async Task<string?> IdsFile(string suffix)
        {
            if (scenario.IdsSql is null) return null;
            var ids = new List<string>();
            await using (var cmd = db.CreateCommand(Placeholders.Fill(scenario.IdsSql, values)))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) ids.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
            if (ids.Count == 0) throw new InvalidOperationException("The scenario's pool is empty (IdsSql returned no rows).");
            var path = Path.Combine(workDir, $"ids-{scenario.Name}-{suffix}.txt");
            await File.WriteAllLinesAsync(path, ids, ct);
            return path;
        }

        // Is the page there? (Pages of other areas may not be merged yet.)
        var probeIds = await IdsFile("probe");
        var firstId = probeIds is null ? null : (await File.ReadAllLinesAsync(probeIds, ct))[0];
        var probePath = Placeholders.Fill(scenario.Form ?? scenario.Path, values).Replace("BENCHID", firstId ?? "", StringComparison.Ordinal);
        WebSession.Page probe;
        if (session is null)
        {
            using var http = new HttpClient();
            using var response = await http.GetAsync(target + probePath, ct);
            probe = new WebSession.Page(response.StatusCode, await response.Content.ReadAsStringAsync(ct), null);
        }
        else
        {
            probe = await session.GetAsync(probePath, ct);
        }
        var missing = probe.Status == HttpStatusCode.NotFound
            || (scenario.Role is null && probe.Status == HttpStatusCode.Redirect && (probe.Location ?? "").Contains("/account/sign-in", StringComparison.Ordinal));
        if (missing && file.SkipMissingPages)
        {
            r.Status = "skipped";
            r.Reason = "skipped: page not present";
            return;
        }
        if (probe.Status != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {probePath} answered {(int)probe.Status} before the run{(missing ? " (page not present)" : "")}.");

        var headers = new Dictionary<string, string> { ["X-Forwarded-Proto"] = WebSession.ForwardedProto, ["Accept"] = "text/html" };
        byte[]? body = null;
        var method = r.Method;
        var success = method == "POST" ? new[] { 302 } : [200];
        if (method == "POST")
        {
            var fields = FormReader.Fill(probe.Body, probePath, scenario.Name, scenario.Fields);
            if (firstId is not null)
                fields = fields.Select(f => f.Value is not null && f.Value.Contains(firstId, StringComparison.Ordinal)
                    ? f with { Value = f.Value.Replace(firstId, "BENCHID", StringComparison.Ordinal) } : f).ToList();
            var multipart = fields.Any(f => f.IsFile);
            body = multipart
                ? FormReader.Multipart(fields, await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "wrk", "resume.pdf"), ct))
                : FormReader.UrlEncoded(fields);
            headers["Content-Type"] = multipart ? $"multipart/form-data; boundary={FormReader.Boundary}" : "application/x-www-form-urlencoded";
        }
        if (session is not null && session.CookieHeader.Length > 0) headers["Cookie"] = session.CookieHeader;

        long successes = 0;
        if (warmup > 0)
        {
            var w = await Wrk.RunAsync(new WrkRequest(scenario.Name + "-warmup", target, method, r.Url, headers, body, success,
                await IdsFile("warmup"), values["run"] + "w", connections, warmup), workDir, ct);
            successes += w.Successes;
        }

        using var sampling = new CancellationTokenSource();
        var peak = 0.0;
        var sampler = appPid > 0 && scenario.Kind != "floor"
            ? Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Rss(appPid, "VmRSS"));
                    try { await Task.Delay(200, sampling.Token); } catch (OperationCanceledException) { }
                }
            }, CancellationToken.None)
            : Task.CompletedTask;
        var run = await Wrk.RunAsync(new WrkRequest(scenario.Name, target, method, r.Url, headers, body, success,
            await IdsFile("run"), values["run"] + "m", connections, duration), workDir, ct);
        await sampling.CancelAsync();
        await sampler;

        r.Requests = run.Requests;
        r.RequestsPerSecond = run.RequestsPerSecond;
        r.SuccessesPerSecond = run.SuccessesPerSecond;
        r.P50Ms = run.P50Ms;
        r.P90Ms = run.P90Ms;
        r.P95Ms = run.P95Ms;
        r.P99Ms = run.P99Ms;
        r.MaxMs = run.MaxMs;
        r.Errors = run.Errors;
        r.Statuses = run.Statuses;
        r.PeakRssMb = peak;
        if (scenario.Kind == "floor") set.FloorRequestsPerSecond = run.RequestsPerSecond;
        else if (scenario.IsRead && set.FloorRequestsPerSecond is > 0) r.FloorRatio = run.RequestsPerSecond / set.FloorRequestsPerSecond;

        if (method == "POST")
        {
            // Let the requests that were in flight when wrk stopped finish before counting.
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            successes += run.Successes;
            r.Successes = successes;
            if (scenario.CountSql is not null)
            {
                await using var cmd = db.CreateCommand(Placeholders.Fill(scenario.CountSql, values));
                r.Stored = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            }
            foreach (var sql in scenario.CleanupSql ?? []) await ExecAsync(db, Placeholders.Fill(sql, values), ct);
        }

        if (r.Errors > 0) r.Misses.Add($"{r.Errors} errors ({string.Join(", ", r.Statuses.Select(s => $"{s.Key}: {s.Value}"))})");
        if (r.TargetP95Ms is { } p95 && r.P95Ms > p95) r.Misses.Add($"p95 {r.P95Ms:F1} ms > {p95} ms");
        if (r.TargetMinFloorRatio is { } ratio && r.FloorRatio is { } fr && fr < ratio) r.Misses.Add($"{fr:P0} of the floor < {ratio:P0}");
        if (r.TargetMinSuccessRate is { } rate && r.SuccessesPerSecond < rate) r.Misses.Add($"{r.SuccessesPerSecond:F0}/s < {rate}/s");
        // Requests still in flight when wrk stops (at most one a connection, warm-up and run) are stored but never
        // counted as successes, so a few more rows than successes is expected; fewer would be lost data.
        if (r.Stored is { } stored && stored < r.Successes) r.Misses.Add($"stored {stored} rows for {r.Successes} successes");
    }

    // Clean-up runs while the app may still finish requests wrk stopped waiting for, and while its outbox
    // dispatcher works on the same rows: a deadlock there is retried, not a failed scenario.
    private static async Task ExecAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var cmd = db.CreateCommand(sql);
                cmd.CommandTimeout = 300;
                await cmd.ExecuteNonQueryAsync(ct);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), ct);
            }
        }
    }

    public static string Summary(ScenarioResult r) => r.Status switch
    {
        "skipped" => r.Reason ?? "skipped",
        "failed" => "FAILED: " + r.Reason,
        _ => FormattableString.Invariant($"{r.RequestsPerSecond,8:F0} req/s  p50 {r.P50Ms,6:F1}  p95 {r.P95Ms,6:F1}  p99 {r.P99Ms,6:F1} ms  errors {r.Errors}")
            + (r.FloorRatio is { } f ? FormattableString.Invariant($"  floor {f:P0}") : "")
            + (r.Stored is { } s ? FormattableString.Invariant($"  stored {s}/{r.Successes}") : "")
            + FormattableString.Invariant($"  rss {r.PeakRssMb:F0} MB"),
    };

    // Resident memory of a process in MB from /proc/<pid>/status (VmRSS now, VmHWM the peak so far).
    public static double Rss(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
        }
        return 0;
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var mem = memKb is null ? "?" : $"{long.Parse(memKb, CultureInfo.InvariantCulture) / 1024 / 1024} GiB";
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {mem} RAM, {Environment.OSVersion}, .NET {Environment.Version}";
    }
}
