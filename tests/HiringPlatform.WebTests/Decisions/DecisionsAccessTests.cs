using System.Net;
using AngleSharp.Html.Dom;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.Testing;
using HiringPlatform.WebTests.Interviews;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.WebTests.Decisions;

// Scores, comparison, calibration, debrief decisions and offers over HTTP: only the posting's hiring team reaches
// them, every form carries its antiforgery token, and refused input comes back beside its field.
public sealed class DecisionsAccessTests(WebFixture fixture) : WebTest(fixture)
{
    private Team _team = null!;
    private Guid _applicationId;
    private Guid _interviewId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _team = await App.CreateTeamAsync();
        (_, _applicationId) = await App.CreateApplicantAsync(_team.Posting, "Ada Candidate", InterviewTestData.SystemDesign);
        _interviewId = await App.CreatePastInterviewAsync(_applicationId, [_team.Alice, _team.Bob]);
        await App.SubmitScorecardAsync(_interviewId, _team.Alice);
    }

    private string[] CandidatePages() =>
    [
        $"/applications/{_applicationId}/score", $"/postings/{_team.Posting.Id}/compare", $"/postings/{_team.Posting.Id}/calibration",
        "/calibration", $"/applications/{_applicationId}/decision", $"/applications/{_applicationId}/offer",
    ];

    private Task MakeOfferDecisionAsync() =>
        App.SendAsync(new RecordDecision.Command { ApplicationId = _applicationId, Kind = DecisionKind.Offer, Rationale = "Strong panel.", CoverageOverrideReason = "No scorecards in this test: the offer goes ahead on the hiring manager's word." }, _team.Manager);

    [Fact]
    public async Task Should_refuse_interviewers_the_score_compare_calibration_decision_and_offer_pages_even_for_their_own_candidate()
    {
        await MakeOfferDecisionAsync();
        foreach (var interviewer in new[] { _team.Alice, _team.Bob })
        {
            var client = App.CreateClientAs(interviewer);
            foreach (var url in CandidatePages())
            {
                var response = await client.GetAsync(url);
                InterviewsAccessTests.AssertRefused(response);
                Assert.DoesNotContain("Ada Candidate", await response.Content.ReadAsStringAsync());
            }
        }
    }

    [Fact]
    public async Task Should_give_a_recruiter_or_manager_off_the_team_404_even_with_a_valid_token()
    {
        await MakeOfferDecisionAsync();
        var outsider = await App.CreateUserAsync("Other Manager", Roles.HiringManager);
        var client = App.CreateClientAs(outsider);
        foreach (var url in CandidatePages().Where(u => u != "/calibration"))
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);

        // A well-formed post (the outsider's own antiforgery token, from a page they may open) is still refused.
        var own = await App.CreatePostingAsync(_team.Recruiter, outsider);
        var (_, ownApplication) = await App.CreateApplicantAsync(own, "Own Candidate", InterviewTestData.SystemDesign);
        var ownPage = await client.GetPageAsync($"/applications/{ownApplication}/decision");
        var token = ownPage.Document.QuerySelector("form[data-decision-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var offerId = await App.QueryAsync(db => db.Offers.Where(o => o.ApplicationId == _applicationId).Select(o => o.Id).SingleAsync());
        var approve = await client.PostAsync($"/applications/{_applicationId}/offer/approve",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("OfferId", offerId.ToString())]));
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        var decide = await client.PostAsync($"/applications/{_applicationId}/decision",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Kind", "Reject"), new("RejectionReason", "Other"), new("Rationale", "x")]));
        Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
        Assert.Equal(OfferStatus.Draft, await App.QueryAsync(db => db.Offers.Where(o => o.Id == offerId).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task Should_let_only_the_posting_manager_approve_an_offer()
    {
        await MakeOfferDecisionAsync();
        var recruiter = App.CreateClientAs(_team.Recruiter);
        var url = $"/applications/{_applicationId}/offer";
        // The draft's default terms, saved as they are by the recruiter.
        var saved = await recruiter.SubmitFormAsync(url, "#offer-terms");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await recruiter.GetPageAsync(url);
        Assert.Null(page.Document.QuerySelector("#offer-approve"));
        var token = page.Document.QuerySelector("#offer-terms input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var offerId = await App.QueryAsync(db => db.Offers.Where(o => o.ApplicationId == _applicationId).Select(o => o.Id).SingleAsync());
        var approve = await recruiter.PostAsync($"{url}/approve",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("OfferId", offerId.ToString())]));
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);

        var managerPage = await App.CreateClientAs(_team.Manager).GetPageAsync(url);
        Assert.NotNull(managerPage.Document.QuerySelector("#offer-approve"));
        var approved = await App.CreateClientAs(_team.Manager).SubmitFormAsync(url, "#offer-approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(OfferStatus.Approved, await App.QueryAsync(db => db.Offers.Where(o => o.Id == offerId).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task Should_show_the_hiring_team_every_page_with_an_antiforgery_token_in_each_form()
    {
        await MakeOfferDecisionAsync();
        var pages = new (TestUser User, string Url)[]
        {
            (_team.Manager, $"/applications/{_applicationId}/score"), (_team.Recruiter, $"/applications/{_applicationId}/score"),
            (_team.Manager, $"/postings/{_team.Posting.Id}/compare"), (_team.Recruiter, $"/postings/{_team.Posting.Id}/compare"),
            (_team.Manager, $"/postings/{_team.Posting.Id}/calibration"), (_team.Manager, "/calibration"),
            (_team.Manager, $"/applications/{_applicationId}/offer"), (_team.Recruiter, $"/applications/{_applicationId}/offer"),
        };
        foreach (var (user, url) in pages)
        {
            var (response, document) = await App.CreateClientAs(user).GetPageAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode} to {user.Email}");
            Assert.All(document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)),
                f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        }
        var offer = await App.CreateClientAs(_team.Manager).GetPageAsync($"/applications/{_applicationId}/offer");
        Assert.NotNull(offer.Document.QuerySelector("#offer-terms input[name=__RequestVerificationToken]"));
        Assert.NotNull(offer.Document.QuerySelector("#offer-approve input[name=__RequestVerificationToken]"));
        var score = await App.CreateClientAs(_team.Manager).GetPageAsync($"/applications/{_applicationId}/score");
        Assert.Contains("Alice Interviewer", score.Document.Body!.TextContent);
        Assert.Contains("Would pair well with the platform team", score.Document.Body!.TextContent); // the private note, for the manager
        var recruiterScore = await App.CreateClientAs(_team.Recruiter).GetPageAsync($"/applications/{_applicationId}/score");
        Assert.DoesNotContain("Would pair well with the platform team", recruiterScore.Document.Body!.TextContent);

        // The decision form (on a second candidate, who has no decision yet).
        var (_, second) = await App.CreateApplicantAsync(_team.Posting, "Second Candidate", InterviewTestData.SystemDesign);
        var decision = await App.CreateClientAs(_team.Manager).GetPageAsync($"/applications/{second}/decision");
        Assert.NotNull(decision.Document.QuerySelector("form[data-decision-form] input[name=__RequestVerificationToken]"));
        // The recruiter sees the page but not the form: the hiring manager decides.
        var recruiterDecision = await App.CreateClientAs(_team.Recruiter).GetPageAsync($"/applications/{second}/decision");
        Assert.Equal(HttpStatusCode.OK, recruiterDecision.Response.StatusCode);
        Assert.Null(recruiterDecision.Document.QuerySelector("form[data-decision-form]"));
    }

    [Fact]
    public async Task Should_show_decision_and_offer_mistakes_beside_their_fields()
    {
        var manager = App.CreateClientAs(_team.Manager);
        var decisionUrl = $"/applications/{_applicationId}/decision";
        var refused = await manager.SubmitFormAsync(decisionUrl, "form[data-decision-form]",
            new Dictionary<string, string> { ["Kind"] = "Reject", ["Rationale"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal("Choose the reason for rejecting.", page.FieldError("RejectionReason"));
        Assert.Equal("Write down the rationale: what the panel saw that led to this decision.", page.FieldError("Rationale"));
        Assert.True(((IHtmlInputElement)page.QuerySelector("#kind-reject")!).IsChecked);

        // No scorecards yet: the debrief gate refuses the offer and asks the hiring manager for a reason.
        var gated = await manager.SubmitFormAsync(decisionUrl, "form[data-decision-form]",
            new Dictionary<string, string> { ["Kind"] = "Offer", ["Rationale"] = "Strong evidence across the panel." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, gated.StatusCode);
        var gatedPage = await gated.ParseAsync();
        Assert.Contains("at least two interviewers", gatedPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(gatedPage.QuerySelector("textarea#CoverageOverrideReason"));

        var made = await manager.SubmitFormAsync(decisionUrl, "form[data-decision-form]",
            new Dictionary<string, string> { ["Kind"] = "Offer", ["Rationale"] = "Strong evidence across the panel.", ["CoverageOverrideReason"] = "Known to the team from a previous role." });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.EndsWith($"/applications/{_applicationId}/offer", made.Headers.Location!.ToString(), StringComparison.Ordinal);

        var offer = await manager.SubmitFormAsync($"/applications/{_applicationId}/offer", "#offer-terms",
            new Dictionary<string, string> { ["Salary"] = "", ["Currency"] = "EURO", ["StartDate"] = "2001-01-01", ["Notes"] = "Remote first." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, offer.StatusCode);
        var offerPage = await offer.ParseAsync();
        Assert.Equal("Enter the yearly salary.", offerPage.FieldError("Salary"));
        Assert.Equal("Use a three-letter currency code, such as USD or EUR.", offerPage.FieldError("Currency"));
        Assert.Equal("The start date cannot be in the past.", offerPage.FieldError("StartDate"));
        Assert.Equal("Remote first.", offerPage.QuerySelector("#Notes")!.TextContent);
    }
}
