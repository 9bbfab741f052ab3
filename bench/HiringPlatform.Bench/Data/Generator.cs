using System.Text;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using Npgsql;

namespace HiringPlatform.Bench.Data;

// Streams the big tables through binary COPY. Two producers run side by side: candidates (PostgreSQL spends
// most of its time computing search_vector there) and applications with everything hanging off them.
internal sealed class Generator(World world, Planner planner)
{
    private readonly BenchSpec _spec = world.Spec;
    private static readonly DateTimeOffset Reference = BenchSpec.Reference;

    public Dictionary<string, long> Counts { get; } = [];
    public Dictionary<string, string> Meta { get; } = [];

    // PostgreSQL CPU seconds by producer ("candidates", "applications").
    public Dictionary<string, double> BackendCpuSeconds { get; } = [];

    private static readonly string[] Evidence =
    [
        "Explained the trade-off between consistency and latency with numbers.",
        "Walked through the query plan and named the missing index.",
        "Asked about load and failure modes before drawing anything.",
        "Wrote tests first and covered the error paths.",
        "Raised token expiry and object-level authorization unprompted.",
        "Needed hints to find the root cause; recovered well.",
        "Gave a vague answer about scaling; no concrete example.",
        "Reviewed the generated code line by line and found the injection.",
        "Described a post-incident review whose actions were followed through.",
        "Explained the design decision clearly to a non-technical listener.",
        "Proposed a versioning plan that keeps old clients working.",
        "Missed the race condition until prompted.",
    ];

    private static readonly string[] Links = ["https://meet.example.com/room-a", "https://meet.example.com/room-b", "Office, room 4.12"];

    public void WriteSmallTables(NpgsqlConnection connection)
    {
        Copy(connection, Tables.Users, world.Users);
        Copy(connection, Tables.UserRoles, world.UserRoles);
        Copy(connection, Tables.Postings, world.Postings.Select(p => p.Row));
        Copy(connection, Tables.PostingEvents, world.PostingEvents());
        Copy(connection, Tables.TeamMembers, world.TeamMembers());
        Copy(connection, Tables.ScreeningQuestions, world.ScreeningQuestions());
        Copy(connection, Tables.Stages, world.Stages());
        Copy(connection, Tables.StageFocus, world.StageFocus());
        Copy(connection, Tables.StageQuestions, world.StageQuestions());
        Copy(connection, Tables.StageInterviewers, world.StageInterviewers());
        Copy(connection, Tables.RubricItems, world.RubricItems());
    }

    private void Copy<TRow>(NpgsqlConnection connection, TableSpec<TRow> table, IEnumerable<TRow> rows)
    {
        using var tx = connection.BeginTransaction();
        using (var truncate = new NpgsqlCommand($"TRUNCATE {Sql.Quote(table.Name)}", connection, tx)) truncate.ExecuteNonQuery();
        long n = 0;
        using (var importer = connection.BeginBinaryImport(table.CopyCommand.Replace("(FORMAT BINARY)", "(FORMAT BINARY, FREEZE)", StringComparison.Ordinal)))
        {
            foreach (var row in rows)
            {
                table.Write(importer, row);
                n++;
            }
            importer.Complete();
        }
        tx.Commit();
        lock (Counts) Counts[table.Name] = n;
    }

    public void WriteCandidates(NpgsqlConnection candidatesConnection, NpgsqlConnection notesConnection)
    {
        Copy(candidatesConnection, Tables.Candidates, Candidates());
        Copy(notesConnection, Tables.Notes, Notes());
        var cpu = BackendCpu.Of(candidatesConnection) + BackendCpu.Of(notesConnection);
        lock (BackendCpuSeconds) BackendCpuSeconds["candidates"] = cpu;
    }

