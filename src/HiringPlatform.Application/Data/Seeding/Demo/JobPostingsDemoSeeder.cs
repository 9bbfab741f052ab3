using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Templates;
using HiringPlatform.Application.Features.JobPostings;
using HiringPlatform.Application.Features.JobPostings.Shared;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Data.Seeding.Demo;

// Demo postings in every state, with a handful of candidates who applied through the careers site (each with a
// small PDF résumé, so downloads and background text extraction have something real to work on).
// Idempotent: does nothing once any posting exists.
public sealed class JobPostingsDemoSeeder(AppDbContext db, IFileStorage storage, TimeProvider clock) : IDemoSeeder
{
    public int Order => 10;

    private sealed record Applicant(string Name, string Email, string Location, string TimeZone, string Headline, string Salary,
        string Notice, int DaysAgo, string? Stage = null, string? GitHub = null, string? LinkedIn = null);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.JobPostings.AnyAsync(ct)) return;
        var emails = DemoUsers.All.Select(u => u.Email.ToUpperInvariant()).ToList();
        var users = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, ct);
        Guid Id(DemoUser user) => users[user.Email.ToUpperInvariant()];
        var recruiter = Id(DemoUsers.Recruiter);
        var manager = Id(DemoUsers.HiringManager);
        (Guid, TeamRole)[] team =
        [
            (recruiter, TeamRole.Recruiter), (manager, TeamRole.HiringManager),
            (Id(DemoUsers.Interviewer), TeamRole.Interviewer), (Id(DemoUsers.Interviewer2), TeamRole.Interviewer),
        ];
        var now = clock.GetUtcNow();

        // Open, remote: the template as it comes.
        var backend = await FromTemplateAsync(team, now.AddDays(-40), p => { });
        Publish(backend.Posting, recruiter, manager, now.AddDays(-35), "Looks good. Ship it.");

        // Open, hybrid, salary not shown publicly.
        var platform = await FromTemplateAsync(team, now.AddDays(-30), p =>
        {
            p.Title = "Staff Platform Engineer";
            p.Level = JobLevel.Staff;
            p.Team = "Platform Engineering";
            p.LocationType = LocationType.Hybrid;
            p.Location = "Berlin, Germany";
            p.TimeZoneMinOffset = null;
            p.TimeZoneMaxOffset = null;
            p.Salary = new SalaryBand { Min = 120_000m, Max = 150_000m, Currency = "EUR", IsPublic = false };
            p.DescriptionMarkdown = """
                As a Staff Platform Engineer you will shape how every product team at the company builds, ships and runs services. You will own the architecture of our internal platform — service templates, deployment pipelines, observability and the data layer — and lead the engineers who build it.

                The role is hybrid: we meet in our Berlin office on Tuesdays and Thursdays and work from wherever suits you the rest of the week.
                """;
        });
        Publish(platform.Posting, recruiter, manager, now.AddDays(-25), null);

        // Awaiting the hiring manager's approval.
        var payments = await FromTemplateAsync(team, now.AddDays(-3), p =>
        {
            p.Title = "Senior Backend Engineer (Payments)";
            p.Team = "Payments";
            p.Salary = new SalaryBand { Min = 160_000m, Max = 230_000m, Currency = "USD", IsPublic = true };
        });
        payments.Posting.SubmitForApproval(recruiter, now.AddDays(-2));

        // A draft, started blank.
        var data = PostingFactory.Blank("Lead Data Engineer", team);
        data.Posting.CreatedAt = now.AddDays(-1);
        data.Posting.Level = JobLevel.Lead;
        data.Posting.Team = "Data";
        data.Posting.LocationType = LocationType.Hybrid;
        data.Posting.Location = "London, United Kingdom";
        data.Posting.Salary = new SalaryBand { Min = 95_000m, Max = 120_000m, Currency = "GBP", IsPublic = true };
        data.Posting.DescriptionMarkdown = "We are looking for a Lead Data Engineer to own our event pipeline and warehouse. *Draft — responsibilities to follow.*";
        TemplateLibrary.Add(db, data);

        // Paused while the team works through its shortlist.
        var mid = await FromTemplateAsync(team, now.AddDays(-60), p =>
        {
            p.Title = "Backend Engineer";
            p.Level = JobLevel.Mid;
            p.Salary = new SalaryBand { Min = 110_000m, Max = 150_000m, Currency = "USD", IsPublic = true };
        });
        Publish(mid.Posting, recruiter, manager, now.AddDays(-55), null);
        mid.Posting.Pause(recruiter, now.AddDays(-10), "Pausing while we interview the current shortlist.");

        // Filled months ago.
        var search = await FromTemplateAsync(team, now.AddDays(-210), p =>
        {
            p.Title = "Senior Backend Engineer (Search)";
            p.Team = "Search";
        });
        Publish(search.Posting, recruiter, manager, now.AddDays(-200), null);
        search.Posting.RecordHire(manager, now.AddDays(-120));

        await db.SaveChangesAsync(ct);

        await AddApplicantsAsync(backend, now, ct,
            new Applicant("Maya Rodriguez", "maya.rodriguez@example.com", "Austin, United States", "America/Chicago",
                "Senior software engineer, 8 years of Go and PostgreSQL at a logistics start-up", "185000", "Four weeks", 2, GitHub: "https://github.com/mayarodriguez"),
            new Applicant("Tomasz Kowalski", "tomasz.kowalski@example.com", "Warsaw, Poland", "Europe/Warsaw",
                "Backend engineer, Java and Kotlin, payment systems and Kafka", "150000", "One month", 5, "Recruiter screen"),
            new Applicant("Aisha Bello", "aisha.bello@example.com", "Lagos, Nigeria", "Africa/Lagos",
                "Staff engineer, Node.js and TypeScript APIs, AWS, led a team of five", "170000", "Two weeks", 1, LinkedIn: "https://www.linkedin.com/in/aishabello"),
            new Applicant("Daniel Kim", "daniel.kim@example.com", "Toronto, Canada", "America/Toronto",
                "Senior C# and .NET engineer, distributed systems and SQL Server tuning", "175000", "Three weeks", 9, "Recruiter screen"),
            new Applicant("Sofia Almeida", "sofia.almeida@example.com", "Lisbon, Portugal", "Europe/Lisbon",
                "Backend engineer, Python and Django, Redis, observability with OpenTelemetry", "140000", "Immediately", 12),
            new Applicant("Ethan Brooks", "ethan.brooks@example.com", "Denver, United States", "America/Denver",
                "Rust and Go engineer, storage engines, on-call lead for a SaaS platform", "210000", "Six weeks", 3));
        await AddApplicantsAsync(platform, now, ct,
            new Applicant("Hannah Schmidt", "hannah.schmidt@example.com", "Berlin, Germany", "Europe/Berlin",
                "Principal engineer, Kubernetes platform and Terraform, 12 years in infrastructure", "145000", "Three months", 4),
            new Applicant("Ravi Menon", "ravi.menon@example.com", "Bengaluru, India", "Asia/Kolkata",
                "Platform engineer, internal developer platforms, CI/CD at scale", "130000", "Two months", 8),
            new Applicant("Lucas Martin", "lucas.martin@example.com", "Lyon, France", "Europe/Paris",
                "Site reliability engineer, Prometheus, incident response, Go", "125000", "One month", 6, "Recruiter screen"));
        await AddApplicantsAsync(mid, now, ct,
            new Applicant("Grace O'Neill", "grace.oneill@example.com", "Dublin, Ireland", "Europe/Dublin",
                "Backend engineer, 3 years of Java and Spring, REST APIs and MySQL", "115000", "Two weeks", 14));
        await db.SaveChangesAsync(ct);
    }

    private async Task<NewPosting> FromTemplateAsync((Guid, TeamRole)[] team, DateTimeOffset createdAt, Action<JobPosting> configure)
    {
        var created = await TemplateLibrary.NewFromTemplateAsync(db, team, CancellationToken.None);
        created.Posting.CreatedAt = createdAt;
        configure(created.Posting);
        TemplateLibrary.Add(db, created);
        return created;
    }

    private static void Publish(JobPosting posting, Guid recruiter, Guid manager, DateTimeOffset at, string? comment)
    {
        posting.SubmitForApproval(recruiter, at.AddHours(-20));
        posting.Approve(manager, at, comment);
    }

    private async Task AddApplicantsAsync(NewPosting posting, DateTimeOffset now, CancellationToken ct, params Applicant[] applicants)
    {
        var questions = posting.Posting.ScreeningQuestions.OrderBy(q => q.Order).ToList();
        var first = posting.Stages.OrderBy(s => s.Order).First();
        foreach (var a in applicants)
        {
            var appliedAt = now.AddDays(-a.DaysAgo).AddHours(-a.Name.Length % 9);
            var candidate = new Candidate(a.Name, a.Email)
            {
                Location = a.Location,
                TimeZoneId = a.TimeZone,
                Phone = "+1 555 01" + (a.Name.Length % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
                GitHubUrl = a.GitHub,
                LinkedInUrl = a.LinkedIn,
                Source = CandidateSource.CareersSite,
                CreatedAt = appliedAt,
            };
            db.Candidates.Add(candidate);

            var pdf = DemoResumePdf.Create([a.Name, a.Email, a.Location, "", a.Headline, "",
                "Experience: designing and running backend services and APIs in production.",
                "Skills: system design, SQL, testing, code review, observability."]);
            var key = $"resumes/{Guid.CreateVersion7():N}";
            await storage.SaveAsync(key, pdf, ct);
            var file = new StoredFile(candidate.Id, FileKind.Resume, $"{a.Name.Replace(' ', '-').Replace("'", "", StringComparison.Ordinal)}-CV.pdf",
                ResumeFile.PdfContentType, pdf.Length, key, appliedAt);
            db.Files.Add(file);
            candidate.ResumeFileId = file.Id;

            var application = new JobApplication(candidate.Id, posting.Posting.Id, first.Id, CandidateSource.CareersSite, null, appliedAt)
            {
                ConsentedAt = appliedAt,
                ConsentRetentionMonths = 24,
                CoverNote = $"Hello! {a.Headline}. I'd love to talk about the role.",
            };
            foreach (var q in questions)
            {
                var answer = q.Key switch
                {
                    "work-authorization" => "Yes",
                    "salary-expectation" => $"{decimal.Parse(a.Salary, System.Globalization.CultureInfo.InvariantCulture):#,0} {posting.Posting.Salary.Currency}",
                    "notice-period" => a.Notice,
                    _ => null,
                };
                if (answer is not null) application.AddAnswer(q.Id, q.Text, answer);
            }
            db.ActivityEvents.Add(new ActivityEvent(candidate.Id, application.Id, appliedAt, null, ActivityKind.Applied,
                $"Applied for {posting.Posting.Title} on the careers site"));
            if (a.Stage is { } stageName)
            {
                var stage = posting.Stages.Single(s => s.Name == stageName);
                application.MoveTo(stage.Id, appliedAt.AddDays(1));
            }
            db.Applications.Add(application);
        }
    }
}
