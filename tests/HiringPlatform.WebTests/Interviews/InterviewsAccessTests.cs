using System.Net;
using AngleSharp.Html.Dom;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;

namespace HiringPlatform.WebTests.Interviews;

// Interviews and scorecards over HTTP: who may open which page, the independent-feedback rule as the page shows it,
// antiforgery on every form, and a refused scorecard coming back with its messages beside the fields.
public sealed class InterviewsAccessTests(WebFixture fixture) : WebTest(fixture)
{
    private Team _team = null!;
    private Guid _applicationId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _team = await App.CreateTeamAsync();
        (_, _applicationId) = await App.CreateApplicantAsync(_team.Posting, "Ada Candidate", InterviewTestData.SystemDesign);
    }

    internal static void AssertRefused(HttpResponseMessage response)
    {
        var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound ||
                      (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/access-denied", StringComparison.Ordinal));
        Assert.True(refused, $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task Should_give_an_interviewer_404_for_an_interview_and_scorecards_they_are_not_on()
    {
        var aliceInterview = await App.CreatePastInterviewAsync(_applicationId, [_team.Alice]);
        await App.SubmitScorecardAsync(aliceInterview, _team.Alice);
        var bob = App.CreateClientAs(_team.Bob);

        foreach (var url in new[]
                 {
                     $"/interviews/{aliceInterview}", $"/interviews/{aliceInterview}/scorecard",
                     $"/interviews/{aliceInterview}/scorecard?interviewerId={_team.Alice.Id}", $"/interviews/{aliceInterview}/kit",
                     $"/interviews/{Guid.CreateVersion7()}/scorecard",
                 })
        {
            var (response, document) = await bob.GetPageAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("Walked through a concrete example", document.Body!.TextContent);
            Assert.DoesNotContain("Ada Candidate", document.Body!.TextContent);
        }
        // His own interviews list does not mention the candidate either.
        var home = await bob.GetPageAsync("/interviews");
        Assert.Equal(HttpStatusCode.OK, home.Response.StatusCode);
        Assert.DoesNotContain("Ada Candidate", home.Document.Body!.TextContent);

        // Scheduling is the recruiter's (the score, decision and offer pages: see DecisionsAccessTests).
        foreach (var url in new[] { $"/interviews/new?applicationId={_applicationId}", $"/interviews/{aliceInterview}/reschedule" })
        {
            AssertRefused(await bob.GetAsync(url));
            AssertRefused(await App.CreateClientAs(_team.Alice).GetAsync(url));
        }
    }

    [Fact]
    public async Task Should_keep_the_panels_feedback_from_an_interviewer_until_they_submit_their_own()
    {
        var interview = await App.CreatePastInterviewAsync(_applicationId, [_team.Alice, _team.Bob]);
        await App.SubmitScorecardAsync(interview, _team.Alice);
        var bob = App.CreateClientAs(_team.Bob);

        var before = await bob.GetPageAsync($"/interviews/{interview}/scorecard");
        Assert.Equal(HttpStatusCode.OK, before.Response.StatusCode);
        Assert.Contains("stay hidden until you submit yours", before.Document.QuerySelector("#panel-feedback")!.ParentElement!.TextContent);
        Assert.Empty(before.Document.QuerySelectorAll(".scorecard-view"));
        Assert.DoesNotContain("Walked through a concrete example", before.Document.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/interviews/{interview}/scorecard?interviewerId={_team.Alice.Id}")).StatusCode);
        var detail = await bob.GetPageAsync($"/interviews/{interview}");
        Assert.Equal(HttpStatusCode.OK, detail.Response.StatusCode);
        Assert.DoesNotContain("Walked through a concrete example", detail.Document.Body!.TextContent);

        // Bob submits through the form, with evidence for every rating; then the panel opens.
        var page = await bob.GetPageAsync($"/interviews/{interview}/scorecard");
        var form = (IHtmlFormElement)page.Document.QuerySelector($"form[action='/interviews/{interview}/scorecard']")!;
        var ratings = form.QuerySelectorAll("input[type=hidden][name$='.CompetencyId']").Length;
        Assert.True(ratings > 0);
        var fields = new Dictionary<string, string> { ["Submit"] = "true", ["Recommendation"] = "Yes", ["SupportedLevel"] = "Senior" };
        for (var i = 0; i < ratings; i++)
        {
            fields[$"Ratings[{i}].Rating"] = "3";
            fields[$"Ratings[{i}].Evidence"] = $"Bob's own evidence {i}.";
        }
        var submitted = await bob.SubmitAsync(form, $"/interviews/{interview}/scorecard", fields);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var after = await bob.GetPageAsync($"/interviews/{interview}/scorecard");
        var panel = after.Document.QuerySelectorAll(".scorecard-view");
        Assert.Single(panel);
        Assert.Contains("Alice Interviewer", panel[0].TextContent);
        Assert.Contains("Walked through a concrete example", panel[0].TextContent);
        // Alice's private note is for the hiring manager, not for Bob.
        Assert.DoesNotContain("Would pair well with the platform team", after.Document.Body!.TextContent);
        var alices = await bob.GetPageAsync($"/interviews/{interview}/scorecard?interviewerId={_team.Alice.Id}");
        Assert.Equal(HttpStatusCode.OK, alices.Response.StatusCode);
        Assert.Null(alices.Document.QuerySelector("form[action*='/scorecard']"));
    }

    [Fact]
    public async Task Should_give_recruiters_and_managers_off_the_hiring_team_404()
    {
        var interview = await App.CreatePastInterviewAsync(_applicationId, [_team.Alice]);
        await App.SubmitScorecardAsync(interview, _team.Alice);
        var recruiter = App.CreateClientAs(await App.CreateUserAsync("Other Recruiter", Roles.Recruiter));
        var manager = App.CreateClientAs(await App.CreateUserAsync("Other Manager", Roles.HiringManager));
        foreach (var client in new[] { recruiter, manager })
        {
            foreach (var url in new[]
                     {
                         $"/interviews/{interview}", $"/interviews/{interview}/scorecard?interviewerId={_team.Alice.Id}",
                         $"/applications/{_applicationId}/score", $"/postings/{_team.Posting.Id}/compare",
                         $"/applications/{_applicationId}/decision", $"/applications/{_applicationId}/offer",
                     })
            {
                var (response, document) = await client.GetPageAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
                Assert.DoesNotContain("Ada Candidate", document.Body!.TextContent);
            }
        }
        Assert.Equal(HttpStatusCode.NotFound, (await recruiter.GetAsync($"/interviews/new?applicationId={_applicationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await recruiter.GetAsync($"/interviews/{interview}/reschedule")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/postings/{_team.Posting.Id}/calibration")).StatusCode);
        AssertRefused(await recruiter.GetAsync($"/postings/{_team.Posting.Id}/calibration"));
        var overall = await manager.GetPageAsync("/calibration");
        Assert.Equal(HttpStatusCode.OK, overall.Response.StatusCode);
        Assert.DoesNotContain("Alice Interviewer", overall.Document.Body!.TextContent);

        // The team itself gets the pages.
        foreach (var member in new[] { _team.Recruiter, _team.Manager })
        {
            var client = App.CreateClientAs(member);
            foreach (var url in new[] { $"/interviews/{interview}", $"/applications/{_applicationId}/score", $"/postings/{_team.Posting.Id}/compare" })
            {
                var (response, document) = await client.GetPageAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode} to {member.Email}");
                Assert.Contains("Ada Candidate", document.Body!.TextContent);
            }
        }
    }

    [Fact]
    public async Task Should_send_anonymous_users_to_sign_in()
    {
        var interview = await App.CreatePastInterviewAsync(_applicationId, [_team.Alice]);
        var client = App.CreateClientAs(null);
        foreach (var url in new[]
                 {
                     "/interviews", $"/interviews/{interview}", $"/interviews/{interview}/scorecard", $"/interviews/new?applicationId={_applicationId}",
                     $"/applications/{_applicationId}/score", $"/postings/{_team.Posting.Id}/compare", $"/postings/{_team.Posting.Id}/calibration",
                     "/calibration", $"/applications/{_applicationId}/decision", $"/applications/{_applicationId}/offer",
                 })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_put_an_antiforgery_token_in_every_scorecard_and_scheduling_form_and_refuse_a_post_without_one()
    {
        var interview = await App.CreatePastInterviewAsync(_applicationId, [_team.Alice, _team.Bob]);
        await App.SubmitScorecardAsync(interview, _team.Bob);
        var pages = new (TestUser User, string Url, int Forms)[]
        {
            (_team.Alice, $"/interviews/{interview}/scorecard", 1),
            (_team.Bob, $"/interviews/{interview}/scorecard", 1), // the amend form
            (_team.Recruiter, $"/interviews/new?applicationId={_applicationId}", 1),
            (_team.Recruiter, $"/interviews/{interview}/reschedule", 1),
            (_team.Recruiter, $"/interviews/{interview}", 1), // cancel
        };
        foreach (var (user, url, forms) in pages)
        {
            var (response, document) = await App.CreateClientAs(user).GetPageAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            var posts = document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(posts.Count >= forms, $"{url} has {posts.Count} post forms");
            Assert.All(posts, f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        }

        var alice = App.CreateClientAs(_team.Alice);
        var tokenless = await alice.PostAsync($"/interviews/{interview}/scorecard", new FormUrlEncodedContent([new("InterviewId", interview.ToString()), new("Submit", "false")]));
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => Task.FromResult(db.Scorecards.Count(s => s.InterviewId == interview && s.InterviewerId == _team.Alice.Id))));
    }

    [Fact]
    public async Task Should_show_the_missing_evidence_and_a_bad_rating_beside_their_fields_and_keep_what_was_typed()
    {
        var interview = await App.CreatePastInterviewAsync(_applicationId, [_team.Alice]);
        var alice = App.CreateClientAs(_team.Alice);
        var url = $"/interviews/{interview}/scorecard";
        var selector = $"form[action='/interviews/{interview}/scorecard']";

        var response = await alice.SubmitFormAsync(url, selector, new Dictionary<string, string>
        {
            ["Submit"] = "true", ["Recommendation"] = "Yes",
            ["Ratings[0].Rating"] = "3", ["Ratings[0].Evidence"] = "",
            ["Ratings[1].Rating"] = "7", ["Ratings[1].Evidence"] = "Designed the queue carefully.",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Write the evidence: what the candidate said or did that supports this rating.", page.FieldError("Ratings[0].Evidence"));
        Assert.Equal("Ratings go from 1 to 4.", page.FieldError("Ratings[1].Rating"));
        Assert.Null(page.FieldError("Recommendation"));
        // What was typed is still there.
        Assert.True(((IHtmlInputElement)page.QuerySelector("#r0_rating_3")!).IsChecked);
        Assert.Equal("Designed the queue carefully.", ((IHtmlTextAreaElement)page.QuerySelector("#r1_evidence")!).Value);
        Assert.True(((IHtmlInputElement)page.QuerySelector("#r_rec_Yes")!).IsChecked);
        Assert.Equal(0, await App.QueryAsync(db => Task.FromResult(db.Scorecards.Count(s => s.InterviewId == interview))));

        // A draft may be incomplete.
        var draft = await alice.SubmitFormAsync(url, selector, new Dictionary<string, string>
        {
            ["Submit"] = "false", ["Ratings[0].Rating"] = "3", ["Ratings[0].Evidence"] = "Half-written notes.",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var saved = await alice.GetPageAsync(url);
        Assert.Equal("Half-written notes.", ((IHtmlTextAreaElement)saved.Document.QuerySelector("#r0_evidence")!).Value);
        Assert.Contains("Draft", saved.Document.QuerySelector(".page-header")!.TextContent);
    }
}