    private IEnumerable<CandidateRow> Candidates()
    {
        var sb = new StringBuilder(2048);
        for (var i = 0; i < _spec.Candidates; i++)
        {
            var rng = new Rng(_spec.Seed, 6, i);
            var first = rng.Pick(Words.FirstNames);
            var last = rng.Pick(Words.LastNames);
            var created = planner.CandidateCreated(i);
            DateTimeOffset? lastClosed = null;
            var updated = created;
            foreach (var j in planner.ApplicationsOf(i))
            {
                var plan = planner.Plan(j);
                if (plan.ClosedAt is { } c && (lastClosed is null || c > lastClosed)) lastClosed = c;
                if (plan.AppliedAt > updated) updated = plan.AppliedAt;
            }
            var roll = rng.NextDouble();
            var source = roll < 0.7 ? CandidateSource.CareersSite : roll < 0.8 ? CandidateSource.Referral : roll < 0.9 ? CandidateSource.Agency : CandidateSource.Sourced;
            var slug = $"{first}.{last}".ToLowerInvariant();
            var email = $"{slug}.{i}@{(i % 3) switch { 0 => "example.com", 1 => "example.org", _ => "example.net" }}";
            var resume = Words.Resume(ref rng, rng.Next(3, 20), sb);
            string[] tags = rng.Chance(0.1) ? [rng.Pick(Words.Skills[..20])] : [];
            var row = new CandidateRow(
                BenchIds.Make(IdKind.Candidate, i, created, _spec.Seed),
                i == 0 ? "Morgan Longtimeline" : $"{first} {last}",
                i == 0 ? $"morgan.longtimeline@{World.EmailDomain}" : email,
                rng.Chance(0.6) ? $"+1 555 {i % 10_000_000:0000000}" : null,
                rng.Chance(0.8) ? rng.Pick(Words.Cities) : null,
                rng.Chance(0.7) ? rng.Pick(Words.TimeZones) : null,
                rng.Chance(0.5) ? $"https://www.linkedin.com/in/{first}-{last}-{i}".ToLowerInvariant() : null,
                rng.Chance(0.3) ? $"https://github.com/{first}{last}{i}".ToLowerInvariant() : null,
                source.ToString(),
                source switch
                {
                    CandidateSource.Referral => "Referred by " + world.Users[5 + i % (world.Users.Count - 5)].DisplayName,
                    CandidateSource.Agency => "Northwind Talent",
                    CandidateSource.Sourced => "Sourced on LinkedIn",
                    _ => null,
                },
                tags, resume, lastClosed, created, updated);
            yield return row;
        }
        Meta["long_timeline_candidate_id"] = BenchIds.Make(IdKind.Candidate, 0, planner.CandidateCreated(0), _spec.Seed).ToString();
        var probe = new Rng(_spec.Seed, 6, 4242 % _spec.Candidates);
        var pf = probe.Pick(Words.FirstNames);
        var pl = probe.Pick(Words.LastNames);
        var pi = 4242 % _spec.Candidates;
        Meta["search_email"] = $"{pf}.{pl}.{pi}@{(pi % 3) switch { 0 => "example.com", 1 => "example.org", _ => "example.net" }}".ToLowerInvariant();
    }

    private IEnumerable<NoteRow> Notes()
    {
        var candidate = BenchIds.Make(IdKind.Candidate, 0, planner.CandidateCreated(0), _spec.Seed);
        for (var k = 0; k < _spec.LongTimelineNotes; k++)
        {
            var at = planner.CandidateCreated(0).AddDays(5 + k * 17.0);
            if (at > Reference) at = Reference.AddHours(-k);
            yield return new NoteRow(BenchIds.Make(IdKind.Note, k, at, _spec.Seed), candidate, null,
                world.BenchUserIds["recruiter"], $"Check-in {k + 1}: still interested; prefers remote roles with an overlap of a few hours.", at);
        }
    }

    private sealed class Sinks(Func<string, NpgsqlConnection> connect) : IDisposable
    {
        private readonly List<(NpgsqlConnection Connection, NpgsqlTransaction Tx, NpgsqlBinaryImporter Importer, string Table)> _open = [];
        public Dictionary<string, long> Counts { get; } = [];
        public double CpuSeconds { get; private set; }

