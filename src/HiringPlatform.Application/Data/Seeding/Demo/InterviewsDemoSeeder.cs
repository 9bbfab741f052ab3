using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Rubrics;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.Application.Features.Decisions.Shared;
using HiringPlatform.Application.Features.JobPostings;
using HiringPlatform.Application.Features.JobPostings.Shared;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Data.Seeding.Demo;

// Interviews and feedback on one open posting the demo hiring manager owns, so every page of the interview loop has
// something true to show: a candidate waiting for the debrief (complete panel), one with an approved offer about to
// be sent, one whose feedback is overdue, one with a draft scorecard, and interviews coming up. Uses the applications
// already in the pipeline where it can, and adds applicants where it cannot. Runs once.
public sealed class InterviewsDemoSeeder(AppDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 30;

    private sealed record Panel(AppUser Recruiter, AppUser Manager, AppUser Interviewer, AppUser Interviewer2);

    private sealed record Scenario(string Name, string Email, string Zone, string Stage);

    // Used only when the pipeline has no one to interview.
    private static readonly Scenario[] Fallback =
    [
        new("Maya Lindqvist", "maya.lindqvist@example.com", "Europe/Stockholm", "Debrief"),
        new("Daniel Okoro", "daniel.okoro@example.com", "Africa/Lagos", "Offer"),
        new("Lucía Fernández", "lucia.fernandez@example.com", "America/Mexico_City", "System design interview"),
        new("Kenji Watanabe", "kenji.watanabe@example.com", "Asia/Tokyo", "Coding exercise"),
        new("Tom Becker", "tom.becker@example.com", "Europe/Berlin", "System design interview"),
        new("Aisha Rahman", "aisha.rahman@example.com", "America/Toronto", "Behavioral interview"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Interviews.AnyAsync(ct)) return;
        var emails = DemoUsers.All.Select(d => d.Email).ToList();
        var users = await db.Users.Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, ct);
        if (!users.TryGetValue(DemoUsers.Recruiter.Email, out var recruiter) || !users.TryGetValue(DemoUsers.HiringManager.Email, out var manager)
            || !users.TryGetValue(DemoUsers.Interviewer.Email, out var interviewer) || !users.TryGetValue(DemoUsers.Interviewer2.Email, out var interviewer2))
            return;
        var panel = new Panel(recruiter, manager, interviewer, interviewer2);
        var now = clock.GetUtcNow();

        var postingId = await PostingAsync(panel, now, ct);
        var stages = await db.InterviewStages.Include(s => s.Focus).Where(s => s.PostingId == postingId).OrderBy(s => s.Order).ToListAsync(ct);
        var rubric = await db.RubricItems.AsNoTracking().Where(r => r.PostingId == postingId).ToListAsync(ct);
        var competencies = await db.Competencies.AsNoTracking().Include(c => c.Versions).ToDictionaryAsync(c => c.Id, ct);
        var redFlags = await db.RedFlags.AsNoTracking().ToDictionaryAsync(f => f.Key, f => f.Id, ct);
        var applications = await ApplicationsAsync(postingId, stages, now, ct);
        InterviewStage Stage(string name) => stages.First(s => s.Name == name || (name == "Behavioral interview" && s.Name.StartsWith("Behavio", StringComparison.Ordinal)));

        var seeding = new Seeding(db, rubric, competencies, now);

        // 1. Complete panel, waiting for the hiring manager's debrief decision.
        var maya = applications[0];
        Move(maya, Stage("Debrief"), now.AddDays(-1));
        var design = seeding.Interview(maya, Stage("System design interview"), now.AddDays(-5).AddHours(-3), [interviewer, interviewer2], "https://meet.example.com/hp-design-1");
        seeding.Submitted(design, interviewer, [4, 3, 3, 4, 3], Recommendation.StrongYes, JobLevel.Senior, [], "Would be a natural owner for the ingestion rewrite.");
        seeding.Submitted(design, interviewer2, [3, 3, 2, 3, 4], Recommendation.Yes, JobLevel.Senior, [], null);
        var coding = seeding.Interview(maya, Stage("Coding exercise"), now.AddDays(-3).AddHours(-2), [manager, interviewer], "https://meet.example.com/hp-coding-1");
        seeding.Submitted(coding, manager, [3, 4, 3, 3], Recommendation.Yes, JobLevel.Senior, [], null);
        seeding.Submitted(coding, interviewer, [3, 3, 3, 4], Recommendation.Yes, JobLevel.Lead, [], "Asked great questions about our review culture.");

        // 2. Offer decided and approved by the hiring manager; the recruiter still has to send it.
        var daniel = applications[1];
        var danielDesign = seeding.Interview(daniel, Stage("System design interview"), now.AddDays(-9), [interviewer, interviewer2], "https://meet.example.com/hp-design-2");
        seeding.Submitted(danielDesign, interviewer, [4, 4, 3, 4, 4], Recommendation.StrongYes, JobLevel.Lead, [], null);
        seeding.Submitted(danielDesign, interviewer2, [4, 3, 4, 3, 3], Recommendation.StrongYes, JobLevel.Senior, [], "Strongest design round this quarter.");
        var danielBehaviour = seeding.Interview(daniel, Stage("Behavioral interview"), now.AddDays(-6), [manager, interviewer2], "https://meet.example.com/hp-behaviour-2");
        seeding.Submitted(danielBehaviour, manager, [4, 3, 4, 3, 4], Recommendation.StrongYes, JobLevel.Senior, [], "Salary expectation is near the top of the band.");
        seeding.Submitted(danielBehaviour, interviewer2, [3, 4, 3, 3, 3], Recommendation.Yes, JobLevel.Senior, [], null);
        Move(daniel, Stage("Offer"), now.AddDays(-2));
        db.Decisions.Add(new Decision(daniel.Id, manager.Id, DecisionKind.Offer,
            "Strong yes from every interviewer. Design depth and incident leadership both well evidenced; security answers were specific. " +
            "Level: senior, with a path to lead within a year.", null, now.AddDays(-2)));
        seeding.Activity(daniel, manager.Id, ActivityKind.DecisionRecorded, "Debrief decision: make an offer", now.AddDays(-2));
        var band = await db.JobPostings.AsNoTracking().Where(p => p.Id == postingId).Select(p => p.Salary).SingleAsync(ct);
        // Inside whatever band the posting has, so the hiring manager's approval needs no exception.
        var offer = OfferDefaults.Draft(daniel.Id, band, DateOnly.FromDateTime(now.UtcDateTime).AddDays(35), recruiter.Id);
        offer.Update(offer.Salary > 0 ? offer.Salary : 185_000m, offer.Currency, offer.StartDate,
            "Includes a home-office budget and the standard equity grant for the level.");
        offer.CheckBand(band);
        offer.Approve(daniel, band, manager.Id, now.AddDays(-1));
        db.Offers.Add(offer);
        seeding.Activity(daniel, recruiter.Id, ActivityKind.OfferDrafted, "Offer drafted", now.AddDays(-2));
        seeding.Activity(daniel, manager.Id, ActivityKind.OfferApproved, "Offer approved by the hiring manager", now.AddDays(-1));

        // 3. Overdue: one interviewer submitted, the other has not, two days after the interview.
        var lucia = applications[2];
        var overdue = seeding.Interview(lucia, Stage("System design interview"), now.AddDays(-2).AddHours(-4), [interviewer, interviewer2], "https://meet.example.com/hp-design-3");
        seeding.Submitted(overdue, interviewer, [2, 3, 2, 2, 3], Recommendation.No, JobLevel.Mid, [redFlags.GetValueOrDefault("no-scaling-experience")], null);

        // 4. Just happened: a draft in progress, and one not started.
        var kenji = applications[3];
        var recent = seeding.Interview(kenji, Stage("Coding exercise"), now.AddHours(-3), [interviewer, manager], "https://meet.example.com/hp-coding-4");
        seeding.Draft(recent, interviewer, [3, 3, null, null]);

        // 5–6. Coming up.
        var tom = applications[4];
        seeding.Interview(tom, Stage("System design interview"), NextWorkingSlot(now, 1, 15), [interviewer, interviewer2], "https://meet.example.com/hp-design-5");
        var aisha = applications[5];
        seeding.Interview(aisha, Stage("Behavioral interview"), NextWorkingSlot(now, 3, 16), [manager, interviewer], "Berlin office, room 4.12 (Spree)");

        seeding.UpdateScores([maya, daniel, lucia]);
        await db.SaveChangesAsync(ct);
    }

    // The busiest open posting the demo hiring manager owns; a new one from the template when there is none.
    private async Task<Guid> PostingAsync(Panel panel, DateTimeOffset now, CancellationToken ct)
    {
        var owned = await (
            from p in db.JobPostings
            where p.Status == PostingStatus.Open
                  && db.PostingTeamMembers.Any(m => m.PostingId == p.Id && m.UserId == panel.Manager.Id && m.Role == TeamRole.HiringManager)
                  && db.PostingTeamMembers.Any(m => m.PostingId == p.Id && m.UserId == panel.Recruiter.Id && m.Role == TeamRole.Recruiter)
                  && db.InterviewStages.Any(s => s.PostingId == p.Id && s.Kind == StageKind.Offer)
            orderby db.Applications.Count(a => a.PostingId == p.Id && a.Status == ApplicationStatus.Active) descending
            select p.Id).FirstOrDefaultAsync(ct);
        if (owned != Guid.Empty) return owned;

        var created = await TemplateLibrary.NewFromTemplateAsync(db,
        [
            (panel.Recruiter.Id, TeamRole.Recruiter), (panel.Manager.Id, TeamRole.HiringManager),
            (panel.Interviewer.Id, TeamRole.Interviewer), (panel.Interviewer2.Id, TeamRole.Interviewer),
        ], ct);
        created.Posting.SubmitForApproval(panel.Recruiter.Id, now.AddDays(-40));
        created.Posting.Approve(panel.Manager.Id, now.AddDays(-39), "Approved for the interview demo.");
        TemplateLibrary.Add(db, created);
        await db.SaveChangesAsync(ct);
        return created.Posting.Id;
    }

    // Six active applications on the posting, preferring the ones already furthest along; new applicants fill any gap.
    private async Task<List<JobApplication>> ApplicationsAsync(Guid postingId, List<InterviewStage> stages, DateTimeOffset now, CancellationToken ct)
    {
        var order = stages.ToDictionary(s => s.Id, s => s.Order);
        var interviewStages = stages.Where(s => s.Kind is StageKind.Interview or StageKind.Debrief).Select(s => s.Id).ToList();
        var existing = (await db.Applications.Where(a => a.PostingId == postingId && a.Status == ApplicationStatus.Active && interviewStages.Contains(a.StageId))
                .ToListAsync(ct))
            .OrderByDescending(a => order[a.StageId]).ThenBy(a => a.Id).Take(Fallback.Length).ToList();
        foreach (var scenario in Fallback.Skip(existing.Count))
        {
            var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Email == scenario.Email, ct);
            if (candidate is null)
            {
                candidate = new Candidate(scenario.Name, scenario.Email) { TimeZoneId = scenario.Zone, Location = scenario.Zone.Split('/')[1].Replace('_', ' ') };
                db.Candidates.Add(candidate);
            }
            var application = new JobApplication(candidate.Id, postingId, stages[0].Id, CandidateSource.CareersSite, null, now.AddDays(-21));
            var stage = stages.First(s => s.Name == scenario.Stage || (scenario.Stage.StartsWith("Behavio", StringComparison.Ordinal) && s.Name.StartsWith("Behavio", StringComparison.Ordinal)));
            application.MoveTo(stage.Id, now.AddDays(-10));
            db.Applications.Add(application);
            db.ActivityEvents.Add(new ActivityEvent(candidate.Id, application.Id, now.AddDays(-21), null, ActivityKind.Applied, "Applied on the careers site"));
            existing.Add(application);
        }
        return existing;
    }

    private static void Move(JobApplication application, InterviewStage stage, DateTimeOffset at)
    {
        if (application.StageId != stage.Id) application.MoveTo(stage.Id, at);
    }

    // Tomorrow (or later) at a civil hour, in UTC — demo interviews should not fall at midnight for anyone important.
    private static DateTimeOffset NextWorkingSlot(DateTimeOffset now, int days, int hourUtc) =>
        new(now.UtcDateTime.Date.AddDays(days).AddHours(hourUtc), TimeSpan.Zero);

    // Builds interviews, scorecards and their timeline entries against one posting's rubric.
    private sealed class Seeding(AppDbContext db, List<RubricItem> rubric, Dictionary<Guid, Competency> competencies, DateTimeOffset now)
    {
        private readonly List<Scorecard> _scorecards = [];
        private readonly Dictionary<Guid, Guid> _candidates = [];
        private readonly Dictionary<Guid, Guid> _stages = [];
        private readonly Dictionary<Guid, List<Guid>> _focus = [];

        public Interview Interview(JobApplication application, InterviewStage stage, DateTimeOffset startsAt, IReadOnlyList<AppUser> panel, string where)
        {
            var interview = new Interview(application.Id, application.PostingId, stage.Id, startsAt, stage.DurationMinutes, where);
            interview.SetInterviewers(panel.Select(p => p.Id));
            db.Interviews.Add(interview);
            _candidates[interview.Id] = application.CandidateId;
            _stages[interview.Id] = stage.Id;
            _focus[interview.Id] = stage.Focus.Count > 0
                ? stage.Focus.Select(f => f.CompetencyId).OrderBy(id => rubric.FindIndex(r => r.CompetencyId == id)).ToList()
                : rubric.OrderBy(r => r.Order).Select(r => r.CompetencyId).ToList();
            Activity(application, null, ActivityKind.InterviewScheduled, $"{stage.Name} scheduled", startsAt.AddDays(-4) < now ? startsAt.AddDays(-4) : now);
            return interview;
        }

        public void Submitted(Interview interview, AppUser interviewer, int?[] ratings, Recommendation recommendation, JobLevel level,
            IEnumerable<Guid> flags, string? privateNote)
        {
            var card = Card(interview, interviewer, ratings, recommendation, level, flags, privateNote);
            var at = interview.EndsAt.AddHours(3 + _scorecards.Count % 5);
            card.Submit(at < now ? at : now);
            interview.Participants.Single(p => p.InterviewerId == interviewer.Id).RecordFeedbackSubmitted();
            db.ActivityEvents.Add(new ActivityEvent(_candidates[interview.Id], interview.ApplicationId, card.SubmittedAt!.Value, interviewer.Id,
                ActivityKind.ScorecardSubmitted, $"Scorecard submitted: {recommendation.ToString().ToLowerInvariant()}"));
        }

        public void Draft(Interview interview, AppUser interviewer, int?[] ratings) =>
            Card(interview, interviewer, ratings, null, null, [], null);

        public void Activity(JobApplication application, Guid? actor, ActivityKind kind, string summary, DateTimeOffset at) =>
            db.ActivityEvents.Add(new ActivityEvent(application.CandidateId, application.Id, at, actor, kind, summary));

        // The weighted score each application would get from its submitted scorecards (what SaveScorecard keeps up to date).
        public void UpdateScores(IEnumerable<JobApplication> applications)
        {
            var weights = rubric.Select(r => new RubricWeight(r.CompetencyId, r.Weight, r.IsMustHave)).ToList();
            foreach (var application in applications)
            {
                var ratings = _scorecards.Where(s => s.ApplicationId == application.Id && s.Status == ScorecardStatus.Submitted)
                    .SelectMany(s => s.Ratings.Where(r => r.Rating is not null).Select(r => new SubmittedRating(r.CompetencyId, s.InterviewerId, r.Rating!.Value)));
                application.WeightedScore = ScoreCalculator.Calculate(weights, ratings).WeightedScore;
            }
        }

        private Scorecard Card(Interview interview, AppUser interviewer, int?[] ratings, Recommendation? recommendation, JobLevel? level,
            IEnumerable<Guid> flags, string? privateNote)
        {
            var card = new Scorecard(interview.Id, interview.ApplicationId, interviewer.Id);
            var focus = _focus[interview.Id];
            var inputs = focus.Select((id, i) =>
            {
                var competency = competencies[id];
                var version = competency.CurrentVersion;
                var rating = i < ratings.Length ? ratings[i] : 3;
                return new ScorecardRatingInput(id, version.Id, version.Name, rating, rating is null ? null : DemoEvidence.For(competency.Key, rating.Value, i + _scorecards.Count));
            });
            card.SaveDraft(inputs, flags.Where(f => f != Guid.Empty), recommendation, level, privateNote);
            db.Scorecards.Add(card);
            _scorecards.Add(card);
            return card;
        }
    }
}

