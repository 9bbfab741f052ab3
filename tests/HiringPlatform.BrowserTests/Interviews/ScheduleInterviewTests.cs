using System.Globalization;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiringPlatform.BrowserTests.Interviews;

public sealed class ScheduleInterviewTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Should_warn_a_recruiter_about_an_overlap_and_the_candidates_evening_before_scheduling_anyway()
    {
        var recruiter = await App.CreateUserAsync("Rita Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Jordan Manager", Roles.HiringManager);
        var alice = await App.CreateUserAsync("Alice Interviewer", Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, manager, [alice]);
        // Tomorrow 10:00 UTC (the recruiter's zone): 19:00 for a candidate in Tokyo, and Alice is already busy then.
        var slot = new DateTimeOffset(App.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(10), TimeSpan.Zero);
        var (_, busyApplication) = await App.CreateApplicantAsync(posting, "Earlier Candidate", InterviewTestData.SystemDesign);
        await App.CreateInterviewAsync(busyApplication, [alice], slot.AddMinutes(30));
        var candidateId = await App.CreateCandidateAsync("Kenji Sato", configure: c => c.TimeZoneId = "Asia/Tokyo");
        var applicationId = await App.CreateApplicationAsync(posting, candidateId, InterviewTestData.SystemDesign);

        var page = await App.SignInAsync(recruiter);
        var problems = BrowserConsole.Watch(page);
        await page.GotoAsync($"/applications/{applicationId}/score");
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Schedule an interview");
        await page.GetByLabel("Date and time").FillAsync(slot.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("Video link or place").FillAsync("https://meet.example.com/kenji");
        await page.GetByRole(AriaRole.Group, new() { Name = "Interviewers" }).GetByLabel("Alice Interviewer").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule and send invitations" }).ClickAsync();

        // Nothing is saved yet: the page lists what to check.
        var warnings = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Please check before scheduling" });
        await Assertions.Expect(warnings).ToContainTextAsync("Alice Interviewer already has an interview");
        await Assertions.Expect(warnings).ToContainTextAsync("outside 08:00–18:00 in their time zone");
        await Assertions.Expect(page.GetByLabel("Video link or place")).ToHaveValueAsync("https://meet.example.com/kenji");
        await BrowserFixture.ScreenshotAsync(page, "schedule-warnings-desktop");
        Assert.Equal(0, await App.WithDbAsync(db => db.Interviews.CountAsync(i => i.ApplicationId == applicationId)));

        await page.GetByLabel("I have checked: schedule it anyway").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule and send invitations" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Interview scheduled");
        await BrowserFixture.ScreenshotAsync(page, "interview-detail-desktop");
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var interview = await App.WithDbAsync(db => db.Interviews.AsNoTracking().Include(i => i.Participants).SingleAsync(i => i.ApplicationId == applicationId));
        Assert.Equal(slot, interview.StartsAt);
        Assert.Equal(alice.Id, Assert.Single(interview.Participants).InterviewerId);
        Assert.Equal(2, await App.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.CandidateId == candidateId)));

        var phone = await App.SignInAsync(recruiter, 390);
        await phone.GotoAsync($"/interviews/new?applicationId={busyApplication}");
        await BrowserFixture.ScreenshotAsync(phone, "schedule-phone");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the schedule page scrolls sideways on a phone");
    }
}
