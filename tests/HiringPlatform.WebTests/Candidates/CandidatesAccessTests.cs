using System.Net;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;

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
            var export = await client.GetAsync($"/candidates/{candidateId}/export");
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
        AssertRefused(await client.GetAsync($"/candidates/{assigned}/export"));
    }

    [Fact]
    public async Task Should_give_a_recruiter_off_the_team_404_for_the_board_profile_and_export()
    {
        var (candidateId, applicationId) = await App.CreateApplicantAsync(_posting, "Private Person");
        var outsider = await App.CreateUserAsync("Outside Recruiter", Roles.Recruiter);
        var client = App.CreateClientAs(outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/postings/{_posting.Id}/board")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/candidates/{candidateId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/candidates/{candidateId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/applications/{applicationId}/reject")).StatusCode);
        var search = await client.GetPageAsync("/candidates?q=private");
        Assert.Null(search.Document.QuerySelector(".search-results"));
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
