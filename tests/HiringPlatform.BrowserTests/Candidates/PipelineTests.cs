using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiringPlatform.BrowserTests.Candidates;

public sealed class PipelineTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Should_let_a_recruiter_move_reject_find_and_merge_candidates_on_a_busy_pipeline()
    {
        var recruiter = await App.CreateUserAsync("Rita Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Jordan Manager", Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, manager, title: "Senior Backend Engineer (Pipeline)");
        var platform = await App.CreatePostingAsync(recruiter, manager, title: "Staff Platform Engineer");

        // A pipeline with people in several stages.
        var (_, _) = await App.CreateApplicantAsync(posting, "Maya Patel");
        foreach (var name in new[] { "Ben Carter", "Chloe Nguyen", "Dev Anand" }) await App.CreateApplicantAsync(posting, name);
        await App.CreateApplicantAsync(posting, "Omar Reyes", "Recruiter screen");
        await App.CreateApplicantAsync(posting, "Lena Fischer", "Recruiter screen");
        await App.CreateApplicantAsync(posting, "Tom Baker", "System design interview");
        const string resumeWord = "Zanzibar";
        var ines = await App.CreateCandidateAsync("Ines Duarte", configure: c => c.ResumeText =
            $"Backend engineer. Built the {resumeWord} ledger service in Go on PostgreSQL; ran its on-call rotation for three years.");
        await App.CreateApplicationAsync(posting, ines, "Coding exercise");
        await App.WithDbAsync(async db =>
        {
            foreach (var c in await db.Candidates.Where(c => c.ResumeText == null).ToListAsync())
                c.ResumeText = $"{c.FullName}: backend engineer, Go, PostgreSQL, Kafka, on-call.";
            await db.SaveChangesAsync();
        });

        // The same person applied twice with two emails (same name and phone), each with a note; the detector flags them.
        var samFirst = await App.CreateCandidateAsync("Sam Rivera", "sam.rivera@example.com", c => c.Phone = "+1 555 010 2000");
        await App.CreateApplicationAsync(posting, samFirst, "Recruiter screen");
        var samSecond = await App.CreateCandidateAsync("Sam Rivera", "sam.r.personal@example.com", c => c.Phone = "+1-555-010-2000");
        await App.CreateApplicationAsync(platform, samSecond);
        await App.WithDbAsync(async db =>
        {
            db.CandidateNotes.Add(new CandidateNote(samFirst, null, recruiter.Id, "Great intro call; strong on Kafka."));
            db.CandidateNotes.Add(new CandidateNote(samSecond, null, recruiter.Id, "Also interested in the platform role."));
            var second = await db.Candidates.SingleAsync(c => c.Id == samSecond);
            Assert.Equal(1, await Duplicates.DetectAsync(db, second, App.Clock.GetUtcNow(), CancellationToken.None));
            await db.SaveChangesAsync();
        });

        var page = await App.SignInAsync(recruiter);
        var problems = WatchConsole(page);

        // 1. Move a candidate forward with the card's button: the card changes column and the counts follow.
        await page.GotoAsync($"/postings/{posting.Id}/board");
        var review = page.GetByRole(AriaRole.Region, new() { Name = "Application review" });
        var screen = page.GetByRole(AriaRole.Region, new() { Name = "Recruiter screen" });
        await Assertions.Expect(review.GetByTitle("4 in this stage")).ToBeVisibleAsync();
        await Assertions.Expect(screen.GetByTitle("3 in this stage")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "board-desktop");
        await review.GetByRole(AriaRole.Button, new() { Name = "Move Maya Patel forward to Recruiter screen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Maya Patel moved to Recruiter screen.");
        await Assertions.Expect(screen.GetByRole(AriaRole.Link, new() { Name = "Maya Patel", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(review.GetByRole(AriaRole.Link, new() { Name = "Maya Patel", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(review.GetByTitle("3 in this stage")).ToBeVisibleAsync();
        await Assertions.Expect(screen.GetByTitle("4 in this stage")).ToBeVisibleAsync();

        // 2. Reject another with a structured reason: a skills gap must name the competency.
        await screen.GetByRole(AriaRole.Link, new() { Name = "Reject Omar Reyes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reject application");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Skills gap" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Name the competency that is missing.").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Skills gap" })).ToBeCheckedAsync();
        await page.GetByLabel("Missing competency").SelectOptionAsync(new SelectOptionValue { Label = "Security-first development" });
        await page.GetByLabel("Note").FillAsync("Could not reason about authorisation in the screen.");
        await BrowserFixture.ScreenshotAsync(page, "reject-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Omar Reyes was rejected.");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/postings/{posting.Id}/board$"));
        await Assertions.Expect(screen.GetByRole(AriaRole.Link, new() { Name = "Omar Reyes", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(screen.GetByTitle("3 in this stage")).ToBeVisibleAsync();
        var statuses = page.GetByRole(AriaRole.Navigation, new() { Name = "Application status" });
        await statuses.GetByRole(AriaRole.Link, new() { Name = "Rejected" }).ClickAsync();
        var rejectedCard = page.Locator("[data-card]", new() { HasText = "Omar Reyes" });
        await Assertions.Expect(rejectedCard).ToContainTextAsync("Skills gap: Security-first development");
        await Assertions.Expect(rejectedCard.GetByRole(AriaRole.Button, new() { Name = "Reopen Omar Reyes" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Application review" })).ToContainTextAsync("No rejected applications here.");
        await BrowserFixture.ScreenshotAsync(page, "board-rejected-desktop");

        // 3. Find a third candidate by a word that only their résumé contains.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Candidates" }).ClickAsync();
        await page.GetByRole(AriaRole.Search, new() { Name = "Search candidates" }).GetByLabel("Search").FillAsync(resumeWord.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var results = page.GetByRole(AriaRole.List, new() { Name = "Search results" });
        await Assertions.Expect(results.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = "Ines Duarte", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(results.Locator("mark")).ToHaveTextAsync(resumeWord);
        await Assertions.Expect(page.GetByText("1 match", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "search-desktop");

        // 4. Open the flagged pair and merge it: one profile holds both applications and both notes.
        await page.GetByRole(AriaRole.Search, new() { Name = "Search candidates" }).GetByLabel("Search").FillAsync("Sam Rivera");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = "Sam Rivera", Exact = true })).ToHaveCountAsync(2);
        await page.GotoAsync($"/candidates/{samFirst}");
        var flag = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Possible duplicate" });
        await Assertions.Expect(flag).ToContainTextAsync("sam.r.personal@example.com");
        await Assertions.Expect(flag).ToContainTextAsync(Duplicates.SamePhone);
        await flag.GetByRole(AriaRole.Link, new() { Name = "Compare and merge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Merge duplicate profiles");
        await Assertions.Expect(page.GetByLabel("Keep Sam Rivera (sam.r.personal@example.com)")).ToBeVisibleAsync();
        await page.GetByLabel("Keep Sam Rivera (sam.rivera@example.com)").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "merge-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge profiles" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Profiles merged: 1 application moved.");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/candidates/{samFirst}$"));
        var applications = page.GetByRole(AriaRole.Region, new() { Name = "Applications" });
        await Assertions.Expect(applications).ToContainTextAsync("Senior Backend Engineer (Pipeline)");
        await Assertions.Expect(applications).ToContainTextAsync("Staff Platform Engineer");
        var notes = page.GetByRole(AriaRole.Region, new() { Name = "Notes" });
        await Assertions.Expect(notes).ToContainTextAsync("Great intro call; strong on Kafka.");
        await Assertions.Expect(notes).ToContainTextAsync("Also interested in the platform role.");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Possible duplicate" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "merged-profile-desktop");
        // The merged-away profile's old link leads to the survivor.
        await page.GotoAsync($"/candidates/{samSecond}");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/candidates/{samFirst}$"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var merged = await App.WithDbAsync(db => db.Candidates.AsNoTracking().SingleAsync(c => c.Id == samSecond));
        Assert.Equal(samFirst, merged.MergedIntoId);
        Assert.Equal(2, await App.WithDbAsync(db => db.Applications.CountAsync(a => a.CandidateId == samFirst)));

        // The board on a phone: columns scroll inside the board, never the page.
        var phone = page;
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync($"/postings/{posting.Id}/board");
        await Assertions.Expect(phone.GetByRole(AriaRole.Region, new() { Name = "Recruiter screen" }).GetByRole(AriaRole.Link, new() { Name = "Maya Patel", Exact = true })).ToBeAttachedAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the board scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(phone, "board-phone");
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
