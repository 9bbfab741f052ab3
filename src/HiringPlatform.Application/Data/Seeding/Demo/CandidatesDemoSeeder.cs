using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using HiringPlatform.Application.Features.JobPostings;
using HiringPlatform.Application.Features.JobPostings.Shared;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Data.Seeding.Demo;

// A busy pipeline for every open posting: about seventy candidates with plausible names, places, time zones,
// sources, tags and résumés, spread over the stages (more early than late), some rejected with structured reasons,
// some withdrawn, a few long closed (so the retention list has entries), notes, timeline events, and two pairs of
// possible duplicates (same name and phone; same LinkedIn). Deterministic and idempotent: it runs once.
public sealed class CandidatesDemoSeeder(AppDbContext db, TimeProvider clock) : IDemoSeeder
{
    public const string EmailDomain = "candidates.demo.hiringplatform.dev";

    public int Order => 20;

    private static readonly string[] FirstNames =
    [
        "Amara", "Mateo", "Yuki", "Priyanka", "Lars", "Chioma", "Diego", "Ingrid", "Kenji", "Fatima", "Oliver", "Zanele", "Luca", "Mei", "Tomasz",
        "Aisha", "Rafael", "Sofia", "Emeka", "Hana", "Nikolai", "Leila", "Samuel", "Valentina", "Arjun", "Camille", "Kwame", "Elif", "Jonas", "Thandiwe",
        "Marco", "Anya", "Tariq", "Greta", "Daniel", "Noor", "Felipe", "Ayesha", "Henrik", "Nadia", "Bruno", "Keiko", "Omar", "Clara", "Ravi",
    ];

    private static readonly string[] LastNames =
    [
        "Okafor", "García", "Tanaka", "Sharma", "Johansson", "Eze", "Hernández", "Larsen", "Watanabe", "Haddad", "Bennett", "Dlamini", "Rossi", "Chen",
        "Kowalski", "Rahman", "Silva", "Moreau", "Nwosu", "Kim", "Petrov", "Farahani", "Adeyemi", "López", "Iyer", "Dubois", "Mensah", "Yilmaz",
        "Schmidt", "Mokoena", "Bianchi", "Volkova", "Aziz", "Lindqvist", "Cohen", "Malik", "Costa", "Siddiqui", "Nielsen", "Novak",
    ];

    private static readonly (string Location, string Zone, string Dial)[] Places =
    [
        ("Lisbon, Portugal", "Europe/Lisbon", "+351 21"), ("Berlin, Germany", "Europe/Berlin", "+49 30"), ("Toronto, Canada", "America/Toronto", "+1 416"),
        ("Austin, USA", "America/Chicago", "+1 512"), ("Lagos, Nigeria", "Africa/Lagos", "+234 1"), ("Bengaluru, India", "Asia/Kolkata", "+91 80"),
        ("Warsaw, Poland", "Europe/Warsaw", "+48 22"), ("São Paulo, Brazil", "America/Sao_Paulo", "+55 11"), ("London, UK", "Europe/London", "+44 20"),
        ("Nairobi, Kenya", "Africa/Nairobi", "+254 20"), ("Stockholm, Sweden", "Europe/Stockholm", "+46 8"), ("Mexico City, Mexico", "America/Mexico_City", "+52 55"),
        ("Seattle, USA", "America/Los_Angeles", "+1 206"), ("Cape Town, South Africa", "Africa/Johannesburg", "+27 21"), ("Madrid, Spain", "Europe/Madrid", "+34 91"),
    ];

