using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HiringPlatform.Bench.Harness;

// `report`: turns a run folder's per-set results (small.json, large.json) into bench/results/<stamp>.md and
// .json, with the growth ratio (large p95 / small p95) of every read scenario, and prints the Markdown.
public static class Report
{
    public static int Write(Args options)
    {
        var dir = options.Required("dir");
        var outDir = options.Required("out");
        var stamp = options.Optional("stamp") ?? DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var sets = new[] { "small", "large" }
            .Select(s => Path.Combine(dir, s + ".json"))
            .Where(File.Exists)
            .Select(f => JsonSerializer.Deserialize<SetResult>(File.ReadAllText(f), Runner.Json)!)
            .ToList();
        if (sets.Count == 0) throw new InvalidOperationException($"No small.json or large.json in {dir}.");

        var growth = new List<GrowthRow>();
        var small = sets.FirstOrDefault(s => s.Set == "small");
        var large = sets.FirstOrDefault(s => s.Set == "large");
        var targets = sets[0].Targets;
        if (small is not null && large is not null)
            foreach (var l in large.Scenarios.Where(x => x.Kind is "read" or "search" && x.Status == "ok"))
            {
                var s = small.Scenarios.FirstOrDefault(x => x.Name == l.Name && x.Status == "ok");
                if (s is null || s.P95Ms <= 0) continue;
                var ratio = l.P95Ms / s.P95Ms;
                growth.Add(new GrowthRow(l.Name, s.P95Ms, l.P95Ms, ratio, ratio <= targets.GrowthP95Ratio));
            }

        var md = Markdown(stamp, options.Optional("commit"), sets, growth, targets);
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, stamp + ".md"), md);
        File.WriteAllText(Path.Combine(outDir, stamp + ".json"), JsonSerializer.Serialize(new { stamp, commit = options.Optional("commit"), sets, growth }, Runner.Json));
        Console.WriteLine(md);
        Console.WriteLine($"[bench] results written to {Path.Combine(outDir, stamp)}.md and .json");
        return 0;
    }

    public sealed record GrowthRow(string Scenario, double SmallP95Ms, double LargeP95Ms, double Ratio, bool Met);

    private static string F(double v, string format = "F1") => v.ToString(format, CultureInfo.InvariantCulture);

    public static string Markdown(string stamp, string? commit, IReadOnlyList<SetResult> sets, IReadOnlyList<GrowthRow> growth, Targets targets)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark run {stamp}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {sets[0].Machine}");
        if (commit is not null) md.AppendLine(CultureInfo.InvariantCulture, $"- Commit: {commit}");
        foreach (var note in sets.SelectMany(s => s.Notes).Distinct()) md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        foreach (var set in sets)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {set.Set} set");
            md.AppendLine();
            var counts = set.Data.Where(d => d.Key.StartsWith("count_", StringComparison.Ordinal))
                .Select(d => $"{d.Key[6..]} {long.Parse(d.Value, CultureInfo.InvariantCulture):N0}");
            md.AppendLine(CultureInfo.InvariantCulture, $"Data: {string.Join(", ", counts)}.");
            if (set.Data.TryGetValue("load_seconds", out var load))
                md.AppendLine(CultureInfo.InvariantCulture, $"Loaded (COPY + indexes + foreign keys + ANALYZE) in {load} s when it was generated.");
            md.AppendLine();
            md.AppendLine("| scenario | conns | req/s | p50 ms | p95 ms | p99 ms | errors | vs floor | peak RSS MB | target | met |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
            foreach (var r in set.Scenarios)
            {
                if (r.Status != "ok")
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | | | | | | | | | | {r.Reason} |");
                    continue;
                }
                var target = new List<string>();
                if (r.TargetP95Ms is { } p) target.Add($"p95 ≤ {p} ms");
                if (r.TargetMinFloorRatio is { } f) target.Add($"≥ {f:P0} of floor");
                if (r.TargetMinSuccessRate is { } s) target.Add($"≥ {s}/s");
                if (r.Stored is not null) target.Add("stored = successes");
                var rate = r.Method == "POST" ? $"{F(r.RequestsPerSecond, "F0")} ({F(r.SuccessesPerSecond, "F0")} ok/s)" : F(r.RequestsPerSecond, "F0");
                var extra = r.Stored is { } st ? $", stored {st}/{r.Successes}" : "";
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.Name} | {r.Connections} | {rate} | {F(r.P50Ms)} | {F(r.P95Ms)} | {F(r.P99Ms)} | {r.Errors}{extra} | {(r.FloorRatio is { } fr ? fr.ToString("P0", CultureInfo.InvariantCulture) : "")} | {(r.PeakRssMb > 0 ? F(r.PeakRssMb, "F0") : "")} | {string.Join(", ", target)} | {(r.Misses.Count == 0 ? "yes" : "no: " + string.Join("; ", r.Misses))} |");
            }
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"App resident memory: {F(set.AppRssEndMb, "F0")} MB at the end (peak {F(set.AppPeakRssMb, "F0")} MB); target ≤ {targets.MaxRssMb} MB: {(set.AppRssEndMb <= targets.MaxRssMb ? "met" : "missed")}.");
        }
        if (growth.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Growth (large p95 / small p95)");
            md.AppendLine();
            md.AppendLine("| scenario | small p95 ms | large p95 ms | ratio | met (≤ " + F(targets.GrowthP95Ratio) + ") |");
            md.AppendLine("|---|---:|---:|---:|---|");
            foreach (var g in growth)
                md.AppendLine(CultureInfo.InvariantCulture, $"| {g.Scenario} | {F(g.SmallP95Ms)} | {F(g.LargeP95Ms)} | {F(g.Ratio, "F2")} | {(g.Met ? "yes" : "no")} |");
        }
        return md.ToString();
    }
}
