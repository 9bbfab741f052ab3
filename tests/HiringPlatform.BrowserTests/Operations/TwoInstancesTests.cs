using System.Diagnostics;
using System.Net;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiringPlatform.BrowserTests.Operations;

// Two Release instances of the app in Production behind one nginx, on one database: what a deployment with two
// replicas does. A person moves between the instances without signing in again, both see the same data, and each
// background job's work is done once in total, not once per instance.
public sealed class TwoInstancesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const int Applications = 20;
    private const int OverdueInterviews = 3;

    [Fact]
    public async Task Should_share_sessions_data_and_background_work_between_two_instances()
    {
        var team = await App.CreateTeamAsync();
        // Overdue feedback waiting for a reminder: two interviewers on each of three interviews that ended days ago.
        for (var i = 0; i < OverdueInterviews; i++)
        {
            var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, $"Overdue Candidate {i}", InterviewTestData.SystemDesign);
            await App.CreateInterviewAsync(applicationId, [team.Alice, team.Bob], App.Clock.GetUtcNow().AddDays(-3).AddHours(i), durationMinutes: 60);
        }

        var proxy = await ProductionBehindProxy.StartAsync(App.ConnectionString, new Dictionary<string, string>
        {
            ["Email__Mode"] = "Pickup",
            ["Email__Smtp__From"] = "hiring@example.com",
            ["Email__PollSeconds"] = "1",
            ["Interviews__FeedbackReminders__Enabled"] = "true",
            ["Interviews__FeedbackReminders__IntervalMinutes"] = "0.05",
            ["Careers__ApplyRateLimitPerHour"] = "1000",
        }, instances: 2);
        await using var site = proxy;

        // A recruiter signs in through instance 0 and keeps working through instance 1 (keys are in PostgreSQL).
        var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{site.DirectUrl(0)}/account/sign-in");
        await page.GetByLabel("Email").FillAsync(team.Recruiter.Email);
        await page.GetByLabel("Password").FillAsync(team.Recruiter.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#home-recruiter")).ToBeVisibleAsync();
        await page.GotoAsync($"{site.DirectUrl(1)}/postings/{team.Posting.Id}/board");
        await Assertions.Expect(page.GetByText("Overdue Candidate 0").First).ToBeVisibleAsync();

        // Applications arrive through both instances in turn.
        var resume = TestResumes.Pdf("Two Instances", "Backend engineer");
        for (var i = 0; i < Applications; i++)
        {
            using var client = site.ClientFrom("127.0.0.1", baseUrl: site.DirectUrl(i % 2));
            var response = await client.SubmitFormAsync($"/careers/{team.Posting.Id}/apply", "form[enctype='multipart/form-data']", new Dictionary<string, string>
            {
                ["FullName"] = $"Applicant {i:00} Instance{i % 2}",
                ["Email"] = $"applicant{i}@example.com",
                ["Location"] = "Porto, Portugal",
                ["TimeZoneId"] = "Europe/Lisbon",
                ["GitHubUrl"] = $"https://github.com/applicant{i}",
                ["Answers[0].Value"] = "Yes",
                ["Answers[1].Value"] = "120000",
                ["Answers[1].Currency"] = "EUR",
                ["Answers[2].Value"] = "One month",
                ["Consent"] = "true",
            }, new Dictionary<string, (string, string, byte[])> { ["resumeFile"] = ("cv.pdf", "application/pdf", resume) });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        // What one instance took in, the other shows.
        await page.GotoAsync($"{site.DirectUrl(1)}/postings/{team.Posting.Id}/board");
        await Assertions.Expect(page.GetByText("Applicant 00 Instance0").First).ToBeVisibleAsync();
        await page.GotoAsync($"{site.DirectUrl(0)}/postings/{team.Posting.Id}/board");
        await Assertions.Expect(page.GetByText("Applicant 01 Instance1").First).ToBeVisibleAsync();
        await context.CloseAsync();

        // Each background job does its work once across both instances: every queued email (20 confirmations, one
        // reminder per overdue interviewer) is sent once, and each reminder is queued once.
        var expected = Applications + 2 * OverdueInterviews;
        var wait = Stopwatch.StartNew();
        (int Total, int Sent, int Reminders) counts = default;
        while (wait.Elapsed < TimeSpan.FromSeconds(90))
        {
            counts = await App.WithDbAsync(async db => (
                await db.OutboxEmails.CountAsync(),
                await db.OutboxEmails.CountAsync(e => e.Status == EmailStatus.Sent),
                await db.OutboxEmails.CountAsync(e => e.Subject.StartsWith("Feedback overdue"))));
            if (counts.Sent == expected && counts.Reminders == 2 * OverdueInterviews) break;
            await Task.Delay(500);
        }
        // Two more reminder rounds and dispatcher polls: nothing more is queued or sent.
        await Task.Delay(TimeSpan.FromSeconds(8));
        counts = await App.WithDbAsync(async db => (
            await db.OutboxEmails.CountAsync(),
            await db.OutboxEmails.CountAsync(e => e.Status == EmailStatus.Sent),
            await db.OutboxEmails.CountAsync(e => e.Subject.StartsWith("Feedback overdue"))));
        Assert.Equal((expected, expected, 2 * OverdueInterviews), counts);
        var files = Directory.GetFiles(site.PickupDirectory, "*.eml");
        Assert.Equal(expected, files.Length);
        Assert.DoesNotContain("\"@l\":\"Error\"", site.Log("app.log") + site.Log("app1.log"), StringComparison.Ordinal);
    }
}