    private static readonly string[] Languages = ["Go", "Python", "Java", "Kotlin", "Node.js", "TypeScript", "Rust", "C#", "C++", "Elixir"];
    private static readonly string[] Stores = ["PostgreSQL", "MySQL", "Redis", "Cassandra", "DynamoDB", "MongoDB", "Elasticsearch", "ClickHouse"];
    private static readonly string[] Systems = ["payments platform", "order pipeline", "search service", "notification system", "billing engine",
        "identity provider", "logistics tracker", "analytics ingestion pipeline", "marketplace API", "video transcoding backend"];
    private static readonly string[] Practices = ["Kafka event streaming", "gRPC APIs", "REST and OpenAPI contracts", "GraphQL federation", "Kubernetes deployments",
        "Terraform infrastructure as code", "OpenTelemetry tracing", "Prometheus and Grafana dashboards", "blue-green releases", "chaos testing",
        "OAuth2 and OIDC", "zero-downtime schema migrations", "CQRS and event sourcing", "rate limiting", "multi-region failover"];
    private static readonly string[] Tags = ["golang", "rust", "kafka", "postgres", "distributed systems", "fintech", "strong sql", "mentor", "open source",
        "security", "on-call veteran", "ex-startup", "kubernetes", "api design", "relocation", "visa sponsorship"];
    private static readonly string[] Agencies = ["TechTalent Partners", "Northstar Recruiting", "Bridge Engineering Search"];
    private static readonly string[] NoteTexts =
    [
        "Clear communicator on the intro call; asked sharp questions about our on-call rotation.",
        "Strong open-source track record — worth a look at their GitHub before the system design round.",
        "Notice period is two months; flagged to the hiring manager.",
        "Salary expectation sits at the top of the band. Discuss before an offer.",
        "Prefers async collaboration; overlaps four hours with the team's core hours.",
        "Referred by a former colleague who vouched for their incident handling.",
    ];

