using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiringPlatform.BrowserTests.Rubrics;

public sealed class TailorRubricAndPlanTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Should_let_a_hiring_manager_tailor_the_rubric_and_plan_and_an_interviewer_open_the_kit()
    {
        var recruiter = await App.CreateUserAsync("Rita Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Jordan Manager", Roles.HiringManager);
        var interviewer = await App.CreateUserAsync("Sam Interviewer", Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, manager, [interviewer]);
        var candidateId = await App.CreateCandidateAsync("Grace Hopper", configure: c => c.TimeZoneId = "America/New_York");
        var applicationId = await App.CreateApplicationAsync(posting, candidateId, "System design interview");
        var interviewId = await App.CreateInterviewAsync(applicationId, [interviewer]);

        // The hiring manager adjusts the rubric: a heavier security weight, cloud and DevOps now a must-have.
        var page = await App.SignInAsync(manager);
        var problems = WatchConsole(page);
        await page.GotoAsync($"/postings/{posting.Id}/rubric");
        await Assertions.Expect(page.Locator("#rubric-table tbody tr")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit rubric" }).ClickAsync();
        await page.GetByLabel("Weight of Security-first development", new() { Exact = true }).FillAsync("20");
        await page.GetByLabel("Type of Cloud and DevOps", new() { Exact = true }).SelectOptionAsync("true");
        // Shares follow the weights before saving: 20 of 108.
        await Assertions.Expect(page.Locator("[data-rubric-row]", new() { Has = page.GetByLabel("Weight of Security-first development", new() { Exact = true }) })
            .Locator("[data-share-text]")).ToHaveTextAsync("18.5%");
        await BrowserFixture.ScreenshotAsync(page, "rubric-edit-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save rubric" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("The rubric was saved.");
        var cloudRow = page.Locator("#rubric-table tbody tr", new() { HasText = "Cloud and DevOps" });
        await Assertions.Expect(cloudRow).ToContainTextAsync("Must-have");
        await Assertions.Expect(page.Locator("#rubric-table tbody tr", new() { HasText = "Security-first development" })).ToContainTextAsync("18.5%");
        await Assertions.Expect(page.Locator("#rubric-chart")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "rubric-desktop");

        // ... then the plan: a new interview stage with its focus, moved up before the behavioural interview.
        await page.GetByRole(AriaRole.Link, new() { Name = "Interview plan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a stage" }).ClickAsync();
        await page.GetByLabel("Stage name").FillAsync("Security deep dive");
        await page.GetByLabel("Kind").SelectOptionAsync("Interview");
        await page.GetByLabel("Duration (minutes)").FillAsync("45");
        await page.GetByLabel("Position in the plan").SelectOptionAsync(new SelectOptionValue { Label = "After Behavioral interview" });
        await page.GetByRole(AriaRole.Group, new() { Name = "Focus competencies" }).GetByLabel("Security-first development").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Focus competencies" }).GetByLabel("Cloud and DevOps").CheckAsync();
        await page.GetByLabel("Only show questions that probe the ticked focus competencies").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Tell me about an engineer you helped grow")).ToBeHiddenAsync();
        await page.GetByLabel("You are exposing a new API that handles customer data").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Default interviewers" }).GetByLabel("Sam Interviewer").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "stage-add-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the stage" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("\"Security deep dive\" was added to the plan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Security deep dive up" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("moved up");
        var names = await page.Locator("ol[aria-label=Stages] > li h2").AllTextContentsAsync();
        Assert.Equal("Stage 6: Security deep dive", names[5].Trim());
        Assert.Equal("Stage 7: Behavioral interview", names[6].Trim());
        var newStage = page.Locator("ol[aria-label=Stages] > li", new() { HasText = "Security deep dive" });
        await Assertions.Expect(newStage).ToContainTextAsync("Cloud and DevOps");
        await Assertions.Expect(newStage).ToContainTextAsync("Sam Interviewer");
        await Assertions.Expect(page.Locator("#coverage-warning")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "plan-desktop");

        // Removing a stage that holds an application is refused, and says where to go (after the "are you sure?").
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Locator($"#stage-{posting.Stage("System design interview").Id}").GetByRole(AriaRole.Button, new() { Name = "Remove System design interview" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#stage-{posting.Stage("System design interview").Id} [role=alert]")).ToContainTextAsync("1 active application is in this stage");
        await BrowserFixture.ScreenshotAsync(page, "plan-remove-refused-desktop");
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var stages = await App.WithDbAsync(db => db.InterviewStages.Where(s => s.PostingId == posting.Id).OrderBy(s => s.Order).Select(s => s.Name).ToListAsync());
        Assert.Equal(9, stages.Count);

        // Phone width: the same pages stay readable.
        var phone = await App.SignInAsync(manager, 390);
        foreach (var (url, name) in new[]
                 {
                     ($"/postings/{posting.Id}/rubric", "rubric-phone"), ($"/postings/{posting.Id}/rubric/edit", "rubric-edit-phone"),
                     ($"/postings/{posting.Id}/plan", "plan-phone"), ("/competencies", "competencies-phone"), ("/questions", "questions-phone"),
                 })
        {
            await phone.GotoAsync(url);
            Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{url} scrolls sideways on a phone");
            await BrowserFixture.ScreenshotAsync(phone, name);
        }
        await page.GotoAsync("/competencies");
        await BrowserFixture.ScreenshotAsync(page, "competencies-desktop");
        await page.GotoAsync("/questions");
        await BrowserFixture.ScreenshotAsync(page, "questions-desktop");

        // The interviewer opens the kit of their interview.
        var kit = await App.SignInAsync(interviewer);
        var kitProblems = WatchConsole(kit);
        await kit.GotoAsync($"/interviews/{interviewId}/kit");
        await Assertions.Expect(kit.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Interview kit");
        await Assertions.Expect(kit.Locator(".kit")).ToContainTextAsync("Grace Hopper");
        await Assertions.Expect(kit.GetByRole(AriaRole.Heading, new() { Name = "System architecture and design" })).ToBeVisibleAsync();
        await Assertions.Expect(kit.Locator(".kit-question")).ToHaveCountAsync(4);
        await Assertions.Expect(kit.GetByRole(AriaRole.Heading, new() { Name = "Red-flag checklist" })).ToBeVisibleAsync();
        await Assertions.Expect(kit.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeVisibleAsync();
        await Assertions.Expect(kit.GetByText("Candidate's time:")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(kit, "kit-desktop");
        Assert.True(kitProblems.Count == 0, string.Join("\n", kitProblems));
        var kitPhone = await App.SignInAsync(interviewer, 390);
        await kitPhone.GotoAsync($"/interviews/{interviewId}/kit");
        Assert.True(await kitPhone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the kit scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(kitPhone, "kit-phone");
    }

    // Console errors include Content-Security-Policy violations (a blocked inline style or script). A refused form
    // answers 422 on purpose, which Chromium logs too; the site has no favicon yet.
    private static List<string> WatchConsole(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("status of 422", StringComparison.Ordinal)
                && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal)) problems.Add($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => problems.Add(error);
        return problems;
    }
}
