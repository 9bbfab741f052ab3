using System.Net;
using AngleSharp.Html.Dom;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.WebTests.Candidates;

// The access rules, checked over HTTP: an interviewer or an outsider guessing a URL gets 404 or 403, never the page.
public sealed class CandidatesAccessTests(WebFixture fixture) : WebTest(fixture)
{
    private TestUser _recruiter = null!;
    private TestUser _manager = null!;
    private TestUser _interviewer = null!;
    private PostingInfo _posting = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _recruiter = await App.CreateUserAsync("Web Recruiter", Roles.Recruiter);
        _manager = await App.CreateUserAsync("Web Manager", Roles.HiringManager);
        _interviewer = await App.CreateUserAsync("Web Interviewer", Roles.Interviewer);
        _posting = await App.CreatePostingAsync(_recruiter, _manager, [_interviewer]);
    }

    // Role gates answer 403 (or send to the access-denied page, which answers 403); resource rules answer 404.
    private static void AssertRefused(HttpResponseMessage response)
    {
        var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound ||
                      (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/access-denied", StringComparison.Ordinal));
        Assert.True(refused, $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode} {response.Headers.Location}");
    }

    // A POST with a valid antiforgery token (taken from the sign-out form every signed-in page has), so a refusal
    // proves the rule and not the missing token.
    private static async Task<HttpResponseMessage> PostExportAsync(HttpClient client, Guid candidateId)
    {
        var (_, page) = await client.GetPageAsync("/account/profile");
        var token = ((IHtmlInputElement)page.QuerySelector("form[action='/account/sign-out'] input[name=__RequestVerificationToken]")!).Value;
        return await client.PostAsync($"/candidates/{candidateId}/export",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]));
    }

    [Fact]
    public async Task Should_show_a_hiring_manager_of_another_posting_one_line_and_export_only_their_posting()
    {
        var (candidateId, _) = await App.CreateApplicantAsync(_posting, "Two Roles");
        var otherRecruiter = await App.CreateUserAsync("Other Web Recruiter", Roles.Recruiter);
        var otherManager = await App.CreateUserAsync("Other Web Manager", Roles.HiringManager);
        var other = await App.CreatePostingAsync(otherRecruiter, otherManager, title: "Hidden Web Role");
        await App.CreateApplicationAsync(other, candidateId, "Recruiter screen");
        await App.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.CandidateId == candidateId && a.PostingId == _posting.Id);
            db.CandidateNotes.Add(new CandidateNote(candidateId, application.Id, _recruiter.Id, "First team's note"));
            await db.SaveChangesAsync();
            return 0;
        });
        var client = App.CreateClientAs(otherManager);

        var (response, profile) = await client.GetPageAsync($"/candidates/{candidateId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(profile.QuerySelector("[data-elsewhere]"));
        Assert.Contains("Also in process for another role", profile.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hidden Web Role", profile.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("First team's note", profile.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(_posting.Id.ToString(), profile.Body.InnerHtml, StringComparison.Ordinal);
        var export = await client.SubmitFormAsync($"/candidates/{candidateId}", $"form[action='/candidates/{candidateId}/export']");
        var json = await export.Content.ReadAsStringAsync();
        Assert.Contains("Hidden Web Role", json, StringComparison.Ordinal);
        Assert.DoesNotContain("First team", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Senior Backend Engineer", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_the_board_profile_search_and_export_to_the_hiring_team()
    {
        var (candidateId, _) = await App.CreateApplicantAsync(_posting, "Visible Person", "Recruiter screen");
        foreach (var user in new[] { _recruiter, _manager })
        {
            var client = App.CreateClientAs(user);
            var board = await client.GetPageAsync($"/postings/{_posting.Id}/board");
            Assert.Equal(HttpStatusCode.OK, board.Response.StatusCode);
            Assert.Contains("Visible Person", board.Document.QuerySelector("[data-board]")!.TextContent);
            var profile = await client.GetPageAsync($"/candidates/{candidateId}");
            Assert.Equal(HttpStatusCode.OK, profile.Response.StatusCode);
            Assert.Contains("visible.person", profile.Document.Body!.TextContent);
            var search = await client.GetPageAsync("/candidates?q=visible");
            Assert.Contains("Visible Person", search.Document.QuerySelector(".search-results")!.TextContent);
            // The export is a form post (antiforgery-checked); the old GET link is gone.
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.GetAsync($"/candidates/{candidateId}/export")).StatusCode);
            var export = await client.SubmitFormAsync($"/candidates/{candidateId}", $"form[action='/candidates/{candidateId}/export']");
            Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", export.Content.Headers.ContentDisposition!.DispositionType);
        }
    }

    [Fact]
    public async Task Should_give_an_interviewer_guessing_a_candidate_url_404_and_an_assigned_one_only_their_kit()
    {
        var (assigned, assignedApp) = await App.CreateApplicantAsync(_posting, "Assigned Person", "System design interview");
        var interviewId = await App.CreateInterviewAsync(assignedApp, [_interviewer]);
        var (other, _) = await App.CreateApplicantAsync(_posting, "Other Person");
        var client = App.CreateClientAs(_interviewer);

        var guessed = await client.GetPageAsync($"/candidates/{other}");
        Assert.Equal(HttpStatusCode.NotFound, guessed.Response.StatusCode);
        Assert.DoesNotContain("Other Person", guessed.Document.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/candidates/{Guid.CreateVersion7()}")).StatusCode);

        var own = await client.GetPageAsync($"/candidates/{assigned}");
        Assert.Equal(HttpStatusCode.Forbidden, own.Response.StatusCode);
        Assert.NotNull(own.Document.QuerySelector($"a[href='/interviews/{interviewId}/kit']"));
        Assert.DoesNotContain("assigned.person", own.Document.Body!.TextContent);

        AssertRefused(await client.GetAsync($"/postings/{_posting.Id}/board"));
        AssertRefused(await client.GetAsync("/candidates?q=person"));
        AssertRefused(await PostExportAsync(client, assigned));
    }

    [Fact]
    public async Task Should_give_a_recruiter_off_the_team_404_for_the_board_profile_and_export()
    {
        var (candidateId, applicationId) = await App.CreateApplicantAsync(_posting, "Private Person");
        var outsider = await App.CreateUserAsync("Outside Recruiter", Roles.Recruiter);
        var client = App.CreateClientAs(outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/postings/{_posting.Id}/board")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/candidates/{candidateId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostExportAsync(client, candidateId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/applications/{applicationId}/reject")).StatusCode);
        var search = await client.GetPageAsync("/candidates?q=private");
        Assert.Null(search.Document.QuerySelector(".search-results"));
    }

    [Fact]
    public async Task Should_give_an_interviewer_404_for_a_candidate_whose_interview_is_assigned_to_someone_else()
    {
        var colleague = await App.CreateUserAsync("Other Interviewer", Roles.Interviewer);
        var (candidateId, applicationId) = await App.CreateApplicantAsync(_posting, "Colleagues Person", "System design interview");
        await App.CreateInterviewAsync(applicationId, [colleague]);

        // On the same posting's team, but the interview is someone else's: nothing to see.
        var page = await App.CreateClientAs(_interviewer).GetPageAsync($"/candidates/{candidateId}");
        Assert.Equal(HttpStatusCode.NotFound, page.Response.StatusCode);
        Assert.DoesNotContain("Colleagues Person", page.Document.Body!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.CreateClientAs(colleague).GetAsync($"/candidates/{candidateId}")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_hiring_manager_off_the_team_the_board_profile_and_every_pipeline_action()
    {
        var (candidateId, applicationId) = await App.CreateApplicantAsync(_posting, "Guarded Person");
        // The outsider manages another posting, so they hold real forms (and antiforgery tokens) to aim elsewhere.
        var outsider = await App.CreateUserAsync("Outside Manager", Roles.HiringManager);
        var outsideRecruiter = await App.CreateUserAsync("Outside Recruiter", Roles.Recruiter);
        var own = await App.CreatePostingAsync(outsideRecruiter, outsider, title: "Outside posting");
        var (ownCandidateId, ownApplicationId) = await App.CreateApplicantAsync(own, "Guarded Person");
        var client = App.CreateClientAs(outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/postings/{_posting.Id}/board")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/candidates/{candidateId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/applications/{applicationId}/reject")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/candidates/{ownCandidateId}/merge/{candidateId}")).StatusCode);
        var search = await client.GetPageAsync("/candidates?q=guarded");
        Assert.Single(search.Document.QuerySelectorAll(".search-results > li"));

        var (_, board) = await client.GetPageAsync($"/postings/{own.Id}/board");
        // The board's shared card form (with this manager's own antiforgery token), aimed at the other team's application.
        var move = (IHtmlFormElement)board.QuerySelector("form#card-action")!;
        Assert.NotNull(board.QuerySelector($"button[form=card-action][formaction^='/applications/{ownApplicationId}/move']"));
        var version = await App.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Version).SingleAsync());
        var moved = await client.SubmitAsync(move, $"/postings/{own.Id}/board", new Dictionary<string, string>
        {
            ["ToStageId"] = _posting.Stage("Recruiter screen").Id.ToString(),
        }, action: $"/applications/{applicationId}/move?version={version.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);

        var (_, reject) = await client.GetPageAsync($"/applications/{ownApplicationId}/reject");
        var rejectForm = (IHtmlFormElement)reject.QuerySelector("form[action$='/reject']")!;
        rejectForm.SetAttribute("action", $"/applications/{applicationId}/reject");
        var rejected = await client.SubmitAsync(rejectForm, $"/applications/{ownApplicationId}/reject", new Dictionary<string, string>
        {
            ["ApplicationId"] = applicationId.ToString(), ["Reason"] = nameof(RejectionReason.ExperienceLevel),
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.NotFound, rejected.StatusCode);

        var note = (IHtmlFormElement)(await client.GetPageAsync($"/candidates/{ownCandidateId}")).Document.QuerySelector("form[action$='/notes']")!;
        note.SetAttribute("action", $"/candidates/{ownCandidateId}/merge/{candidateId}");
        var merged = await client.SubmitAsync(note, $"/candidates/{ownCandidateId}", new Dictionary<string, string> { ["survivorId"] = ownCandidateId.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, merged.StatusCode);

        var after = await App.QueryAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId));
        Assert.Equal(ApplicationStatus.Active, after.Status);
        Assert.Equal(_posting.First.Id, after.StageId);
        Assert.Equal(candidateId, after.CandidateId);
        Assert.Null((await App.FindAsync<Candidate>(candidateId))!.MergedIntoId);
    }

    [Fact]
    public async Task Should_not_name_a_possible_duplicate_from_a_posting_the_recruiter_is_not_on()
    {
        var (candidateId, _) = await App.CreateApplicantAsync(_posting, "Twin Person");
        var otherRecruiter = await App.CreateUserAsync("Other Recruiter", Roles.Recruiter);
        var otherPosting = await App.CreatePostingAsync(otherRecruiter, _manager, title: "Other team's posting");
        var (twinId, _) = await App.CreateApplicantAsync(otherPosting, "Twin Person");
        await App.WithDbAsync(async db =>
        {
            db.PossibleDuplicates.Add(new PossibleDuplicate(candidateId, twinId, Duplicates.SamePhone, App.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        var twinEmail = (await App.FindAsync<Candidate>(twinId))!.Email;

        // The recruiter sees only their own candidate; the manager, on both postings, is offered the merge.
        var recruiterView = await App.CreateClientAs(_recruiter).GetPageAsync($"/candidates/{candidateId}");
        Assert.Equal(HttpStatusCode.OK, recruiterView.Response.StatusCode);
        Assert.DoesNotContain(twinEmail, recruiterView.Document.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Null(recruiterView.Document.QuerySelector($"a[href$='/merge/{twinId}']"));
        var managerView = await App.CreateClientAs(_manager).GetPageAsync($"/candidates/{candidateId}");
        Assert.NotNull(managerView.Document.QuerySelector($"a[href='/candidates/{candidateId}/merge/{twinId}']"));
    }

    [Fact]
    public async Task Should_keep_the_retention_list_and_erasure_for_admins()
    {
        AssertRefused(await App.CreateClientAs(_recruiter).GetAsync("/admin/retention"));
        var admin = await App.CreateUserAsync("Web Admin", Roles.Admin);
        var page = await App.CreateClientAs(admin).GetPageAsync("/admin/retention");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("24 months", page.Document.Body!.TextContent);
        var (candidateId, _) = await App.CreateApplicantAsync(_posting, "Erasable Person");
        var profile = await App.CreateClientAs(_recruiter).GetPageAsync($"/candidates/{candidateId}");
        Assert.Null(profile.Document.QuerySelector($"form[action='/candidates/{candidateId}/erase']"));
    }
}
