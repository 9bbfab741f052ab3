using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Templates;
using HiringPlatform.Application.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Bench.Data;

internal sealed record BenchUser(string Key, string Email, string Role);

internal sealed class Stage
{
    public required Guid Id { get; init; }
    public required int Order { get; init; }
    public required StageSeed Seed { get; init; }
    public required CompetencyRef[] Focus { get; init; }
}

internal sealed class Posting
{
    public required int Index { get; init; }
    public required PostingRow Row { get; init; }
    public required Stage[] Stages { get; init; }
    public required Guid HiringManager { get; init; }
    public required Guid[] Recruiters { get; init; }
    public required Guid[] Panel { get; init; }
    public Guid Id => Row.Id;
    public bool TakesApplications => Row.Status is nameof(PostingStatus.Open) or nameof(PostingStatus.Paused);
}

// The small, in-memory part of a data set: staff users, postings with their stages and teams. Everything
// big (candidates, applications and what hangs off them) is derived from these and streamed.
internal sealed class World
{
    public const string Password = "Bench-Password-2026";
    public const string EmailDomain = "bench.example";

    // The users the harness signs in as, one per role, plus the scorer who submits the POST scenario's scorecards.
    public static readonly BenchUser[] BenchUsers =
    [
        new("admin", $"bench.admin@{EmailDomain}", Roles.Admin),
        new("recruiter", $"bench.recruiter@{EmailDomain}", Roles.Recruiter),
        new("hiring-manager", $"bench.manager@{EmailDomain}", Roles.HiringManager),
        new("interviewer", $"bench.interviewer@{EmailDomain}", Roles.Interviewer),
        new("scorer", $"bench.scorer@{EmailDomain}", Roles.Interviewer),
    ];

    public BenchSpec Spec { get; }
    public Reference Ref { get; }
    public List<UserRow> Users { get; } = [];
    public List<UserRoleRow> UserRoles { get; } = [];
    public Posting[] Postings { get; }
    public Guid[] StaffRecruiters { get; }
    public Guid[] StaffManagers { get; }
    public Guid[] StaffInterviewers { get; }
    public Dictionary<string, Guid> BenchUserIds { get; } = [];

    // Postings that receive regular applications: [FirstRegularPosting, OpenPostingsEnd). 0 is the busiest, 1 the scorer pool.
    public const int BusiestPosting = 0;
    public const int PoolPosting = 1;
    public const int ApplyPosting = 2;
    public const int FirstRegularPosting = 2;
    public int OpenPostingsEnd => Spec.Postings - Spec.DraftPostings - Spec.ClosedPostings;

    public Guid AdminId => BenchUserIds["admin"];

    public World(BenchSpec spec, Reference reference)
    {
        Spec = spec;
        Ref = reference;
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var n = 0;
        Guid AddUser(string name, string email, string role, int index)
        {
            var created = BenchSpec.Start.AddDays(-90).AddMinutes(index);
            var id = BenchIds.Make(IdKind.User, index, created, spec.Seed);
            var stamp = Rng.Mix(spec.Seed ^ (ulong)index).ToString("X16") + Rng.Mix(spec.Seed + (ulong)index * 31).ToString("X16");
            Users.Add(new UserRow(id, name, email, hash, stamp, Words.TimeZones[index % Words.TimeZones.Length], created));
            UserRoles.Add(new UserRoleRow(id, reference.Roles[role]));
            return id;
        }

        foreach (var u in BenchUsers)
            BenchUserIds[u.Key] = AddUser("Bench " + u.Key.Replace('-', ' '), u.Email, u.Role, n++);
        StaffRecruiters = Enumerable.Range(0, spec.Recruiters)
            .Select(i => AddUser(StaffName(i, 3), $"recruiter{i + 1:000}@{EmailDomain}", Roles.Recruiter, n++)).ToArray();
        StaffManagers = Enumerable.Range(0, spec.HiringManagers)
            .Select(i => AddUser(StaffName(i, 7), $"manager{i + 1:000}@{EmailDomain}", Roles.HiringManager, n++)).ToArray();
        StaffInterviewers = Enumerable.Range(0, spec.Interviewers)
            .Select(i => AddUser(StaffName(i, 11), $"interviewer{i + 1:000}@{EmailDomain}", Roles.Interviewer, n++)).ToArray();

        Postings = Enumerable.Range(0, spec.Postings).Select(MakePosting).ToArray();
    }

