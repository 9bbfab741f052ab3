using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace HiringPlatform.Bench.Harness;

// scenarios.json: the benchmark's scenario list and targets. Placeholders in {braces} are filled from the data
// set's bench_meta marker ({busiest_posting_id}, {rare_word}, ...), the benchmark users' ids ({user_id_scorer})
// and the run ({run}, a lowercase token unique to this run).
public sealed class ScenarioFile
{
    // True until every page exists: a scenario whose page is missing (404, or an anonymous page that redirects to
    // sign-in) is reported as "skipped: page not present" instead of failing the run.
    public bool SkipMissingPages { get; init; } = true;
    public int DurationSeconds { get; init; } = 10;
    public int WarmupSeconds { get; init; } = 2;
    public Dictionary<string, int> Connections { get; init; } = new() { ["read"] = 16, ["search"] = 8, ["post"] = 8, ["floor"] = 16 };
    public Targets Targets { get; init; } = new();
    public List<Scenario> Scenarios { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ScenarioFile Load(string path) =>
        JsonSerializer.Deserialize<ScenarioFile>(File.ReadAllText(path), Json) ?? throw new InvalidOperationException($"Empty scenario file {path}");
}

public sealed class Targets
{
    public double ReadP95Ms { get; init; } = 100;
    public double GrowthP95Ratio { get; init; } = 1.5;
    public double MaxRssMb { get; init; } = 500;
}

public sealed class Scenario
{
    public required string Name { get; init; }

    // floor | read | search | post
    public required string Kind { get; init; }

    // A benchmark user key (admin, recruiter, hiring-manager, interviewer, scorer); none = anonymous.
    public string? Role { get; init; }
    public string Method { get; init; } = "GET";
    public required string Path { get; init; }

    // POST: the page whose form is submitted (its antiforgery token, hidden fields and field names are used).
    public string? Form { get; init; }

    // POST: one id per request (pool items), substituted for {id} in Path and Form.
    public string? IdsSql { get; init; }

    // POST: field values that override the generic form filling (BENCHUNIQUE becomes a per-request token).
    public Dictionary<string, string>? Fields { get; init; }

    // POST: stored rows to count after the run (compared with the successes), and how to put the data back.
    public string? CountSql { get; init; }
    public List<string>? CleanupSql { get; init; }

    public double? P95Ms { get; init; }
    public double? MinFloorRatio { get; init; }
    public double? MinSuccessRate { get; init; }
    public string? Note { get; init; }

    public bool IsRead => Kind is "read" or "search";
    public bool IsPost => string.Equals(Method, "POST", StringComparison.OrdinalIgnoreCase);
}

public static partial class Placeholders
{
    [GeneratedRegex(@"\{([a-z0-9_\-]+)\}")]
    private static partial Regex Token();

    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Token().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidOperationException($"Unknown placeholder {m.Value} in '{template}'."));
}
