using System.Text.RegularExpressions;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiringPlatform.BrowserTests.JobPostings;

public sealed partial class PostingToApplicationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [GeneratedRegex(@"/postings/([0-9a-f-]{36})$")]
    private static partial Regex DetailsUrl();

    [Fact]
    public async Task Should_take_a_role_from_a_template_draft_to_a_candidate_s_application_in_the_outbox()
    {
        var recruiter = await App.CreateUserAsync("Riley Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Jordan Manager", Roles.HiringManager);
        await App.CreateUserAsync("Sam Interviewer", Roles.Interviewer);

        // The recruiter creates the posting from the template and submits it for approval.
        var recruiterPage = await App.SignInAsync(recruiter);
        await recruiterPage.GotoAsync("/postings/new");
        await Assertions.Expect(recruiterPage.GetByLabel("The Senior Backend Engineer template")).ToBeCheckedAsync();
        await recruiterPage.GetByLabel("Job title").FillAsync("Senior Backend Engineer (Browser)");
        await recruiterPage.GetByLabel("Hiring manager").SelectOptionAsync(manager.Id.ToString());
        await BrowserFixture.ScreenshotAsync(recruiterPage, "posting-new");
        await recruiterPage.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(recruiterPage).ToHaveURLAsync(DetailsUrl());
        var postingId = Guid.Parse(DetailsUrl().Match(recruiterPage.Url).Groups[1].Value);
        await Assertions.Expect(recruiterPage.Locator(".page-header .badge")).ToHaveTextAsync("Draft");
        await recruiterPage.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
        await Assertions.Expect(recruiterPage.Locator(".alert-success")).ToContainTextAsync("Submitted for approval");
        await Assertions.Expect(recruiterPage.Locator(".page-header .badge")).ToHaveTextAsync("Awaiting approval");

        // The hiring manager finds it on their home page and approves it.
        var managerPage = await App.SignInAsync(manager);
        var awaiting = managerPage.Locator("#postings-awaiting-approval");
        await Assertions.Expect(awaiting).ToContainTextAsync("Senior Backend Engineer (Browser)");
        await awaiting.GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await managerPage.Locator("#approval-comment").FillAsync("Approved, good luck!");
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Assertions.Expect(managerPage.Locator(".alert-success")).ToContainTextAsync("now open on the careers site");
        await BrowserFixture.ScreenshotAsync(managerPage, "posting-details-open");

        // A candidate on a phone finds it on the careers site and applies with a PDF.
        var candidate = await App.NewPageAsync(390, 844);
        await candidate.GotoAsync("/careers");
        var job = candidate.GetByRole(AriaRole.Link, new() { Name = "Senior Backend Engineer (Browser)" });
        await Assertions.Expect(job).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(candidate, "careers-phone");
        await job.ClickAsync();
        await Assertions.Expect(candidate.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Senior Backend Engineer (Browser)");
        await BrowserFixture.ScreenshotAsync(candidate, "careers-posting-phone");
        await candidate.Locator(".apply-bar").GetByRole(AriaRole.Link, new() { Name = "Apply for this job" }).ClickAsync();

        await BrowserFixture.FillApplicationAsync(candidate, new Applicant("Aisha Bello", "aisha.bello@example.com", "Lagos, Nigeria",
            "Africa/Lagos", "https://github.com/aishabello", "Aisha-Bello-CV.pdf", ["Staff engineer", "Node.js, TypeScript, AWS"], "170000", "USD", "Two weeks"));
        await Assertions.Expect(candidate.Locator("#resume-choice")).ToContainTextAsync("Aisha-Bello-CV.pdf");
        await BrowserFixture.ScreenshotAsync(candidate, "careers-apply-phone");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        await Assertions.Expect(candidate.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you, your application is in");
        await BrowserFixture.ScreenshotAsync(candidate, "careers-applied-phone");

        // The recruiter sees the new application on the posting.
        await recruiterPage.GotoAsync($"/postings/{postingId}");
        var recent = recruiterPage.Locator("section[aria-labelledby='recent-applications']");
        await Assertions.Expect(recent).ToContainTextAsync("Aisha Bello");
        await Assertions.Expect(recent).ToContainTextAsync("Application review");
        await Assertions.Expect(recruiterPage.Locator("section[aria-labelledby='pipeline'] li").First).ToContainTextAsync("1");
        await BrowserFixture.ScreenshotAsync(recruiterPage, "posting-details-with-application");

        // The confirmation email waits in the outbox, with the private status link.
        var email = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().SingleAsync(e => e.To == "aisha.bello@example.com"));
        Assert.Equal("Your application for Senior Backend Engineer (Browser)", email.Subject);
        Assert.Contains("/careers/my-application/", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(PostingStatus.Open, await App.WithDbAsync(db => db.JobPostings.Where(p => p.Id == postingId).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Should_look_right_on_a_phone_and_keep_the_form_after_an_error()
    {
        var recruiter = await App.CreateUserAsync("Phone Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Phone Manager", Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, manager);
        await App.CreatePostingAsync(recruiter, manager, title: "Staff Platform Engineer");

        var page = await App.NewPageAsync(390, 844);
        await page.GotoAsync($"/careers/{posting.Id}/apply");
        // Nothing wider than the screen.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await page.GetByLabel("Full name").FillAsync("Daniel Kim");
        await page.GetByLabel("Email").FillAsync("daniel.kim@");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-valmsg-for='Email']")).ToHaveTextAsync("Enter a valid email address, like name@example.com.");
        await Assertions.Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Daniel Kim");
        await Assertions.Expect(page.Locator("[role='note']").Filter(new() { HasText = "choose your résumé again" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "careers-apply-errors-phone");

        var desktop = await App.NewPageAsync();
        await desktop.GotoAsync("/careers");
        await BrowserFixture.ScreenshotAsync(desktop, "careers-desktop");
        await desktop.GotoAsync($"/careers/{posting.Id}");
        await BrowserFixture.ScreenshotAsync(desktop, "careers-posting-desktop");

        var staff = await App.SignInAsync(recruiter);
        await staff.GotoAsync($"/postings/{posting.Id}/edit");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Preview" }).First.ClickAsync();
        await Assertions.Expect(staff.Locator(".markdown-preview").First).ToContainTextAsync("Senior Backend Engineer");
        await BrowserFixture.ScreenshotAsync(staff, "posting-edit");
        await staff.GotoAsync("/postings");
        await BrowserFixture.ScreenshotAsync(staff, "postings-list");
        await staff.GotoAsync("/");
        await BrowserFixture.ScreenshotAsync(staff, "home-recruiter-postings");

        var staffPhone = await App.SignInAsync(recruiter, 390);
        foreach (var (url, name) in new[] { ("/postings", "postings-list-phone"), ($"/postings/{posting.Id}", "posting-details-phone"), ($"/postings/{posting.Id}/edit", "posting-edit-phone") })
        {
            await staffPhone.GotoAsync(url);
            Assert.True(await staffPhone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{url} is wider than a phone");
            await BrowserFixture.ScreenshotAsync(staffPhone, name);
        }
    }
}
