using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiringPlatform.BrowserTests.Rubrics;

public sealed class CompetencyLibraryTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Should_let_an_admin_edit_a_used_competency_into_a_new_version_and_see_what_changed()
    {
        var recruiter = await App.CreateUserAsync("Lib Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Lib Manager", Roles.HiringManager);
        var interviewer = await App.CreateUserAsync("Lib Interviewer", Roles.Interviewer);
        var admin = await App.CreateUserAsync("Lib Admin", Roles.Admin);
        var posting = await App.CreatePostingAsync(recruiter, manager, [interviewer]);
        var (_, applicationId) = await App.CreateApplicantAsync(posting, "Linus Library", "Coding exercise");
        var interviewId = await App.CreateInterviewAsync(applicationId, [interviewer]);
        await App.WithDbAsync(async db =>
        {
            var competency = await db.Competencies.SingleAsync(c => c.Key == "quality-testing");
            var scorecard = new Scorecard(interviewId, applicationId, interviewer.Id);
            scorecard.SaveDraft([new ScorecardRatingInput(competency.Id, competency.CurrentVersionId, competency.Name, 3, "Wrote tests first.")],
                [], Recommendation.Yes, null, null);
            scorecard.Submit(App.Clock.GetUtcNow());
            db.Scorecards.Add(scorecard);
            await db.SaveChangesAsync();
        });

        var page = await App.SignInAsync(admin);
        await page.GotoAsync("/competencies");
        await page.Locator("article", new() { HasText = "Quality and testing" }).GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saving a change creates version 2");
        await page.GetByLabel("4 · Strong yes").FillAsync("Uses tests to shape the design, and says what they left untested and why.");
        await BrowserFixture.ScreenshotAsync(page, "competency-edit-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Saved as version 2");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Version 2 Current" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("del.diff-removed", new() { HasText = "cheap to change" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ins.diff-added", new() { HasText = "says" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Rated in 1 submitted scorecard")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "competency-history-desktop");

        var phone = await App.SignInAsync(admin, 390);
        await phone.GotoAsync(page.Url);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the history scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(phone, "competency-history-phone");
        await phone.GotoAsync("/questions/new");
        await BrowserFixture.ScreenshotAsync(phone, "question-new-phone");
    }
}
