using HiringPlatform.Application.Domain.Candidates;

namespace HiringPlatform.Bench.Data;

// Where an application stands: a pure function of (seed, application index), so the candidate loader
// (which needs each candidate's last closing date) and the application loader compute the same thing.
internal sealed class AppPlan
{
    public required long Index { get; init; }
    public required int Candidate { get; init; }
    public required int Posting { get; init; }
    public required int Stage { get; init; }
    public required ApplicationStatus Status { get; init; }
    public required DateTimeOffset[] Entered { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public bool IsPool { get; init; }
    public DateTimeOffset AppliedAt => Entered[0];
}

internal sealed class Planner
{
    // Share of applications by furthest stage reached (Application review ... Offer): a steep funnel.
    private static readonly double[] Funnel = Cumulative([0.85, 0.05, 0.03, 0.02, 0.02, 0.012, 0.009, 0.009]);

    private readonly BenchSpec _spec;
    private readonly World _world;
    private readonly int[] _longTimelinePostings;
    private readonly TimeSpan _span;

    public Planner(World world)
    {
        _world = world;
        _spec = world.Spec;
        _span = BenchSpec.Reference.AddDays(-3) - BenchSpec.Start;
        var own = new[] { RegularPosting(0), RegularPosting(1) };
        _longTimelinePostings = Enumerable.Range(World.FirstRegularPosting + 1, world.OpenPostingsEnd - World.FirstRegularPosting - 1)
            .Where(p => !own.Contains(p)).Take(_spec.LongTimelineApplications).ToArray();
    }

    public long TotalApplications => _spec.Applications + _longTimelinePostings.Length;

    public DateTimeOffset CandidateCreated(int i) => BenchSpec.Start + _span * ((double)i / _spec.Candidates);

    public IEnumerable<long> ApplicationsOf(int i)
    {
        var d = _spec.TwoApplicationCandidates;
        if (i < d)
        {
            yield return 2L * i;
            yield return 2L * i + 1;
        }
        else
        {
            yield return (long)i + d;
        }
        if (i >= d && i < d + _spec.ScorerPool) yield return _spec.RegularApplications + (long)(i - d);
        if (i == 0)
            for (var k = 0; k < _longTimelinePostings.Length; k++) yield return _spec.Applications + (long)k;
    }

    public int CandidateOf(long j)
    {
        var d = _spec.TwoApplicationCandidates;
        if (j < 2L * d) return (int)(j / 2);
        if (j < _spec.RegularApplications) return (int)(j - d);
        if (j < _spec.Applications) return d + (int)(j - _spec.RegularApplications);
        return 0;
    }

    private bool IsBusiest(long j)
    {
        long b = _spec.BusiestApplications, r = _spec.RegularApplications;
        return (j + 1) * b / r > j * b / r;
    }

    private int RegularPosting(long j)
    {
        if (IsBusiest(j)) return World.BusiestPosting;
        var range = _world.OpenPostingsEnd - World.FirstRegularPosting;
        var p = World.FirstRegularPosting + (int)(Rng.Mix(_spec.Seed ^ (ulong)j * 0x2545F4914F6CDD1DUL) % (ulong)range);
        // A candidate's two applications go to two different postings.
        if (j % 2 == 1 && j < 2L * _spec.TwoApplicationCandidates && RegularPosting(j - 1) == p)
            p = World.FirstRegularPosting + (p - World.FirstRegularPosting + 1) % range;
        return p;
    }

    public AppPlan Plan(long j)
    {
        var candidate = CandidateOf(j);
        var created = CandidateCreated(candidate);
        var rng = new Rng(_spec.Seed, 7, j);
        var reference = BenchSpec.Reference;

        if (j >= _spec.RegularApplications && j < _spec.Applications)
        {
            // Scorer pool: waiting in the system design stage, its interview done, the scorecard not yet written.
            var applied = created.AddHours(1 + rng.Next(0, 48));
            return new AppPlan
            {
                Index = j, Candidate = candidate, Posting = World.PoolPosting, Stage = 2, Status = ApplicationStatus.Active,
                Entered = [applied, applied.AddDays(2), applied.AddDays(6)], IsPool = true,
            };
        }

        int posting;
        DateTimeOffset start;
        int stage;
        var longTimeline = j >= _spec.Applications;
        if (longTimeline)
        {
            var k = (int)(j - _spec.Applications);
            posting = _longTimelinePostings[k];
            start = created + _span * ((k + 1.0) / (_longTimelinePostings.Length + 2));
            stage = 1 + k % 7;
        }
        else
        {
            posting = RegularPosting(j);
            var first = j % 2 == 0 || j >= 2L * _spec.TwoApplicationCandidates;
            start = first ? created.AddMinutes(rng.Next(0, 180)) : created.AddDays(1 + rng.Next(0, 40)).AddMinutes(rng.Next(0, 600));
            stage = rng.PickWeighted(Funnel);
        }
        var latest = reference.AddHours(-2);
        if (start > latest) start = latest.AddMinutes(-rng.Next(0, 600));

        var entered = new DateTimeOffset[stage + 1];
        entered[0] = start;
        for (var m = 1; m <= stage; m++) entered[m] = entered[m - 1].AddDays(4 + rng.Next(0, 6)).AddMinutes(rng.Next(0, 600));
        // Recent applications have not got far yet.
        while (stage > 0 && entered[stage] > latest) stage--;
        if (entered.Length != stage + 1) entered = entered[..(stage + 1)];

        var roll = rng.NextDouble();
        var status = stage switch
        {
            0 => roll < 0.45 ? ApplicationStatus.Rejected : roll < 0.48 ? ApplicationStatus.Withdrawn : ApplicationStatus.Active,
            6 => roll < 0.30 ? ApplicationStatus.Rejected : ApplicationStatus.Active,
            7 => roll < 0.35 ? ApplicationStatus.Rejected : roll < 0.5 ? ApplicationStatus.Withdrawn : ApplicationStatus.Active,
            _ => roll < 0.35 ? ApplicationStatus.Rejected : roll < 0.40 ? ApplicationStatus.Withdrawn : ApplicationStatus.Active,
        };
        if (longTimeline) status = j - _spec.Applications >= _longTimelinePostings.Length - 2 ? ApplicationStatus.Active : ApplicationStatus.Rejected;
        DateTimeOffset? closed = null;
        if (status != ApplicationStatus.Active)
        {
            closed = entered[stage].AddDays(4 + rng.Next(0, 5)).AddMinutes(rng.Next(0, 300));
            if (closed > latest)
            {
                status = ApplicationStatus.Active;
                closed = null;
            }
        }
        return new AppPlan
        {
            Index = j, Candidate = candidate, Posting = posting, Stage = stage, Status = status, Entered = entered, ClosedAt = closed,
        };
    }

    private static double[] Cumulative(double[] weights)
    {
        var c = new double[weights.Length];
        double sum = 0;
        for (var i = 0; i < weights.Length; i++) c[i] = sum += weights[i];
        return c;
    }
}
