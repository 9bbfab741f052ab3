namespace HiringPlatform.Application.Domain.Templates;

// Reference data every installation ships with (seeded in every environment, editable by admins afterwards).
public sealed record CompetencySeed(string Key, string Name, string Definition, string Level1, string Level2, string Level3, string Level4);
public sealed record QuestionSeed(string Key, string Text, string GoodLooksLike, string RedFlags, IReadOnlyList<string> CompetencyKeys);
public sealed record RedFlagSeed(string Key, string Text);

public static class ReferenceData
{
    // Levels: 1 = strong no, 2 = no, 3 = yes, 4 = strong yes. Each level says what an interviewer
    // actually sees or hears from a senior backend candidate, so two interviewers score the same evidence the same way.
    public static IReadOnlyList<CompetencySeed> Competencies { get; } =
    [
        new(
            "system-design",
            "System architecture and design",
            "Shapes services and data stores to meet today's load and survive tomorrow's: chooses storage and service boundaries for stated reasons, designs for failure and maintainability, and argues trade-offs out loud.",
            "Jumps to a familiar stack without asking about load, data shape or consistency needs. Cannot explain why a past design of theirs looked the way it did, and failure modes never come up.",
            "Produces a workable single-server design but treats scaling as \"add more servers\". Names patterns (queues, caches, sharding) without saying what they cost or when they would break.",
            "Clarifies requirements and rough numbers before drawing, picks relational vs. document or key-value storage for a stated reason, and walks through what happens when a dependency is slow or down. Names at least one trade-off for each major decision.",
            "Drives the session: sizes the problem, offers two viable designs and picks one against explicit criteria, plans for failure, data migration and day-two operations, and says what they would revisit at 10x load. Talks about their own past designs with honest hindsight."),
        new(
            "api-design",
            "API design and integration",
            "Designs service contracts that clients can rely on and evolve safely, picks REST, gRPC or GraphQL to suit the situation, and integrates third-party services defensively.",
            "Endpoints mirror database tables. No thought for error responses, pagination or versioning, and third-party calls are assumed to always succeed.",
            "Produces conventional REST endpoints but is vague on error contracts, idempotency and how a breaking change would reach existing clients.",
            "Defines resources, status codes and error bodies consistently, plans versioning and deprecation, and handles third-party timeouts, retries and idempotency keys. Can say when gRPC or GraphQL would fit better than REST.",
            "Treats the contract as a product: compatibility, pagination, rate limits and documentation are designed up front. Has moved real consumers through a breaking change without an outage and can describe how."),
        new(
            "data-performance",
            "Data modeling and query performance",
            "Models data so the important queries are cheap and correct, and finds and fixes slow queries from evidence, across stores such as PostgreSQL, MySQL, MongoDB and Redis.",
            "Cannot read a query plan. The answer to slowness is \"add an index\" or \"add a cache\" with no idea which one or why, and keys and constraints are an afterthought.",
            "Knows indexes exist and can normalize a schema, but has only fixed performance problems by trial and error. Unsure about composite index order, N+1 queries or lock contention.",
            "Designs the schema around access patterns with fitting keys, constraints and indexes. Diagnoses slowness with query plans, query statistics and before/after measurements, and knows when Redis or denormalization is worth its cost.",
            "Has fixed real production data problems they did not cause, describing the plan, the bottleneck and the measured result. Anticipates growth problems (hot rows, large backfills, connection limits) and plans zero-downtime schema changes."),
        new(
            "security",
            "Security-first development",
            "Builds authentication, authorization, input handling and data protection into the design from the start, and brings security up without being asked.",
            "Security comes up only when prompted, if at all. Suggests home-made authentication or secrets in source code, and cannot name common OWASP Top 10 risks.",
            "Knows the vocabulary (HTTPS, password hashing, JWT) when asked but treats security as a layer to add later. Misses object-level authorization checks or token expiry.",
            "Raises authentication, role-based authorization, input validation and encryption in transit and at rest without prompting. Knows token lifetimes and session revocation, and how to test for injection and broken access control.",
            "Threat-models while designing: marks trust boundaries, applies least privilege, plans secret handling and audit trails. Has introduced security testing or fixed a real vulnerability and explains both the root cause and how they prevented a repeat."),
        new(
            "cloud-devops",
            "Cloud and DevOps",
            "Ships and runs services on AWS, GCP or Azure through automated pipelines, containers and infrastructure as code, with enough logs, metrics and traces to know how they behave. Trainable: depth here can grow on the job.",
            "Deployment is manual or \"someone else's job\". Cannot describe how their code reaches production or how they would know it is healthy once there.",
            "Has used a CI pipeline and containers that others set up. Knows the terms (Kubernetes, Terraform, metrics) but has not changed or debugged them.",
            "Has built or extended a CI/CD pipeline, containerized a service and managed some infrastructure as code. Adds logs, metrics and traces to their own services and uses them when something goes wrong.",
            "Designs delivery for safety: progressive rollouts, automatic rollback, schema migrations decoupled from deploys. Keeps infrastructure reviewable as code and alerts on service-level objectives rather than raw CPU."),
        new(
            "quality-testing",
            "Quality and testing",
            "Writes tests as part of writing code, chooses a sensible mix of unit and integration tests, and gives and receives code review constructively.",
            "Writes no tests in the exercise, or tests that assert nothing meaningful. Dismisses or bristles at review feedback.",
            "Adds happy-path tests after the code is done. The review comments they describe giving are mostly style nits.",
            "Tests drive or accompany the code and cover edge cases and failure paths, with integration tests where mocks would hide real behavior. Review feedback is specific and explains why, and they change course when shown a better approach.",
            "Uses tests to shape the design and keep it cheap to change, and can say what they deliberately left untested and why. Has raised a team's review or testing practice with a visible effect, such as fewer regressions or faster reviews."),
        new(
            "ai-judgment",
            "Judgment with AI-assisted code",
            "Uses AI coding tools as a starting point and checks their output for logic errors, security holes, missed edge cases and fit with the existing architecture before it ships.",
            "Accepts generated code without reading it closely. Cannot explain what it does, or defends it because \"the tool wrote it\".",
            "Checks that generated code compiles and passes the obvious test, but misses logic gaps, unsafe input handling or a clash with existing patterns.",
            "Reads generated code the way they would read a colleague's pull request: edge cases, error handling, security and consistency with the codebase, plus tests that would catch its mistakes.",
            "Has a deliberate practice: knows where these tools tend to go wrong, keeps prompts narrow to limit risk, rejects or rewrites plausible-looking output with a clear reason, and has helped set team norms for AI-assisted work."),
        new(
            "debugging-operations",
            "Debugging and production operations",
            "Finds the cause of problems in running systems methodically with logs, metrics, traces and profilers, and handles incidents calmly through to root cause and prevention.",
            "Changes things at random or restarts and rolls back without a hypothesis. Their incident stories end at \"it was fixed\".",
            "Follows the obvious signal, such as the error log, but narrows the problem slowly. Stops at the symptom and does not separate mitigation from root cause.",
            "Forms hypotheses and checks them against data, narrowing scope quickly (what changed, where, for whom). Mitigates first, then finds the root cause and writes it up with follow-up actions.",
            "Leads incident response: sets priorities, keeps people informed and uses profilers and traces fluently. Runs blameless reviews whose actions actually get done and prevent recurrence."),
        new(
            "remote-communication",
            "Remote communication and documentation",
            "Works well asynchronously across time zones: surfaces blockers early, writes decision records and API docs that others can act on, and explains the reasoning to technical and non-technical audiences.",
            "Answers are hard to follow and skip the \"why\". Describes going quiet when blocked, or learning about problems late from others.",
            "Clear when asked direct questions but depends on meetings. Documentation is an afterthought and decisions live in chat threads.",
            "Structures explanations as context, options and recommendation, and adjusts to the audience. Writes decision records, runbooks or API docs as a habit and flags risks before they turn into delays.",
            "Makes writing a team asset: can point to a design doc or decision record that changed an outcome, async routines they set up across time zones, and stakeholders who understood a trade-off without needing a meeting."),
        new(
            "leadership-mentoring",
            "Technical leadership and mentoring",
            "Raises the level of the engineers around them: leads design discussions, mentors less experienced colleagues and raises architectural debt constructively. Trainable: growth is expected at senior level.",
            "Talks only about their own output, describes colleagues' mistakes with blame, and has not reviewed or supported another engineer's work.",
            "Helps when asked but does not lead discussions or shape anyone's growth. Raises concerns as complaints without a proposal.",
            "Has mentored at least one engineer with a concrete result, runs design reviews in which others contribute, and raises debt with a risk statement and a proposed path.",
            "Multiplies the team: has grown engineers into owners of an area, built agreement on a contested design, and got architectural debt prioritized by framing it in business terms."),
    ];

