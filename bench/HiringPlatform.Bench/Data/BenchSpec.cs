namespace HiringPlatform.Bench.Data;

// Size of a generated data set. Applications = candidates + two-application candidates + pool; the
// busiest posting gets exactly BusiestApplications of the regular ones, spread evenly through the load.
public sealed record BenchSpec
{
    // Bump when the generated data changes shape: a database marked with another version is rebuilt.
    public const int GeneratorVersion = 3;

    public required string Name { get; init; }
    public ulong Seed { get; init; } = 20261123;
    public required int Candidates { get; init; }
    public required int Postings { get; init; }
    public required int Applications { get; init; }
    public required int BusiestApplications { get; init; }

    // Completed interviews waiting for the benchmark scorer's scorecard: what the scorecard POST scenario submits.
    public required int ScorerPool { get; init; }
    public required int Recruiters { get; init; }
    public required int HiringManagers { get; init; }
    public required int Interviewers { get; init; }

    // Extra applications of the one candidate whose profile has a long timeline.
    public int LongTimelineApplications { get; init; } = 38;
    public int LongTimelineNotes { get; init; } = 40;

    // Postings that never opened (drafts) get no applications; a few closed ones keep theirs.
    public int DraftPostings => Math.Max(1, Postings / 30);
    public int ClosedPostings => Math.Max(1, Postings / 15);

    // "Now" of the data set: fixed, so the same seed gives the same rows on any day.
    public static readonly DateTimeOffset Reference = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = Reference.AddDays(-730);

    public string DatabaseName => $"hiring_bench_{Name}";

    public static BenchSpec Large { get; } = new()
    {
        Name = "large", Candidates = 1_000_000, Postings = 300, Applications = 1_500_000, BusiestApplications = 20_000,
        ScorerPool = 10_000, Recruiters = 20, HiringManagers = 60, Interviewers = 400,
    };

    public static BenchSpec Small { get; } = new()
    {
        Name = "small", Candidates = 10_000, Postings = 30, Applications = 15_000, BusiestApplications = 2_000,
        ScorerPool = 3_000, Recruiters = 5, HiringManagers = 10, Interviewers = 40, LongTimelineApplications = 20,
    };

    // For the CI test of the generator itself.
    public static BenchSpec Tiny { get; } = new()
    {
        Name = "tiny", Candidates = 300, Postings = 10, Applications = 450, BusiestApplications = 100,
        ScorerPool = 20, Recruiters = 2, HiringManagers = 3, Interviewers = 8,
        LongTimelineApplications = 3, LongTimelineNotes = 5,
    };

    public static BenchSpec Named(string name) => name switch
    {
        "large" => Large,
        "small" => Small,
        "tiny" => Tiny,
        _ => throw new ArgumentException($"Unknown data set '{name}': use small or large."),
    };

    public int RegularApplications => Applications - ScorerPool;

    // Candidates [0, TwoApplicationCandidates) apply twice.
    public int TwoApplicationCandidates => RegularApplications - Candidates;

    public void Validate()
    {
        if (TwoApplicationCandidates < 0 || TwoApplicationCandidates > Candidates - ScorerPool)
            throw new InvalidOperationException($"Set {Name}: applications must lie between candidates + pool and 2 x candidates.");
        if (Postings < 6) throw new InvalidOperationException("Need at least 6 postings.");
        if (LongTimelineApplications > Postings - DraftPostings - ClosedPostings - 5)
            throw new InvalidOperationException("Not enough postings for the long-timeline candidate.");
    }
}