    // Stage weights: a pipeline is wide at the top and narrow at the bottom.
    private static readonly int[] StageWeights = [30, 20, 12, 10, 8, 8, 6, 3];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Candidates.AnyAsync(c => c.Email.EndsWith("@" + EmailDomain), ct)) return;
        var users = await db.Users.Where(u => DemoUsers.All.Select(d => d.Email).Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u, ct);
        if (!users.TryGetValue(DemoUsers.Recruiter.Email, out var recruiter) || !users.TryGetValue(DemoUsers.HiringManager.Email, out var manager)) return;
        var now = clock.GetUtcNow();

        var postings = await db.JobPostings.Where(p => p.Status == PostingStatus.Open).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        if (postings.Count == 0)
        {
            var team = new List<(Guid, TeamRole)> { (recruiter.Id, TeamRole.Recruiter), (manager.Id, TeamRole.HiringManager) };
            foreach (var i in new[] { DemoUsers.Interviewer, DemoUsers.Interviewer2 })
                if (users.TryGetValue(i.Email, out var interviewer)) team.Add((interviewer.Id, TeamRole.Interviewer));
            var created = await TemplateLibrary.NewFromTemplateAsync(db, team, ct);
            created.Posting.SubmitForApproval(recruiter.Id, now.AddDays(-60));
            created.Posting.Approve(manager.Id, now.AddDays(-59), "Approved for the demo.");
            TemplateLibrary.Add(db, created);
            await db.SaveChangesAsync(ct);
            postings = [new { created.Posting.Id, created.Posting.Title }];
        }
        var postingIds = postings.Select(p => p.Id).ToList();
        var stages = (await db.InterviewStages.Where(s => postingIds.Contains(s.PostingId)).OrderBy(s => s.Order)
                .Select(s => new { s.Id, s.PostingId, s.Name }).ToListAsync(ct))
            .GroupBy(s => s.PostingId).ToDictionary(g => g.Key, g => g.ToList());
        var rubric = (await db.RubricItems.Where(r => postingIds.Contains(r.PostingId)).Select(r => new { r.PostingId, r.CompetencyId }).ToListAsync(ct))
            .GroupBy(r => r.PostingId).ToDictionary(g => g.Key, g => g.Select(r => r.CompetencyId).ToList());

        var random = new Random(20);
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        var candidates = new List<Candidate>();
        const int count = 72;
        for (var n = 0; n < count; n++)
        {
            var first = FirstNames[n % FirstNames.Length];
            var last = LastNames[(n * 7 + n / FirstNames.Length) % LastNames.Length];
            var place = Pick(Places);
            var candidate = new Candidate($"{first} {last}", $"{Slug(first)}.{Slug(last)}{n}@{EmailDomain}")
            {
                Phone = $"{place.Dial} {random.Next(100, 999)} {random.Next(1000, 9999)}",
                Location = place.Location,
                TimeZoneId = place.Zone,
                LinkedInUrl = random.Next(3) > 0 ? $"https://www.linkedin.com/in/{Slug(first)}-{Slug(last)}-{n}" : null,
                GitHubUrl = random.Next(2) == 0 ? $"https://github.com/{Slug(first)}{Slug(last)}" : null,
                ResumeText = Resume(random, first, last),
            };
            var source = random.Next(10) switch { < 5 => CandidateSource.CareersSite, < 7 => CandidateSource.Referral, < 8 => CandidateSource.Agency, _ => CandidateSource.Sourced };
            candidate.Source = source;
            candidate.SourceDetail = source switch
            {
                CandidateSource.Referral => Pick(new[] { DemoUsers.HiringManager.DisplayName, "Jamie Fox (Platform team)", "Noor Haddad (Payments)" }),
                CandidateSource.Agency => Pick(Agencies),
                CandidateSource.Sourced => $"{DemoUsers.Recruiter.DisplayName} on LinkedIn",
                _ => null,
            };
            foreach (var tag in Tags.OrderBy(_ => random.Next()).Take(random.Next(0, 4))) candidate.AddTag(tag);
            candidates.Add(candidate);
        }

        // Two pairs of possible duplicates: the same person applied twice with another email.
        var twin = candidates[3];
        var samePhone = new Candidate(twin.FullName, $"{Slug(twin.FullName)}.personal@{EmailDomain}")
        { Phone = twin.Phone!.Replace(" ", "-", StringComparison.Ordinal), Location = twin.Location, TimeZoneId = twin.TimeZoneId, ResumeText = twin.ResumeText };
        var linked = candidates.First(c => c.LinkedInUrl is not null && c != twin);
        var sameLinkedIn = new Candidate(linked.FullName.Split(' ')[0][0] + ". " + linked.FullName.Split(' ')[1], $"{Slug(linked.FullName)}.work@{EmailDomain}")
        {
            LinkedInUrl = linked.LinkedInUrl!.Replace("https://www.", "http://", StringComparison.Ordinal) + "/", Source = CandidateSource.Sourced,
            SourceDetail = $"{DemoUsers.Recruiter.DisplayName} on LinkedIn"
        };
        candidates.Add(samePhone);
        candidates.Add(sameLinkedIn);

        var reasons = new[] { RejectionReason.SkillsGap, RejectionReason.SkillsGap, RejectionReason.ExperienceLevel, RejectionReason.Compensation,
            RejectionReason.LocationOrTimeZone, RejectionReason.PositionFilled, RejectionReason.Other };
        for (var n = 0; n < candidates.Count; n++)
        {
            var candidate = candidates[n];
            var longAgo = n % 24 == 5;
            var appliedAt = longAgo ? now.AddMonths(-30).AddDays(-random.Next(30)) : now.AddDays(-random.Next(1, 55)).AddHours(-random.Next(24));
            candidate.CreatedAt = appliedAt;
            db.Candidates.Add(candidate);
            var posting = postings[n % postings.Count];
            var plan = stages[posting.Id];
            var target = longAgo ? random.Next(2) : WeightedStage(random, plan.Count);
            var application = new JobApplication(candidate.Id, posting.Id, plan[0].Id, candidate.Source, candidate.SourceDetail, appliedAt);
            db.Applications.Add(application);
            db.ActivityEvents.Add(new ActivityEvent(candidate.Id, application.Id, appliedAt, candidate.Source == CandidateSource.CareersSite ? null : recruiter.Id,
                ActivityKind.Applied, candidate.Source == CandidateSource.CareersSite ? $"Applied on the careers site · {posting.Title}" : $"Added to {posting.Title} by {recruiter.DisplayName}"));
            var at = appliedAt;
            for (var s = 1; s <= target; s++)
            {
                at = at.AddDays(random.Next(1, 6)).AddHours(random.Next(1, 8));
                if (at > now) at = now.AddMinutes(-target + s);
                // Its timeline row comes from the ApplicationMoved event when this is saved (ADR-0022).
                application.MoveTo(plan[s].Id, at);
            }
            if (n % 5 == 1 || n % 7 == 3 || longAgo)
            {
                at = longAgo ? at.AddDays(20) : at.AddDays(1) < now ? at.AddDays(1) : now.AddMinutes(-1);
                var reason = Pick(reasons);
                var competency = reason == RejectionReason.SkillsGap ? Pick(rubric[posting.Id]) : (Guid?)null;
                application.Reject(reason, competency, reason == RejectionReason.Other ? "Accepted a counter-offer from their current employer." : null, at);

            }
            else if (n % 11 == 4)
            {
                at = at.AddDays(2) < now ? at.AddDays(2) : now.AddMinutes(-1);
                application.Withdraw(at, WithdrawnBy.HiringTeam);
            }
            if (n % 4 == 0)
            {
                var noteAt = appliedAt.AddHours(random.Next(2, 40));
                if (noteAt > now) noteAt = now.AddMinutes(-2);
                var author = n % 8 == 0 ? manager : recruiter;
                db.CandidateNotes.Add(new CandidateNote(candidate.Id, application.Id, author.Id, Pick(NoteTexts)) { CreatedAt = noteAt, UpdatedAt = noteAt });
                db.ActivityEvents.Add(new ActivityEvent(candidate.Id, application.Id, noteAt, author.Id, ActivityKind.NoteAdded, $"Note added by {author.DisplayName}"));
            }
            // A few applied to a second posting too.
            if (postings.Count > 1 && n % 9 == 2 && !longAgo)
            {
                var second = postings[(n + 1) % postings.Count];
                var other = new JobApplication(candidate.Id, second.Id, stages[second.Id][0].Id, candidate.Source, candidate.SourceDetail, appliedAt.AddDays(1));
                db.Applications.Add(other);
                db.ActivityEvents.Add(new ActivityEvent(candidate.Id, other.Id, appliedAt.AddDays(1), null, ActivityKind.Applied, $"Applied on the careers site · {second.Title}"));
            }
        }

        db.PossibleDuplicates.Add(new PossibleDuplicate(twin.Id, samePhone.Id, Duplicates.SamePhone, now));
        db.PossibleDuplicates.Add(new PossibleDuplicate(linked.Id, sameLinkedIn.Id, Duplicates.SameLinkedIn, now));
        await db.SaveChangesAsync(ct);
    }

    private static int WeightedStage(Random random, int stageCount)
    {
        var weights = StageWeights.Take(stageCount).ToArray();
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        return 0;
    }

    private static string Slug(string text) =>
        new string(text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(ch => ch is >= 'a' and <= 'z' or '.').ToArray());

    private static string Resume(Random random, string first, string last)
    {
        string Pick(string[] items) => items[random.Next(items.Length)];
        var years = random.Next(4, 15);
        var language = Pick(Languages);
        var lines = new List<string>
        {
            $"{first} {last} — Senior Backend Engineer",
            $"Backend engineer with {years} years of experience building and operating production systems, mostly in {language} and {Pick(Languages)}.",
            "",
            "Experience",
        };
        for (var job = 0; job < 3; job++)
        {
            lines.Add($"- Designed and ran the {Pick(Systems)} serving {random.Next(2, 90)} million requests a day on {Pick(Stores)} and {Pick(Stores)}.");
            lines.Add($"- Introduced {Pick(Practices)} and {Pick(Practices)}; cut p99 latency by {random.Next(20, 70)}% after profiling slow queries and adding the right indexes.");
            lines.Add($"- Led incident response and root-cause analysis for the {Pick(Systems)}; wrote runbooks and decision records for the team.");
            lines.Add($"- Mentored {random.Next(2, 6)} engineers through code review and pairing; championed integration tests and test-first habits.");
        }
        lines.Add("");
        lines.Add($"Skills: {language}, {Pick(Languages)}, {Pick(Stores)}, {Pick(Stores)}, {Pick(Practices)}, {Pick(Practices)}, API security (OWASP Top 10), AWS or GCP.");
        lines.Add($"Reviews AI-assisted code for logic gaps, security holes and architectural fit before it ships.");
        return string.Join('\n', lines);
    }
}