    public static IReadOnlyList<QuestionSeed> Questions { get; } =
    [
        new(
            "ai-code-review",
            "Walk me through how you review AI-generated code before it goes into a pull request. What do you check, and what makes you throw it away?",
            "A deliberate pass for logic errors, unsafe input handling, missed edge cases and fit with existing patterns, backed by tests they write themselves. Gives an example of generated code they rejected and why.",
            "Trusts output that compiles and passes the happy path, or describes AI as a way to avoid understanding the code. Cannot say what they actually check.",
            ["ai-judgment", "quality-testing", "security"]),
        new(
            "scaling-retrospective",
            "Tell me about a backend you designed that had to handle far more load than it started with. What did you decide, and what would you do differently today?",
            "Specific numbers and bottlenecks, the options they weighed (performance vs. simplicity, delivery speed vs. maintainability) and why they chose as they did. Honest hindsight about what they would change.",
            "Cannot explain their own decisions or the trade-offs behind them, or has no scaling problem they faced firsthand. Credits or blames \"the team\" for every choice.",
            ["system-design", "data-performance"]),
        new(
            "language-choice",
            "How would you choose the language for a new backend service?",
            "Lets the problem decide: performance and concurrency needs, what the team knows and can operate, the library ecosystem, tooling and hiring. Would accept a language that is not their favorite.",
            "Defaults to their preferred language whatever the problem, or dismisses alternatives with folklore instead of reasons.",
            ["system-design"]),
        new(
            "slow-query",
            "Tell me about a query or schema decision that caused a performance problem, ideally one you did not cause. How did you find it, and how did you fix it?",
            "A real diagnosis path: metrics or slow-query logs to spot it, a query plan to explain it, a targeted change (index, rewrite or schema change) and a before/after measurement.",
            "The fix was a guess, such as \"we added a cache\", with nothing measured. Cannot describe what the query plan showed.",
            ["data-performance", "debugging-operations"]),
        new(
            "api-security",
            "You are exposing a new API that handles customer data. How do you secure it: authentication, authorization and data in transit?",
            "Covers token issuance, expiry and revocation, role- or resource-level authorization checks, input validation, HTTPS everywhere, and keeping sensitive data out of responses and logs, without being prompted for each.",
            "Treats security as something to bolt on later or leave to the gateway. Confuses authentication with authorization.",
            ["security", "api-design"]),
        new(
            "inherited-flaw",
            "Working remotely, you find a serious architectural flaw in code someone else wrote that the team depends on. What do you do?",
            "Confirms the problem first, then raises it clearly in writing with the owner, states the concrete risk without exaggerating it, and proposes options with a rough cost.",
            "Quietly rewrites it, complains without a proposal, or sits on it. Frames the flaw as someone's fault.",
            ["remote-communication", "leadership-mentoring", "system-design"]),
        new(
            "design-our-product",
            "At the whiteboard, design a simplified version of our product: the core API, the data model, and how it holds up when usage grows tenfold.",
            "Asks clarifying questions and sizes the load before drawing, sketches a coherent API and schema, then scales it step by step, naming trade-offs (consistency, cost, complexity) and failure handling along the way.",
            "Draws boxes without reasons, reaches for microservices or exotic technology unprompted, or stalls when a requirement changes.",
            ["system-design", "api-design", "data-performance"]),
        new(
            "api-versioning",
            "A mobile app that you cannot force users to update depends on your API, and you need to change what one field means. How do you roll that out?",
            "Makes the change additive or versioned, sets a deprecation window, tracks who still uses the old behavior, tells client teams clearly in writing, and removes the old path only when traffic shows it is safe.",
            "Changes the field in place and expects clients to cope, with no way of knowing who still depends on the old meaning.",
            ["api-design", "remote-communication"]),
        new(
            "third-party-integration",
            "Your service has to call a payment provider that is sometimes slow and occasionally returns errors. How do you integrate it?",
            "Timeouts, bounded retries with backoff, idempotency keys so a retry cannot charge twice, reconciliation for unknown outcomes, and metrics and alerts on the provider's health.",
            "Assumes the call succeeds or retries blindly. No thought for duplicate side effects or what the user sees while the provider is down.",
            ["api-design", "debugging-operations"]),
        new(
            "schema-migration",
            "You need to add a non-null column and a new index to a table with 500 million rows, without downtime. Walk me through it.",
            "Expand-and-contract steps: add the column as nullable, backfill in batches, build the index concurrently, then enforce the constraint. Keeps migrations separate from the code deploy, reversible, and watched for locks and replication lag.",
            "Runs one blocking ALTER as part of the deploy, or has no idea how long the table would be locked.",
            ["data-performance", "cloud-devops"]),
        new(
            "threat-model-feature",
            "We are adding a feature that lets users upload files that other users can download. What could go wrong, and what would you build in from the start?",
            "Names concrete threats (oversized or malicious files, spoofed content types, path traversal, access to other users' files, links that never expire) with specific mitigations such as size limits, scanning, short-lived signed URLs and per-object authorization checks.",
            "Considers only the happy path, or stops at \"use HTTPS\".",
            ["security", "api-design"]),
        new(
            "pipeline-to-production",
            "Describe how a commit in your current team gets to production. What would you change about that path, and why?",
            "Knows each step (build, tests, review, artifact, deploy, rollout, rollback) and its weak points, and proposes a concrete improvement with a reason, such as faster feedback or a safer rollout.",
            "Does not know what happens after merge, or sees testing and deployment as someone else's concern.",
            ["cloud-devops", "quality-testing"]),
        new(
            "observability-design",
            "A service you built goes live next week. What do you instrument, and which alerts would be allowed to wake someone up?",
            "Structured logs with correlation IDs, rate, error and latency metrics per endpoint, traces across service calls, and a small set of alerts tied to user-visible symptoms, each with a runbook.",
            "Logs everything with no plan, alerts on CPU and every single error, or intends to add monitoring after the first incident.",
            ["cloud-devops", "debugging-operations"]),
        new(
            "test-strategy",
            "For the code you just wrote, which tests would you keep, which would you add, and which would you not bother with?",
            "Separates unit tests for logic from integration tests at the database and HTTP boundaries, names the edge cases and failure paths that matter, and justifies what is not worth testing.",
            "Talks about coverage as a number, writes only happy-path tests, or mocks so heavily that the tests cannot fail.",
            ["quality-testing", "api-design"]),
        new(
            "code-review-feedback",
            "Tell me about code review feedback you disagreed with, whether you gave it or received it. How did it play out?",
            "Separates the person from the code, argues from evidence and changes their mind when shown a better approach. When giving feedback, explains why and distinguishes blocking issues from preferences.",
            "Sees review as an obstacle or a personal attack, or describes working around reviewers and merging without them.",
            ["quality-testing", "leadership-mentoring"]),
        new(
            "ai-suggested-fix",
            "Partway through this scenario, an AI assistant suggests a fix: raise the timeout and add a retry. Would you ship it? What would you check first?",
            "Treats the suggestion as a hypothesis: asks whether it addresses the root cause or hides it, what extra retries do to a dependency that is already struggling, and how the change would be tested before it ships.",
            "Ships it because the symptom goes away, or cannot say how the suggestion might make things worse.",
            ["ai-judgment", "debugging-operations"]),
        new(
            "incident-root-cause",
            "Tell me about the worst production incident you have handled. How was it detected, how did you mitigate it, what was the root cause, and what changed afterward?",
            "A clear timeline, mitigation before deep diagnosis, a root cause that goes beyond the trigger, and follow-up actions that were actually completed. Kept stakeholders informed throughout.",
            "Vague about their own role, stops at the immediate trigger, or describes assigning blame instead of a review.",
            ["debugging-operations", "remote-communication"]),
        new(
            "latency-spike-scenario",
            "After a routine deploy, p99 latency on a key endpoint has tripled while error rates are flat. You have dashboards, logs and the deploy diff. Take me through your investigation.",
            "Checks scope and timing first (which endpoints, which instances, does it line up with the deploy), decides early whether to roll back, then narrows with traces, query timings and resource metrics toward a specific cause.",
            "Changes things without a hypothesis, never considers rolling back, or ignores the database and downstream calls.",
            ["debugging-operations", "data-performance", "cloud-devops"]),
        new(
            "async-decision-record",
            "Tell me about a technical decision you drove with people spread across several time zones. How did the group reach it, and where is it written down?",
            "A written proposal with context, options and a recommendation, a clear deadline for input, and a decision record that a newcomer can still find and understand.",
            "The decision was made in a meeting some people could not attend and nothing was written down. Cannot explain the \"why\" afterward.",
            ["remote-communication", "leadership-mentoring"]),
        new(
            "mentoring-growth",
            "Tell me about an engineer you helped grow. What did you do, and how did you know it was working?",
            "Specific actions such as pairing, widening their scope step by step and reviews that teach, with an observable result: the engineer now owns a component or leads designs.",
            "Mentoring means answering questions or fixing the other person's code for them. No example with an outcome.",
            ["leadership-mentoring"]),
    ];

    public static IReadOnlyList<RedFlagSeed> RedFlags { get; } =
    [
        new("cannot-explain-decisions", "Cannot explain the reasoning behind their own past architecture decisions"),
        new("resists-review", "Resists or dismisses code review"),
        new("weak-security-basics", "Lacks basic security practice (authentication, authorization, input validation, secrets)"),
        new("no-scaling-experience", "Cannot discuss a scaling problem they faced firsthand"),
        new("ai-as-shortcut", "Treats AI-generated code as finished work rather than a starting point"),
    ];
}