    private static string StaffName(int i, int salt) =>
        $"{Words.FirstNames[(i * salt + 5) % Words.FirstNames.Length]} {Words.LastNames[(i * (salt + 2) + 1) % Words.LastNames.Length]}";

    private static readonly string[] Titles =
    [
        "Senior Backend Engineer", "Senior Backend Engineer, Payments", "Backend Engineer, Platform", "Staff Backend Engineer",
        "Senior Backend Engineer, Search", "Backend Engineer, Billing", "Senior Software Engineer, APIs", "Lead Backend Engineer",
        "Senior Backend Engineer, Data", "Backend Engineer, Integrations", "Senior Platform Engineer", "Principal Backend Engineer",
    ];

    private static readonly string[] Teams = ["Platform Engineering", "Payments", "Search", "Data", "Integrations", "Core Services", "Identity"];

    private Posting MakePosting(int p)
    {
        var rng = new Rng(Spec.Seed, 2, p);
        var created = BenchSpec.Start.AddDays(-60 + rng.Next(0, 50)).AddMinutes(p);
        var published = created.AddDays(rng.Next(2, 9));
        var status = p >= Spec.Postings - Spec.DraftPostings ? PostingStatus.Draft
            : p >= OpenPostingsEnd ? PostingStatus.Closed
            : p > ApplyPosting && p % 37 == 11 ? PostingStatus.Paused
            : PostingStatus.Open;
        var closedAt = status == PostingStatus.Closed ? BenchSpec.Start.AddDays(rng.Next(5, 60)) : (DateTimeOffset?)null;
        var level = p == BusiestPosting ? JobLevel.Senior : rng.Chance(0.7) ? JobLevel.Senior : rng.Pick([JobLevel.Mid, JobLevel.Lead, JobLevel.Staff, JobLevel.Principal]);
        var locationType = rng.Chance(0.6) ? LocationType.Remote : rng.Chance(0.6) ? LocationType.Hybrid : LocationType.OnSite;
        var id = BenchIds.Make(IdKind.Posting, p, created, Spec.Seed);
        var row = new PostingRow(
            id, p == BusiestPosting ? SeniorBackendEngineerTemplate.Title : Titles[p % Titles.Length], level.ToString(),
            p == BusiestPosting ? SeniorBackendEngineerTemplate.Team : Teams[p % Teams.Length], locationType.ToString(),
            locationType == LocationType.Remote ? null : rng.Pick(Words.Cities),
            locationType == LocationType.Remote ? -5 : null, locationType == LocationType.Remote ? 3 : null,
            EmploymentType.FullTime.ToString(), SeniorBackendEngineerTemplate.SalaryMin, SeniorBackendEngineerTemplate.SalaryMax,
            SeniorBackendEngineerTemplate.Currency, rng.Chance(0.7), rng.Next(1, 4), status.ToString(),
            status == PostingStatus.Closed ? ClosedReason.Cancelled.ToString() : null,
            status == PostingStatus.Draft ? null : published, closedAt, created);

        var stages = SeniorBackendEngineerTemplate.Stages.Select((seed, order) => new Stage
        {
            Id = BenchIds.Make(IdKind.Stage, p * 16L + order, created, Spec.Seed),
            Order = order,
            Seed = seed,
            Focus = seed.FocusCompetencyKeys.Select(k => Ref.Competencies[k]).ToArray(),
        }).ToArray();

        // Bench users sit on the busiest posting and a share of the others, like a real team's workload.
        var recruiters = p % 15 == 0 || p is PoolPosting or ApplyPosting
            ? new[] { StaffRecruiters[p % StaffRecruiters.Length], BenchUserIds["recruiter"] }
            : [StaffRecruiters[p % StaffRecruiters.Length]];
        var manager = p % 15 == 0 ? BenchUserIds["hiring-manager"] : StaffManagers[p % StaffManagers.Length];
        var panel = Enumerable.Range(0, 6).Select(m => StaffInterviewers[(p * 6 + m) % StaffInterviewers.Length]).ToArray();
        if (p % 10 == 0) panel[0] = BenchUserIds["interviewer"];
        return new Posting { Index = p, Row = row, Stages = stages, HiringManager = manager, Recruiters = recruiters, Panel = panel };
    }