// Evidence an interviewer might write: what the candidate said or did, one strong and one weak note per competency.
internal static class DemoEvidence
{
    private static readonly Dictionary<string, (string[] Strong, string[] Weak)> Notes = new()
    {
        ["system-design"] = (
            ["Asked for read/write ratios and peak traffic before drawing anything; split ingestion from querying and justified Postgres plus a Kafka log with numbers. Named the failure mode of the cache stampede unprompted.",
             "Walked through their last payments redesign honestly: the outbox pattern they chose, why, and that they would shard by merchant earlier next time."],
            ["Went straight to microservices and Kubernetes without sizing the problem. When asked what happens if the queue backs up, said 'we add more consumers' and stopped there.",
             "Could not explain why their previous team chose MongoDB beyond 'it was already there'."]),
        ["api-design"] = (
            ["Designed cursor pagination and idempotency keys for the create endpoint without prompting; described a deprecation header and a six-month sunset for v1.",
             "Compared REST and gRPC for the internal service sensibly: gRPC for the chatty internal path, REST at the edge for partners."],
            ["Error responses were plain strings with 200 status codes; no plan for versioning when a field changes meaning.",
             "Assumed the third-party API never times out; no retries or circuit breaking discussed."]),
        ["data-performance"] = (
            ["Read the EXPLAIN output I gave them correctly, spotted the sequential scan and proposed a composite index in the right column order, then asked how we would verify it in production.",
             "Described a real incident: a 40-minute backfill locking a hot table, fixed by batching with a keyset cursor and measuring before and after."],
            ["Suggested 'add Redis' for the slow report without knowing which query was slow. Unsure what an N+1 query looks like in an ORM.",
             "Normalised the schema fine but put no constraints or indexes on it until asked."]),
        ["security"] = (
            ["Raised object-level authorisation on the order endpoint before I did; proposed short-lived access tokens with refresh rotation and explained revocation.",
             "Threat-modelled the file upload: size limits, content sniffing, storage outside the web root, signed URLs."],
            ["Stored the JWT in local storage and did not mention expiry. Treated input validation as a front-end concern.",
             "Could not name an OWASP Top 10 risk beyond SQL injection."]),
        ["cloud-devops"] = (
            ["Has extended a GitHub Actions pipeline with canary deploys and automatic rollback on error-rate alerts; knows their Terraform well.",
             "Instrumented their service with OpenTelemetry traces and used them to find a slow downstream call."],
            ["Deployment was 'handled by the platform team'; could not say how they would know a release was healthy.",
             "Has used Kubernetes but never debugged a failing pod."]),
        ["quality-testing"] = (
            ["Wrote a failing test for the edge case first, then the fix; used an integration test against a real database where a mock would have hidden the bug.",
             "Gave specific, kind review feedback on the sample PR and explained the why; changed their own approach when I pointed out the race."],
            ["Wrote no tests in the exercise and said they would add them 'if there was time'.",
             "Review comments on the sample PR were all formatting nits; missed the unchecked null."]),
        ["ai-judgment"] = (
            ["Reviewed the AI-suggested patch line by line, found the off-by-one in the retry loop and the missing authorisation check, and explained how they verify generated code.",
             "Uses an assistant for boilerplate but writes the tests themselves; described a time it invented an API that did not exist."],
            ["Accepted the generated code as-is and moved on; did not notice it swallowed exceptions.",
             "Said they trust the assistant more than code review for simple changes."]),
        ["debugging-operations"] = (
            ["Worked the latency scenario methodically: checked the dashboards, narrowed to one dependency, formed a hypothesis and asked for the trace that would confirm it.",
             "Led a real incident review; blameless write-up, two concrete follow-ups that shipped."],
            ["Jumped between guesses in the latency scenario without checking any metric; restarted the service twice.",
             "Has not been on call and was unsure what a runbook would contain."]),
        ["remote-communication"] = (
            ["Explained their design clearly to me as if to a product manager, then went deeper when I asked; writes ADRs at their current job and shared an example.",
             "Flagged early that they were unsure of a requirement instead of guessing; summarised agreements at the end."],
            ["Answers were long and hard to follow; did not check whether I had understood.",
             "Prefers to sort things out on calls and rarely writes decisions down."]),
        ["leadership-mentoring"] = (
            ["Mentors two juniors; described how they broke a large refactor into reviewable steps so the team could own it.",
             "Raised a piece of architectural debt with their manager with a cost estimate and a migration plan."],
            ["No examples of mentoring; described code review mainly as gatekeeping.",
             "When they disagreed with a design, they 'just built it their way'."]),
    };

    public static string For(string competencyKey, int rating, int variant)
    {
        if (!Notes.TryGetValue(competencyKey, out var notes))
            return rating >= 3 ? "Gave a concrete, well-reasoned example." : "Answers stayed general; no concrete example.";
        var pool = rating >= 3 ? notes.Strong : notes.Weak;
        return pool[variant % pool.Length];
    }
}
