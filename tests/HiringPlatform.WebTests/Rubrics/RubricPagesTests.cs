using System.Net;
using AngleSharp.Html.Dom;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.WebTests.Rubrics;

public sealed class RubricPagesTests(WebFixture fixture) : WebTest(fixture)
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

    private Task<Guid> CompetencyIdAsync(string key) =>
        App.WithDbAsync(db => db.Competencies.Where(c => c.Key == key).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task Should_forbid_interviewers_the_rubric_the_plan_and_the_library_editor()
    {
        var client = App.CreateClientAs(_interviewer);
        var competencyId = await CompetencyIdAsync("security");
        foreach (var url in new[]
                 {
                     $"/postings/{_posting.Id}/rubric", $"/postings/{_posting.Id}/rubric/edit", $"/postings/{_posting.Id}/plan",
                     $"/postings/{_posting.Id}/plan/stages/{_posting.First.Id}/edit", $"/competencies/{competencyId}/edit", "/competencies", "/questions",
                 })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task Should_let_the_recruiter_read_the_rubric_but_not_edit_it()
    {
        var client = App.CreateClientAs(_recruiter);
        var (response, page) = await client.GetPageAsync($"/postings/{_posting.Id}/rubric");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10, page.QuerySelectorAll("#rubric-table tbody tr").Length);
        Assert.Contains("15.0%", page.QuerySelector("#rubric-table")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/postings/{_posting.Id}/rubric/edit']"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/postings/{_posting.Id}/rubric/edit")).StatusCode);
        // Even a hand-made post, with the recruiter's own antiforgery token, is refused.
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var post = await client.PostAsync($"/postings/{_posting.Id}/rubric/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Items[0].CompetencyId"] = (await CompetencyIdAsync("security")).ToString(),
            ["Items[0].Included"] = "true",
            ["Items[0].Weight"] = "50",
            ["Items[0].IsMustHave"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(10, await App.WithDbAsync(db => db.RubricItems.CountAsync(r => r.PostingId == _posting.Id)));
    }

    [Fact]
    public async Task Should_answer_404_to_a_hiring_manager_outside_the_team()
    {
        var outsider = App.CreateClientAs(await App.CreateUserAsync("Outsider Manager", Roles.HiringManager));
        foreach (var url in new[] { $"/postings/{_posting.Id}/rubric", $"/postings/{_posting.Id}/rubric/edit", $"/postings/{_posting.Id}/plan", $"/postings/{_posting.Id}/plan/stages/new" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task Should_show_the_weight_error_next_to_the_field_and_save_a_valid_rubric()
    {
        var client = App.CreateClientAs(_manager);
        var url = $"/postings/{_posting.Id}/rubric/edit";
        var (_, form) = await client.GetPageAsync(url);
        var cloudIndex = CloudIndex(form, await CompetencyIdAsync("cloud-devops"));

        var invalid = await client.SubmitFormAsync(url, "form[action$='/rubric/edit']",
            new Dictionary<string, string> { [$"Items[{cloudIndex}].Weight"] = "0" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var page = await invalid.ParseAsync();
        Assert.Equal("A weight must be more than 0 and at most 100.", page.FieldError($"Items[{cloudIndex}].Weight"));
        // The rest of the form is still there, with the library's names.
        Assert.Contains("Cloud and DevOps", page.QuerySelector("[data-rubric-editor]")!.TextContent, StringComparison.Ordinal);

        var valid = await client.SubmitFormAsync(url, "form[action$='/rubric/edit']",
            new Dictionary<string, string> { [$"Items[{cloudIndex}].Weight"] = "20", [$"Items[{cloudIndex}].IsMustHave"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        Assert.Equal($"/postings/{_posting.Id}/rubric", valid.Headers.Location?.ToString());
        var saved = await App.WithDbAsync(db => db.RubricItems.SingleAsync(r => r.PostingId == _posting.Id && r.CompetencyId == db.Competencies.Single(c => c.Key == "cloud-devops").Id));
        Assert.Equal(20m, saved.Weight);
        Assert.True(saved.IsMustHave);
    }

    private static int CloudIndex(IHtmlDocument form, Guid competencyId)
    {
        var hidden = form.QuerySelectorAll("input[type=hidden][name$='.CompetencyId']").Cast<IHtmlInputElement>().ToList();
        var input = hidden.Single(h => h.Value == competencyId.ToString());
        return int.Parse(input.Name!.Split('[', ']')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Should_refuse_to_remove_a_stage_with_applications_and_link_to_the_board()
    {
        for (var i = 0; i < 3; i++) await App.CreateApplicantAsync(_posting, $"Board Person{i}", "Coding exercise");
        var client = App.CreateClientAs(_recruiter);
        var stage = _posting.Stage("Coding exercise");

        var response = await client.SubmitFormAsync($"/postings/{_posting.Id}/plan", $"form[action$='/stages/{stage.Id}/remove']");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        var card = page.QuerySelector($"#stage-{stage.Id}")!;
        Assert.Contains("3 active applications are in this stage: move them", card.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector($"[role=alert] a[href='/postings/{_posting.Id}/board']"));
    }

    [Fact]
    public async Task Should_move_a_stage_with_a_plain_form_and_warn_about_coverage()
    {
        var client = App.CreateClientAs(_manager);
        var stage = _posting.Stage("Coding exercise");
        var response = await client.SubmitFormAsync($"/postings/{_posting.Id}/plan", $"form[action$='/stages/{stage.Id}/move']:has(input[value=Up])");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var order = await App.WithDbAsync(db => db.InterviewStages.Where(s => s.Id == stage.Id).Select(s => s.Order).SingleAsync());
        Assert.Equal(stage.Order - 1, order);

        // Take cloud-devops out of the only stage that assessed it: both pages warn.
        var debugging = _posting.Stage("Debugging / troubleshooting scenario");
        var cloud = await CompetencyIdAsync("cloud-devops");
        var editUrl = $"/postings/{_posting.Id}/plan/stages/{debugging.Id}/edit";
        var (_, editPage) = await client.GetPageAsync(editUrl);
        var form = (IHtmlFormElement)editPage.QuerySelector("form[action$='/edit']")!;
        ((IHtmlInputElement)form.QuerySelector($"input[name=FocusCompetencyIds][value='{cloud}']")!).IsChecked = false;
        var saved = await client.SubmitAsync(form, editUrl);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, plan) = await client.GetPageAsync($"/postings/{_posting.Id}/plan");
        Assert.Contains("Cloud and DevOps", plan.QuerySelector("#coverage-warning")!.TextContent, StringComparison.Ordinal);
        var (_, rubric) = await client.GetPageAsync($"/postings/{_posting.Id}/rubric");
        Assert.Contains("Cloud and DevOps", rubric.QuerySelector("#coverage-warning")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_open_the_kit_only_for_the_interviews_interviewers_and_the_hiring_team()
    {
        var other = await App.CreateUserAsync("Unassigned Interviewer", Roles.Interviewer);
        var (_, applicationId) = await App.CreateApplicantAsync(_posting, "Kit Candidate", "System design interview");
        var interviewId = await App.CreateInterviewAsync(applicationId, [_interviewer]);
        var url = $"/interviews/{interviewId}/kit";

        var (response, page) = await App.CreateClientAs(_interviewer).GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kit Candidate", page.QuerySelector(".kit")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll(".kit-question").Length);
        Assert.NotNull(page.QuerySelector("time[datetime]"));

        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClientAs(other).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClientAs(_recruiter).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClientAs(await App.CreateUserAsync("Kit Outsider", Roles.HiringManager)).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Should_create_a_new_version_from_the_admin_form_and_say_so()
    {
        var admin = await App.CreateUserAsync("Web Admin", Roles.Admin);
        var client = App.CreateClientAs(admin);
        var id = await CompetencyIdAsync("api-design");

        var invalid = await client.SubmitFormAsync($"/competencies/{id}/edit", "form[action$='/edit']", new Dictionary<string, string> { ["Name"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("Enter a name.", (await invalid.ParseAsync()).FieldError("Name"));

        var saved = await client.SubmitFormAsync($"/competencies/{id}/edit", "form[action$='/edit']", new Dictionary<string, string> { ["Definition"] = "Contracts clients can rely on." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await client.GetPageAsync($"/competencies/{id}");
        Assert.Contains("updated in place", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Contracts clients can rely on.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_keep_scripts_and_styles_out_of_the_markup()
    {
        var (_, applicationId) = await App.CreateApplicantAsync(_posting, "Csp Candidate", "System design interview");
        var interviewId = await App.CreateInterviewAsync(applicationId, [_interviewer]);
        var admin = App.CreateClientAs(await App.CreateUserAsync("Csp Admin", Roles.Admin));
        var id = await CompetencyIdAsync("security");
        foreach (var url in new[]
                 {
                     "/competencies", $"/competencies/{id}", $"/competencies/{id}/edit", "/competencies/new", "/questions", "/questions/new",
                     $"/postings/{_posting.Id}/rubric", $"/postings/{_posting.Id}/rubric/edit", $"/postings/{_posting.Id}/plan",
                     $"/postings/{_posting.Id}/plan/stages/new", $"/postings/{_posting.Id}/plan/stages/{_posting.First.Id}/edit", $"/interviews/{interviewId}/kit",
                 })
        {
            var (response, page) = await admin.GetPageAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/json'])"));
            Assert.All(page.QuerySelectorAll("input:not([type=hidden]), select, textarea").Where(e => e.Id is not null),
                e => Assert.True(page.QuerySelector($"label[for='{e.Id}']") is not null || e.HasAttribute("aria-label"), $"{url}: #{e.Id} has no label"));
        }
    }
}