    public IEnumerable<PostingEventRow> PostingEvents()
    {
        long n = 0;
        foreach (var p in Postings)
        {
            var r = p.Row;
            if (r.PublishedAt is null) continue;
            yield return new(BenchIds.Make(IdKind.PostingEvent, n++, r.CreatedAt.AddDays(1), Spec.Seed), p.Id, r.CreatedAt.AddDays(1),
                p.Recruiters[0], nameof(PostingStatus.Draft), nameof(PostingStatus.AwaitingApproval), null);
            yield return new(BenchIds.Make(IdKind.PostingEvent, n++, r.PublishedAt.Value, Spec.Seed), p.Id, r.PublishedAt.Value,
                p.HiringManager, nameof(PostingStatus.AwaitingApproval), nameof(PostingStatus.Open), "Approved.");
            if (r.Status is nameof(PostingStatus.Paused) or nameof(PostingStatus.Closed))
            {
                var at = r.ClosedAt ?? BenchSpec.Reference.AddDays(-3);
                yield return new(BenchIds.Make(IdKind.PostingEvent, n++, at, Spec.Seed), p.Id, at, p.Recruiters[0],
                    nameof(PostingStatus.Open), r.Status, r.Status == nameof(PostingStatus.Closed) ? "Cancelled: budget moved." : "Paused while we interview.");
            }
        }
    }

    public IEnumerable<TeamMemberRow> TeamMembers()
    {
        foreach (var p in Postings)
        {
            yield return new(p.Id, p.HiringManager, nameof(TeamRole.HiringManager));
            foreach (var r in p.Recruiters) yield return new(p.Id, r, nameof(TeamRole.Recruiter));
            foreach (var i in p.Panel.Distinct()) yield return new(p.Id, i, nameof(TeamRole.Interviewer));
            if (p.Index == PoolPosting) yield return new(p.Id, BenchUserIds["scorer"], nameof(TeamRole.Interviewer));
        }
    }

    public IEnumerable<ScreeningQuestionRow> ScreeningQuestions()
    {
        long n = 0;
        foreach (var p in Postings)
            for (var i = 0; i < SeniorBackendEngineerTemplate.ScreeningQuestions.Count; i++)
            {
                var q = SeniorBackendEngineerTemplate.ScreeningQuestions[i];
                yield return new(BenchIds.Make(IdKind.ScreeningQuestion, n++, p.Row.CreatedAt, Spec.Seed), p.Id, i, q.Key, q.Text, q.Kind.ToString(), q.Required);
            }
    }

    public IEnumerable<StageRow> Stages() =>
        Postings.SelectMany(p => p.Stages.Select(s => new StageRow(s.Id, p.Id, s.Order, s.Seed.Name, s.Seed.Kind.ToString(), s.Seed.DurationMinutes)));

    public IEnumerable<StageFocusRow> StageFocus() =>
        Postings.SelectMany(p => p.Stages.SelectMany(s => s.Focus.Select(f => new StageFocusRow(s.Id, f.Id))));

    public IEnumerable<StageQuestionRow> StageQuestions() =>
        Postings.SelectMany(p => p.Stages.SelectMany(s => s.Seed.QuestionKeys.Where(Ref.Questions.ContainsKey)
            .Select((k, i) => new StageQuestionRow(s.Id, Ref.Questions[k], i))));

    public IEnumerable<StageInterviewerRow> StageInterviewers() =>
        Postings.SelectMany(p => p.Stages.Where(s => s.Seed.Kind == StageKind.Interview)
            .SelectMany(s => p.Panel.Skip(s.Order % 3).Take(2).Distinct().Select(u => new StageInterviewerRow(s.Id, u))));

    public IEnumerable<RubricItemRow> RubricItems() =>
        Postings.SelectMany(p => SeniorBackendEngineerTemplate.Rubric.Select((r, i) =>
            new RubricItemRow(p.Id, Ref.Competencies[r.CompetencyKey].Id, r.Weight, r.IsMustHave, i)));

    // Rubric weight by competency id (the same template rubric on every posting).
    public IReadOnlyDictionary<Guid, decimal> Weights =>
        _weights ??= SeniorBackendEngineerTemplate.Rubric.ToDictionary(r => Ref.Competencies[r.CompetencyKey].Id, r => r.Weight);

    private Dictionary<Guid, decimal>? _weights;
}
