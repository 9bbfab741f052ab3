using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;

namespace HiringPlatform.Application.Domain.Templates;

public sealed record RubricSeed(string CompetencyKey, decimal Weight, bool IsMustHave);
public sealed record StageSeed(string Name, StageKind Kind, int DurationMinutes, IReadOnlyList<string> FocusCompetencyKeys, IReadOnlyList<string> QuestionKeys);
public sealed record ScreeningQuestionSeed(string Key, string Text, ScreeningAnswerKind Kind, bool Required);

// The built-in "Senior Backend Engineer" template: posting text, weighted rubric, interview plan and screening questions.
// Every key below refers to ReferenceData (competencies and questions).
public static class SeniorBackendEngineerTemplate
{
    public const string Name = "Senior Backend Engineer";
    public const string Title = "Senior Backend Engineer";
    public const JobLevel Level = JobLevel.Senior;
    public const LocationType DefaultLocationType = LocationType.Remote;
    public const EmploymentType DefaultEmploymentType = EmploymentType.FullTime;
    public const decimal SalaryMin = 150_000m;
    public const decimal SalaryMax = 220_000m;
    public const string Currency = "USD";
    public const string Team = "Platform Engineering";

    public const string AboutMarkdown = """
        As a Senior Backend Engineer on the Platform Engineering team, you will design, build and run the services and APIs our product depends on. You will take features from design document to production, and you will be the person who asks how a change behaves under load, under attack and at three in the morning.

        We are a remote-first team that works mostly asynchronously across time zones. We write decisions down, review each other's work carefully and keep discussions in the open. You will work alongside mid-level and junior engineers who will look to you for design leadership and mentoring.
        """;

    public const string ResponsibilitiesMarkdown = """
        - Design, build and operate scalable backend services and APIs.
        - Lead architecture and design reviews, and record the decisions that come out of them.
        - Tune query and database performance based on measurements, not guesses.
        - Build security and data protection into every service: authentication, authorization, encryption and input validation.
        - Instrument services with logs, metrics and traces, and keep runbooks and API documentation current.
        - Improve our CI/CD pipeline so that shipping stays frequent, safe and uneventful.
        - Review code and mentor the engineers around you.
        - Take part in the on-call rotation and lead root-cause analysis after incidents.
        """;

    public const string QualificationsMarkdown = """
        - 5+ years building and operating backend systems in production.
        - Strong in at least one server-side language, such as Go, Python, Java, Node.js, Rust, C# or C++.
        - Solid experience with relational databases and at least one document or key-value store: schema design, indexing and query tuning.
        - Experience designing REST, gRPC or GraphQL APIs and evolving them without breaking clients.
        - Security habits you apply by default: the OWASP Top 10, authentication and authorization, secrets handling.
        - A habit of testing your own code, and a constructive approach to code review in both directions.
        - Clear written communication and comfort working asynchronously across time zones.
        - Experience with AWS, GCP or Azure, containers and infrastructure as code is a plus, not a requirement: cloud depth can be learned on the job.
        """;

    public const string PerksMarkdown = """
        - Fully remote, with a few overlapping collaboration hours instead of a fixed schedule.
        - Home-office budget for your desk, chair and equipment, plus a laptop of your choice.
        - Annual learning budget for courses, books and conferences.
        - Generous paid time off, with a minimum number of days off we expect everyone to take.
        - Health, dental and vision coverage, or a local equivalent where you live.
        - Paid parental leave.
        - A yearly in-person team gathering, travel covered.
        - A sustainable on-call rotation: compensated, with clear runbooks and handover between time zones.
        """;

    // Must-have competencies are needed from day one; cloud-devops and leadership-mentoring can grow on the job.
    // Weights add up to 100.
    public static IReadOnlyList<RubricSeed> Rubric { get; } =
    [
        new("system-design", 15m, true),
        new("api-design", 10m, true),
        new("data-performance", 12m, true),
        new("security", 12m, true),
        new("cloud-devops", 7m, false),
        new("quality-testing", 10m, true),
        new("ai-judgment", 8m, true),
        new("debugging-operations", 10m, true),
        new("remote-communication", 10m, true),
        new("leadership-mentoring", 6m, false),
    ];

    // Each must-have competency is the focus of at least two interview stages, every other one of at least one.
    public static IReadOnlyList<StageSeed> Stages { get; } =
    [
        new("Application review", StageKind.Review, 15, [], []),
        new("Recruiter screen", StageKind.Screen, 30, [], ["language-choice"]),
        new(
            "System design interview",
            StageKind.Interview,
            60,
            ["system-design", "api-design", "data-performance", "security", "remote-communication"],
            ["design-our-product", "api-security", "api-versioning", "schema-migration"]),
        new(
            "Coding exercise",
            StageKind.Interview,
            60,
            ["quality-testing", "ai-judgment", "api-design", "security"],
            ["ai-code-review", "test-strategy", "threat-model-feature"]),
        new(
            "Debugging / troubleshooting scenario",
            StageKind.Interview,
            45,
            ["debugging-operations", "data-performance", "cloud-devops", "ai-judgment"],
            ["latency-spike-scenario", "slow-query", "ai-suggested-fix", "observability-design"]),
        new(
            "Behavioral interview",
            StageKind.Interview,
            45,
            ["remote-communication", "leadership-mentoring", "system-design", "quality-testing", "debugging-operations"],
            ["scaling-retrospective", "inherited-flaw", "code-review-feedback", "incident-root-cause"]),
        new("Debrief", StageKind.Debrief, 30, [], []),
        new("Offer", StageKind.Offer, 15, [], []),
    ];

    public static IReadOnlyList<ScreeningQuestionSeed> ScreeningQuestions { get; } =
    [
        new("work-authorization", "Are you legally authorized to work in the country or region where this role is based?", ScreeningAnswerKind.YesNo, true),
        new("salary-expectation", "What are your salary expectations? Please include the currency.", ScreeningAnswerKind.Salary, true),
        new("notice-period", "What is your notice period, or the earliest date you could start?", ScreeningAnswerKind.ShortText, true),
    ];
}
