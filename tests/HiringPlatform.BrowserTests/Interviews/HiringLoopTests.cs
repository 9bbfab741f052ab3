using System.Text.RegularExpressions;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiringPlatform.BrowserTests.Interviews;

public sealed class HiringLoopTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Should_take_a_candidate_from_two_scorecards_through_the_debrief_and_offer_to_a_filled_posting()
    {
        var recruiter = await App.CreateUserAsync("Rita Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Jordan Manager", Roles.HiringManager);
        var alice = await App.CreateUserAsync("Alice Interviewer", Roles.Interviewer);
        var bob = await App.CreateUserAsync("Bob Interviewer", Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, manager, [alice, bob]);
        var candidateId = await App.CreateCandidateAsync("Ada Lovelace");
        var applicationId = await App.CreateApplicationAsync(posting, candidateId, InterviewTestData.SystemDesign);
        var interviewId = await App.CreatePastInterviewAsync(applicationId, [alice, bob]);
        var competencies = (await App.SendAsync(new GetScorecard.Query { InterviewId = interviewId }, alice)).Competencies.Select(c => c.Name).ToList();
        Assert.NotEmpty(competencies);

        // Alice finds the interview on her interviews page and submits her scorecard.
        var alicePage = await App.SignInAsync(alice);
        var problems = BrowserConsole.Watch(alicePage);
        await alicePage.GotoAsync("/interviews");
        await alicePage.GetByRole(AriaRole.Region, new() { Name = "Your feedback due" }).GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" }).ClickAsync();
        await Assertions.Expect(alicePage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your scorecard");
        await FillScorecardAsync(alicePage, competencies, "3 Yes", "Alice saw");
        await ChooseAsync(alicePage.GetByRole(AriaRole.Radiogroup, new() { Name = "Overall recommendation" }).GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }));
        await ChooseAsync(alicePage.GetByRole(AriaRole.Radiogroup, new() { Name = "Level the evidence supports" }).GetByRole(AriaRole.Radio, new() { Name = "Senior" }));
        await alicePage.GetByLabel("Private note for the hiring manager").FillAsync("Alice's note for the manager only.");
        await alicePage.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();
        await Assertions.Expect(alicePage.GetByRole(AriaRole.Status).First).ToContainTextAsync("Scorecard submitted");
        await Assertions.Expect(alicePage.GetByRole(AriaRole.Region, new() { Name = "The rest of the panel" })).ToContainTextAsync("Nobody else has submitted feedback");
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // Bob has not submitted: the page keeps Alice's feedback from him.
        var bobPage = await App.SignInAsync(bob);
        var bobProblems = BrowserConsole.Watch(bobPage);
        await bobPage.GotoAsync($"/interviews/{interviewId}/scorecard");
        var bobPanel = bobPage.GetByRole(AriaRole.Region, new() { Name = "The rest of the panel" });
        await Assertions.Expect(bobPanel).ToContainTextAsync("stay hidden until you submit yours");
        await Assertions.Expect(bobPage.GetByText("Alice saw", new() { Exact = false })).ToHaveCountAsync(0);
        await Assertions.Expect(bobPage.GetByText("Alice Interviewer")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(bobPage, "scorecard-form-desktop");
        var bobPhone = await App.SignInAsync(bob, 390);
        await bobPhone.GotoAsync($"/interviews/{interviewId}/scorecard");
        Assert.True(await bobPhone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the scorecard scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(bobPhone, "scorecard-form-phone");

        // A rating without its evidence is refused, with the message beside that competency's evidence box.
        await FillScorecardAsync(bobPage, competencies, "4 Strong yes", "Bob noted");
        await bobPage.GetByLabel($"Evidence for {competencies[0]}", new() { Exact = true }).FillAsync("");
        await ChooseAsync(bobPage.GetByRole(AriaRole.Radiogroup, new() { Name = "Overall recommendation" }).GetByRole(AriaRole.Radio, new() { Name = "Strong yes", Exact = true }));
        await bobPage.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();
        var first = Competency(bobPage, competencies[0]);
        await Assertions.Expect(first).ToContainTextAsync("Write the evidence: what the candidate said or did that supports this rating.");
        await Assertions.Expect(first.GetByRole(AriaRole.Radio, new() { Name = "4 Strong yes" })).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(bobPage, "scorecard-form-error-desktop");
        await bobPage.GetByLabel($"Evidence for {competencies[0]}", new() { Exact = true }).FillAsync($"Bob noted {competencies[0]}.");
        await bobPage.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();
        await Assertions.Expect(bobPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("Scorecard submitted");
        // ... and now the panel's feedback opens for him (without Alice's private note).
        await Assertions.Expect(bobPanel).ToContainTextAsync("Alice Interviewer");
        await Assertions.Expect(bobPanel).ToContainTextAsync($"Alice saw {competencies[0]}.");
        await Assertions.Expect(bobPage.GetByText("Alice's note for the manager only.")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(bobPage, "scorecard-submitted-desktop");
        Assert.True(bobProblems.Count == 0, string.Join("\n", bobProblems));

        // The hiring manager reads the score matrix and the comparison, then records the debrief decision.
        var managerPage = await App.SignInAsync(manager);
        var managerProblems = BrowserConsole.Watch(managerPage);
        await managerPage.GotoAsync($"/applications/{applicationId}/score");
        await Assertions.Expect(managerPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ada Lovelace");
        var matrix = managerPage.GetByRole(AriaRole.Table).First;
        await Assertions.Expect(matrix).ToContainTextAsync("Alice Interviewer");
        await Assertions.Expect(matrix).ToContainTextAsync("Bob Interviewer");
        await Assertions.Expect(managerPage.GetByText("Alice's note for the manager only.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(managerPage, "score-matrix-desktop");

        await managerPage.GetByRole(AriaRole.Link, new() { Name = "Compare", Exact = true }).ClickAsync();
        await Assertions.Expect(managerPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Compare candidates");
        await Assertions.Expect(managerPage.GetByRole(AriaRole.Row, new() { Name = "Ada Lovelace" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(managerPage, "compare-desktop");
        var phone = await App.SignInAsync(manager, 390);
        var wide = new List<string>();
        await PhoneScreenshotsAsync(phone, wide, ($"/applications/{applicationId}/score", "score-matrix-phone"), ($"/postings/{posting.Id}/compare", "compare-phone"));

        await managerPage.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" }).ClickAsync();
        await managerPage.GetByRole(AriaRole.Link, new() { Name = "Decide", Exact = true }).ClickAsync();
        await Assertions.Expect(managerPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Debrief decision");
        await ChooseAsync(managerPage.GetByRole(AriaRole.Radio, new() { Name = "Make an offer" }));
        await managerPage.GetByLabel("Rationale").FillAsync("Both interviewers saw strong, specific evidence on every must-have.");
        // One interview rates five competencies: the other must-haves lack two interviewers, so the debrief gate asks why.
        await managerPage.GetByLabel("Reason to make an offer without full coverage").FillAsync("The remaining must-haves were covered by the take-home review.");
        await BrowserFixture.ScreenshotAsync(managerPage, "decision-desktop");
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(managerPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("an offer draft is ready");

        // The offer: drafted from the band, the terms adjusted, approved by the hiring manager.
        await Assertions.Expect(managerPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Offer");
        await Assertions.Expect(managerPage.GetByLabel("Yearly salary")).Not.ToHaveValueAsync("");
        await managerPage.GetByLabel("Notes").FillAsync("Hybrid, two office days a week.");
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Save the terms" }).ClickAsync();
        await Assertions.Expect(managerPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("Offer terms saved.");
        await BrowserFixture.ScreenshotAsync(managerPage, "offer-draft-desktop");
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Approve the offer" }).ClickAsync();
        await Assertions.Expect(managerPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("Offer approved.");
        Assert.True(managerProblems.Count == 0, string.Join("\n", managerProblems));

        // The recruiter sends it and records the candidate's yes: hired, and the posting (headcount 1) is filled.
        var recruiterPage = await App.SignInAsync(recruiter);
        var recruiterProblems = BrowserConsole.Watch(recruiterPage);
        recruiterPage.Dialog += (_, dialog) => dialog.AcceptAsync();
        await recruiterPage.GotoAsync($"/applications/{applicationId}/offer");
        await recruiterPage.GetByRole(AriaRole.Button, new() { Name = "Send to the candidate" }).ClickAsync();
        await Assertions.Expect(recruiterPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("Offer sent");
        await recruiterPage.GetByRole(AriaRole.Button, new() { Name = "Accepted", Exact = true }).ClickAsync();
        await Assertions.Expect(recruiterPage.GetByRole(AriaRole.Status).Filter(new() { HasText = "is hired" })).ToContainTextAsync("filled 1 of 1 and is now closed as filled");
        await Assertions.Expect(recruiterPage.GetByRole(AriaRole.List, new() { Name = "Offer progress" })).ToContainTextAsync("Accepted");
        await BrowserFixture.ScreenshotAsync(recruiterPage, "offer-accepted-desktop");
        await recruiterPage.GotoAsync($"/postings/{posting.Id}");
        await Assertions.Expect(recruiterPage.GetByText("Closed as filled")).ToBeVisibleAsync();
        await Assertions.Expect(recruiterPage.GetByRole(AriaRole.Definition).Filter(new() { HasText = "filled" })).ToHaveTextAsync("1 (1 filled)");
        Assert.True(recruiterProblems.Count == 0, string.Join("\n", recruiterProblems));

        var stored = await App.WithDbAsync(async db => new
        {
            Posting = await db.JobPostings.AsNoTracking().Where(p => p.Id == posting.Id).Select(p => new { p.Status, p.ClosedReason, p.FilledCount, p.Headcount }).SingleAsync(),
            Offer = await db.Offers.AsNoTracking().Where(o => o.ApplicationId == applicationId).Select(o => new { o.Status, o.Notes }).SingleAsync(),
            Emails = await db.OutboxEmails.AsNoTracking().CountAsync(e => e.CandidateId == candidateId && e.Subject.StartsWith("Your offer")),
        });
        Assert.Equal((PostingStatus.Closed, ClosedReason.Filled, 1, 1), (stored.Posting.Status, stored.Posting.ClosedReason!.Value, stored.Posting.FilledCount, stored.Posting.Headcount));
        Assert.Equal((OfferStatus.Accepted, "Hybrid, two office days a week."), (stored.Offer.Status, stored.Offer.Notes));
        Assert.Equal(1, stored.Emails);

        // Calibration, and the same pages on a phone.
        await managerPage.GotoAsync($"/postings/{posting.Id}/calibration");
        await Assertions.Expect(managerPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Calibration");
        await Assertions.Expect(managerPage.GetByRole(AriaRole.Main)).ToContainTextAsync("Alice Interviewer");
        await BrowserFixture.ScreenshotAsync(managerPage, "calibration-desktop");
        await PhoneScreenshotsAsync(phone, wide, ($"/applications/{applicationId}/offer", "offer-phone"), ($"/postings/{posting.Id}/calibration", "calibration-phone"));
        Assert.True(wide.Count == 0, "These pages scroll sideways on a phone: " + string.Join(", ", wide));
    }

    // Screenshots of pages at phone width, noting any that scroll sideways.
    private static async Task PhoneScreenshotsAsync(IPage phone, List<string> wide, params (string Url, string Name)[] pages)
    {
        foreach (var (url, name) in pages)
        {
            await phone.GotoAsync(url);
            await BrowserFixture.ScreenshotAsync(phone, name);
            if (!await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1")) wide.Add(url);
        }
    }

    // Rates every competency on the form and writes evidence for each ("{prefix} {competency}.").
    private static async Task FillScorecardAsync(IPage page, IReadOnlyList<string> competencies, string rating, string prefix)
    {
        foreach (var name in competencies)
        {
            var group = Competency(page, name);
            await ChooseAsync(group.GetByRole(AriaRole.Radio, new() { Name = rating }));
            await page.GetByLabel($"Evidence for {name}", new() { Exact = true }).FillAsync($"{prefix} {name}.");
        }
    }

    // Ratings, recommendations and decisions are Bootstrap .btn-check radios: the input is visually replaced by its
    // label, which takes a person's click and activates the input. Playwright refuses to click through the label, so the
    // radio (found by its accessible name) gets the click event directly, as the label would give it.
    private static async Task ChooseAsync(ILocator radio)
    {
        await radio.DispatchEventAsync("click");
        await Assertions.Expect(radio).ToBeCheckedAsync();
    }

    // A competency's fieldset on the scorecard form (its legend: the name, then "Must-have" for must-haves).
    private static ILocator Competency(IPage page, string name) =>
        page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^" + Regex.Escape(name)) });
}