        public Action<TRow> Open<TRow>(TableSpec<TRow> table)
        {
            var connection = connect(table.Name);
            var tx = connection.BeginTransaction();
            using (var truncate = new NpgsqlCommand($"TRUNCATE {Sql.Quote(table.Name)}", connection, tx)) truncate.ExecuteNonQuery();
            var importer = connection.BeginBinaryImport(table.CopyCommand.Replace("(FORMAT BINARY)", "(FORMAT BINARY, FREEZE)", StringComparison.Ordinal));
            _open.Add((connection, tx, importer, table.Name));
            Counts[table.Name] = 0;
            return row =>
            {
                table.Write(importer, row);
                Counts[table.Name]++;
            };
        }

        public void Complete()
        {
            foreach (var (connection, tx, importer, _) in _open)
            {
                importer.Complete();
                importer.Dispose();
                tx.Commit();
                CpuSeconds += BackendCpu.Of(connection);
            }
        }

        public void Dispose()
        {
            foreach (var (connection, _, importer, _) in _open)
            {
                importer.Dispose();
                connection.Dispose();
            }
        }
    }

    public void WriteApplications(Func<string, NpgsqlConnection> connect)
    {
        using var sinks = new Sinks(connect);
        var apps = sinks.Open(Tables.Applications);
        var activity = sinks.Open(Tables.Activity);
        var interviews = sinks.Open(Tables.Interviews);
        var participants = sinks.Open(Tables.Participants);
        var scorecards = sinks.Open(Tables.Scorecards);
        var ratings = sinks.Open(Tables.Ratings);
        var decisions = sinks.Open(Tables.Decisions);
        long nInterview = 0, nScorecard = 0, nActivity = 0, nDecision = 0;
        var bestScoreRank = -1;
        var scorer = world.BenchUserIds["scorer"];
        var weights = world.Weights;
        var competencyById = world.Ref.Competencies.Values.ToDictionary(c => c.Id);
        var competencySums = new Dictionary<Guid, (int Sum, int Count)>();
        var competencyIds = competencyById.Keys.Order().ToArray();

        for (long j = 0; j < planner.TotalApplications; j++)
        {
            var plan = planner.Plan(j);
            var posting = world.Postings[plan.Posting];
            var rng = new Rng(_spec.Seed, 8, j);
            var candidateId = BenchIds.Make(IdKind.Candidate, plan.Candidate, planner.CandidateCreated(plan.Candidate), _spec.Seed);
            var appId = BenchIds.Make(IdKind.Application, j, plan.AppliedAt, _spec.Seed);
            var recruiter = posting.Recruiters[0];
            var quality = 1.0 + rng.NextDouble() * 3.0;
            competencySums.Clear();

            void Event(DateTimeOffset at, Guid? actor, ActivityKind kind, string summary) =>
                activity(new ActivityRow(BenchIds.Make(IdKind.Activity, nActivity++, at, _spec.Seed), candidateId, appId, at, actor, kind.ToString(), summary));

            Event(plan.AppliedAt, null, ActivityKind.Applied, $"Applied to {posting.Row.Title}");
            for (var m = 1; m <= plan.Stage; m++)
                Event(plan.Entered[m], recruiter, ActivityKind.Moved, $"Moved to {posting.Stages[m].Seed.Name}");

            // Interviews for every scored stage reached (recruiter screen, then the four interviews).
            var lastScored = Math.Min(plan.Stage, 5);
            for (var k = 1; k <= lastScored; k++)
            {
                // A pool application has only the interview whose scorecard the benchmark submits.
                if (plan.IsPool && k != 2) continue;
                var stage = posting.Stages[k];
                var startsAt = plan.Entered[k].AddDays(1 + rng.Next(0, 2)).AddHours(rng.Next(0, 8));
                var status = InterviewStatus.Completed;
                if (k == plan.Stage && plan.Status == ApplicationStatus.Active && !plan.IsPool && (startsAt > Reference.AddHours(-2) || rng.Chance(0.2)))
                {
                    startsAt = Reference.AddDays(1 + rng.Next(0, 14)).AddHours(rng.Next(8, 17));
                    status = InterviewStatus.Scheduled;
                }
                else if (k == plan.Stage && plan.Status == ApplicationStatus.Withdrawn && rng.Chance(0.5))
                {
                    status = InterviewStatus.Cancelled;
                }
                if (status != InterviewStatus.Scheduled && startsAt > Reference.AddHours(-2)) startsAt = Reference.AddHours(-2 - rng.Next(0, 20));
                var interviewId = BenchIds.Make(IdKind.Interview, nInterview++, plan.Entered[k], _spec.Seed);
                interviews(new InterviewRow(interviewId, appId, posting.Id, stage.Id, startsAt, stage.Seed.DurationMinutes, rng.Pick(Links), status.ToString(), plan.Entered[k]));

                // Who still owes a scorecard: screens and the pool never get one here; panels get theirs unless the
                // interview is upcoming, cancelled or just happened (see below).
                var endsAt = startsAt.AddMinutes(stage.Seed.DurationMinutes);
                var scored = status == InterviewStatus.Completed && startsAt <= Reference.AddDays(-2);
                DateTimeOffset? owed = status == InterviewStatus.Cancelled ? null : endsAt;
                DateTimeOffset? scheduled = status == InterviewStatus.Cancelled ? null : startsAt;
                if (stage.Seed.Kind == StageKind.Screen)
                {
                    participants(new ParticipantRow(interviewId, recruiter, scheduled, owed));
                    continue;
                }
                if (plan.IsPool)
                {
                    participants(new ParticipantRow(interviewId, scorer, scheduled, owed));
                    continue;
                }
                // Panels of four; the system design interview, the broadest, has five.
                var first = rng.Next(posting.Panel.Length);
                var size = stage.Order == 2 ? 5 : 4;
                var panel = Enumerable.Range(0, size).Select(x => posting.Panel[(first + x) % posting.Panel.Length]).Distinct().ToArray();
                foreach (var p in panel) participants(new ParticipantRow(interviewId, p, scheduled, scored ? null : owed));
                // Feedback lands within two days; interviews that just happened still wait for theirs.
                if (!scored) continue;
                foreach (var interviewer in panel)
                {
                    var submittedAt = startsAt.AddMinutes(stage.Seed.DurationMinutes).AddHours(2 + rng.Next(0, 30));
                    var scorecardId = BenchIds.Make(IdKind.Scorecard, nScorecard++, startsAt, _spec.Seed);
                    var total = 0;
                    foreach (var c in stage.Focus)
                    {
                        var rating = Math.Clamp((int)Math.Round(quality + rng.NextDouble() * 2 - 1), 1, 4);
                        total += rating;
                        var s = competencySums.GetValueOrDefault(c.Id);
                        competencySums[c.Id] = (s.Sum + rating, s.Count + 1);
                        ratings(new RatingRow(scorecardId, c.Id, c.VersionId, c.Name, rating, rng.Pick(Evidence)));
                    }
                    var recommendation = (Recommendation)Math.Clamp((int)Math.Round((double)total / stage.Focus.Length), 1, 4);
                    var level = quality > 3.4 ? JobLevel.Staff : quality > 2.2 ? JobLevel.Senior : JobLevel.Mid;
                    scorecards(new ScorecardRow(scorecardId, interviewId, appId, interviewer, nameof(ScorecardStatus.Submitted),
                        recommendation.ToString(), level.ToString(), submittedAt, startsAt));
                }
            }

            decimal? weighted = null;
            if (competencySums.Count > 0)
            {
                decimal num = 0, den = 0;
                foreach (var (id, s) in competencySums)
                {
                    var w = weights[id];
                    num += w * s.Sum / s.Count;
                    den += w;
                }
                weighted = Math.Round(num / den, 2);
            }

            string? rejection = null;
            Guid? rejectionCompetency = null;
            string? rejectionNote = null;
            if (plan.Status == ApplicationStatus.Rejected)
            {
                var r = rng.NextDouble();
                var reason = r < 0.4 ? RejectionReason.SkillsGap : r < 0.65 ? RejectionReason.ExperienceLevel : r < 0.75 ? RejectionReason.Compensation
                    : r < 0.85 ? RejectionReason.LocationOrTimeZone : r < 0.9 ? RejectionReason.PositionFilled : RejectionReason.Other;
                rejection = reason.ToString();
                if (reason == RejectionReason.SkillsGap) rejectionCompetency = rng.Pick(competencyIds);
                if (reason == RejectionReason.Other) rejectionNote = "Not a fit for the team's current needs.";
                Event(plan.ClosedAt!.Value, recruiter, ActivityKind.Rejected, "Rejected: " + reason);
            }
            else if (plan.Status == ApplicationStatus.Withdrawn)
            {
                Event(plan.ClosedAt!.Value, null, ActivityKind.Withdrawn, "Withdrew the application");
            }

            if (plan.Stage == 7 || (plan.Stage == 6 && plan.Status == ApplicationStatus.Rejected))
            {
                var offer = plan.Stage == 7;
                var at = offer ? plan.Entered[7].AddHours(-1) : plan.ClosedAt!.Value.AddHours(-1);
                decisions(new DecisionRow(BenchIds.Make(IdKind.Decision, nDecision++, at, _spec.Seed), appId, posting.HiringManager,
                    (offer ? DecisionKind.Offer : DecisionKind.Reject).ToString(),
                    offer ? "Strong evidence across the must-have competencies; the panel agrees." : "Gaps in must-have competencies outweigh the strengths.",
                    offer ? null : rejection, at));
                Event(at, posting.HiringManager, ActivityKind.DecisionRecorded, offer ? "Decision: offer" : "Decision: reject");
            }

            var updated = plan.ClosedAt ?? plan.Entered[plan.Stage];
            apps(new ApplicationRow(appId, candidateId, posting.Id, posting.Stages[plan.Stage].Id, plan.Status.ToString(),
                nameof(CandidateSource.CareersSite), plan.AppliedAt, plan.Entered[plan.Stage],
                plan.ClosedAt, rejection, rejectionCompetency, rejectionNote,
                rng.Chance(0.3) ? "I have run PostgreSQL-backed services at scale and would love to talk." : null,
                plan.AppliedAt, weighted, updated));

            // The score matrix scenario: an active application of the busiest posting at its debrief, else the
            // furthest-along scored one (small sets may have no debrief yet).
            if (weighted is not null)
            {
                var rank = (plan.Posting == World.BusiestPosting ? 100 : 0) + (plan.Stage == 6 ? 50 : plan.Stage * 5)
                    + (plan.Status == ApplicationStatus.Active ? 1 : 0);
                if (rank > bestScoreRank)
                {
                    bestScoreRank = rank;
                    Meta["score_application_id"] = appId.ToString();
                }
            }
        }
        sinks.Complete();
        lock (BackendCpuSeconds) BackendCpuSeconds["applications"] = sinks.CpuSeconds;
        lock (Counts)
            foreach (var (table, n) in sinks.Counts) Counts[table] = n;

        var busiest = world.Postings[World.BusiestPosting];
        Meta["busiest_posting_id"] = busiest.Id.ToString();
        Meta["board_stage_id"] = busiest.Stages[0].Id.ToString();
        Meta["compare_stage_id"] = busiest.Stages[2].Id.ToString();
        Meta["apply_posting_id"] = world.Postings[World.ApplyPosting].Id.ToString();
        Meta["pool_posting_id"] = world.Postings[World.PoolPosting].Id.ToString();
        Meta["pool_stage_id"] = world.Postings[World.PoolPosting].Stages[2].Id.ToString();
    }
}
