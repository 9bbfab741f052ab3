using System.Net;
using AngleSharp.Html.Dom;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.WebTests.JobPostings;

public sealed class PostingPagesTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<(TestUser Recruiter, TestUser Manager, PostingInfo Posting)> ArrangeAsync(PostingStatus status = PostingStatus.Draft)
    {
        var recruiter = await App.CreateUserAsync("Page Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Page Manager", Roles.HiringManager);
        return (recruiter, manager, await App.CreatePostingAsync(recruiter, manager, status: status));
    }

    private static string Value(IHtmlDocument page, string id) => ((IHtmlInputElement)page.QuerySelector($"#{id}")!).Value;

    [Fact]
    public async Task Should_not_let_an_interviewer_create_or_edit_postings()
    {
        var (recruiter, manager, posting) = await ArrangeAsync();
        var interviewer = await App.CreateUserAsync("Page Interviewer", Roles.Interviewer);
        var client = App.CreateClientAs(interviewer);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "Sneaky", ["HiringManagerId"] = manager.Id.ToString() });

        foreach (var response in new[]
                 {
                     await client.GetAsync("/postings"),
                     await client.GetAsync("/postings/new"),
                     await client.PostAsync("/postings/new", form),
                     await client.GetAsync($"/postings/{posting.Id}/edit"),
                     await client.PostAsync($"/postings/{posting.Id}/edit", form),
                     await client.PostAsync($"/postings/{posting.Id}/submit", form),
                 })
        {
            // Refused: 403/404, or the sign-in cookie's way of saying 403 (a redirect to the access-denied page).
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                          || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/account/access-denied");
            Assert.True(refused,
                $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.Equal(1, await App.WithDbAsync(db => db.JobPostings.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClientAs(recruiter).GetAsync($"/postings/{posting.Id}/edit")).StatusCode);
    }

    [Fact]
    public async Task Should_answer_not_found_to_staff_outside_the_team()
    {
        var (_, _, posting) = await ArrangeAsync(PostingStatus.Open);
        var outsider = await App.CreateUserAsync("Outside Recruiter", Roles.Recruiter);
        var client = App.CreateClientAs(outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/postings/{posting.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/postings/{posting.Id}/edit")).StatusCode);
        var list = await client.GetPageAsync("/postings");
        Assert.Null(list.Document.QuerySelector($"a[href='/postings/{posting.Id}']"));
    }

    [Fact]
    public async Task Should_create_a_posting_from_the_template_through_the_form()
    {
        var recruiter = await App.CreateUserAsync("Form Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Form Manager", Roles.HiringManager);
        var client = App.CreateClientAs(recruiter);

        var page = await client.GetPageAsync("/postings/new");
        Assert.NotNull(page.Document.QuerySelector($"select#HiringManagerId option[value='{manager.Id}']"));
        var response = await client.SubmitFormAsync("/postings/new", "form[action='/postings/new']",
            new Dictionary<string, string> { ["Title"] = "Senior Backend Engineer (Growth)", ["HiringManagerId"] = manager.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Equal("Senior Backend Engineer (Growth)", details.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Draft", details.Document.QuerySelector(".page-header .badge")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(8, details.Document.QuerySelectorAll("section[aria-labelledby='pipeline'] li").Length);
        Assert.NotNull(details.Document.QuerySelector($"a[href$='/board']"));
        Assert.NotNull(details.Document.QuerySelector($"a[href$='/rubric']"));
        Assert.NotNull(details.Document.QuerySelector($"a[href$='/plan']"));
    }

    [Fact]
    public async Task Should_show_field_errors_and_keep_the_form_when_creating_without_a_hiring_manager()
    {
        var recruiter = await App.CreateUserAsync("Error Recruiter", Roles.Recruiter);
        var client = App.CreateClientAs(recruiter);

        var response = await client.SubmitFormAsync("/postings/new", "form[action='/postings/new']",
            new Dictionary<string, string> { ["Title"] = "Keep this title", ["Start"] = "Blank" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Choose the hiring manager.", page.FieldError("HiringManagerId"));
        Assert.Equal("Keep this title", Value(page, "Title"));
        Assert.True(((IHtmlInputElement)page.QuerySelector("#Start_Blank")!).IsChecked);
    }

    [Fact]
    public async Task Should_show_a_salary_error_next_to_the_field_and_keep_the_values()
    {
        var (recruiter, _, posting) = await ArrangeAsync();
        var client = App.CreateClientAs(recruiter);

        var response = await client.SubmitFormAsync($"/postings/{posting.Id}/edit", "#posting-form",
            new Dictionary<string, string> { ["Title"] = "Edited title", ["SalaryMin"] = "250000", ["SalaryMax"] = "200000", ["Headcount"] = "0" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("The maximum must be at least the minimum.", page.FieldError("SalaryMax"));
        Assert.Equal("The headcount must be between 1 and 100.", page.FieldError("Headcount"));
        Assert.Equal("Edited title", Value(page, "Title"));
        Assert.Equal("250000", Value(page, "SalaryMin"));
        Assert.Equal("Senior Backend Engineer", (await App.FindAsync<JobPosting>(posting.Id))!.Title);
    }

    [Fact]
    public async Task Should_save_an_edit_with_questions_added_reordered_and_removed()
    {
        var (recruiter, _, posting) = await ArrangeAsync();
        var client = App.CreateClientAs(recruiter);
        var page = await client.GetPageAsync($"/postings/{posting.Id}/edit");
        var firstQuestionId = ((IHtmlInputElement)page.Document.QuerySelector("input[name='Questions[0].Id']")!).Value;

        var response = await client.SubmitFormAsync($"/postings/{posting.Id}/edit", "#posting-form", new Dictionary<string, string>
        {
            ["Title"] = "Principal Backend Engineer",
            ["Level"] = "Principal",
            ["Questions[1].Text"] = "",
            ["Questions[3].Text"] = "Do you enjoy on-call?",
            ["Questions[3].Kind"] = "YesNo",
            ["Questions[3].Required"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await App.WithDbAsync(db => db.JobPostings.Include(p => p.ScreeningQuestions).SingleAsync(p => p.Id == posting.Id));
        Assert.Equal(("Principal Backend Engineer", JobLevel.Principal), (saved.Title, saved.Level));
        var questions = saved.ScreeningQuestions.OrderBy(q => q.Order).ToList();
        Assert.Equal(3, questions.Count);
        Assert.Equal(Guid.Parse(firstQuestionId), questions[0].Id);
        Assert.Equal(("Do you enjoy on-call?", ScreeningAnswerKind.YesNo, true), (questions[2].Text, questions[2].Kind, questions[2].Required));
        var flash = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("Posting saved.", flash.Document.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_tell_the_second_editor_someone_else_changed_it_and_show_the_current_values()
    {
        var (recruiter, manager, posting) = await ArrangeAsync();
        var mine = App.CreateClientAs(recruiter);
        var theirs = App.CreateClientAs(manager);
        var myPage = await mine.GetPageAsync($"/postings/{posting.Id}/edit");
        var myForm = (IHtmlFormElement)myPage.Document.QuerySelector("#posting-form")!;

        Assert.Equal(HttpStatusCode.Redirect, (await theirs.SubmitFormAsync($"/postings/{posting.Id}/edit", "#posting-form",
            new Dictionary<string, string> { ["Title"] = "Their title" })).StatusCode);
        var response = await mine.SubmitAsync(myForm, $"/postings/{posting.Id}/edit", new Dictionary<string, string> { ["Title"] = "My title" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Someone else changed this", page.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Their title", Value(page, "Title"));
        Assert.Equal("Their title", (await App.FindAsync<JobPosting>(posting.Id))!.Title);
        Assert.NotEqual(((IHtmlInputElement)myForm.QuerySelector("#Version")!).Value, Value(page, "Version"));
    }

    [Fact]
    public async Task Should_render_markdown_without_any_script_on_staff_and_public_pages()
    {
        var (recruiter, _, posting) = await ArrangeAsync(PostingStatus.Open);
        var client = App.CreateClientAs(recruiter);
        const string hostile = "We value **craft**.\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)> [click](javascript:alert(1))";

        var response = await client.SubmitFormAsync($"/postings/{posting.Id}/edit", "#posting-form",
            new Dictionary<string, string> { ["DescriptionMarkdown"] = hostile });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        foreach (var (http, url) in new[] { (client, $"/postings/{posting.Id}"), (App.CreateClientAs(null), $"/careers/{posting.Id}") })
        {
            var page = await http.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
            var markdown = page.Document.QuerySelector(".markdown")!;
            Assert.Contains("<strong>craft</strong>", markdown.InnerHtml, StringComparison.Ordinal);
            Assert.Empty(markdown.QuerySelectorAll("script, img, [onerror]"));
            Assert.DoesNotContain("javascript:", markdown.InnerHtml, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(page.Document.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        }

        var token = ((IHtmlInputElement)(await client.GetPageAsync($"/postings/{posting.Id}/edit")).Document.QuerySelector("input[name='__RequestVerificationToken']")!).Value;
        var preview = await client.PostAsync("/postings/markdown-preview", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["markdown"] = hostile,
            ["__RequestVerificationToken"] = token,
        }));
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("<strong>craft</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_submit_approve_and_refuse_transitions_through_the_details_page()
    {
        var (recruiter, manager, posting) = await ArrangeAsync();
        var recruiterClient = App.CreateClientAs(recruiter);
        var managerClient = App.CreateClientAs(manager);

        // Not allowed from draft: the details page is shown again with the domain's message.
        var draftPage = await recruiterClient.GetPageAsync($"/postings/{posting.Id}");
        var token = ((IHtmlInputElement)draftPage.Document.QuerySelector("form[action$='/submit'] input[name='__RequestVerificationToken']")!).Value;
        var refused = await recruiterClient.PostAsync($"/postings/{posting.Id}/pause",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("This posting is draft, so it cannot move to paused.", (await refused.ParseAsync()).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await recruiterClient.SubmitFormAsync($"/postings/{posting.Id}", "form[action$='/submit']")).StatusCode);

        // The recruiter sees who must approve; the hiring manager sees the approval form and the home-page card.
        var waiting = await recruiterClient.GetPageAsync($"/postings/{posting.Id}");
        Assert.Null(waiting.Document.QuerySelector("form[action$='/approve']"));
        Assert.Contains("Waiting for Page Manager", waiting.Document.QuerySelector("#next-step")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var home = await managerClient.GetPageAsync("/");
        Assert.NotNull(home.Document.QuerySelector($"#postings-awaiting-approval a[href='/postings/{posting.Id}']"));

        var approvePage = await managerClient.GetPageAsync($"/postings/{posting.Id}");
        var approveToken = ((IHtmlInputElement)approvePage.Document.QuerySelector("form[action$='/approve'] input[name='__RequestVerificationToken']")!).Value;
        var noComment = await managerClient.PostAsync($"/postings/{posting.Id}/send-back",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = approveToken, ["Comment"] = "" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment.StatusCode);
        Assert.Contains("Say what needs to change", (await noComment.ParseAsync()).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);

        var approved = await managerClient.SubmitFormAsync($"/postings/{posting.Id}", "form[action$='/approve']",
            new Dictionary<string, string> { ["Comment"] = "Ship it" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var open = await managerClient.GetPageAsync($"/postings/{posting.Id}");
        Assert.Contains("Open", open.Document.QuerySelector(".page-header .badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ship it", open.Document.QuerySelector("#history")!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(open.Document.QuerySelector($"a[href='/careers/{posting.Id}']"));
    }

    [Fact]
    public async Task Should_clone_from_the_details_page()
    {
        var (recruiter, _, posting) = await ArrangeAsync(PostingStatus.Closed);
        var client = App.CreateClientAs(recruiter);

        var response = await client.SubmitFormAsync($"/postings/{posting.Id}", "form[action$='/clone']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await App.WithDbAsync(db => db.JobPostings.CountAsync()));
        var copy = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("Draft", copy.Document.QuerySelector(".page-header .badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_list_postings_with_filters_and_counts()
    {
        var (recruiter, _, posting) = await ArrangeAsync(PostingStatus.Open);
        await App.CreateApplicantAsync(posting, "Listed Candidate");
        var client = App.CreateClientAs(recruiter);

        var page = await client.GetPageAsync("/postings?Status=Open&Q=backend");

        var row = page.Document.QuerySelector("tbody tr")!;
        Assert.Contains("Senior Backend Engineer", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", row.QuerySelector($"a[href='/postings/{posting.Id}/board']")!.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("select#Team option[value='Platform Engineering']"));
        var none = await client.GetPageAsync("/postings?Status=Closed");
        Assert.Contains("No postings match these filters.", none.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    // Bug 1 of issue #11 over HTTP: users holding the global Recruiter or HiringManager role but seated on the posting only as
    // interviewers, posting with a VALID antiforgery token of their own (an anonymous-style 400 would prove nothing).
    [Fact]
    public async Task Should_answer_404_to_recruiters_and_hiring_managers_seated_only_as_interviewers()
    {
        var recruiter = await App.CreateUserAsync("Seat Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Seat Manager", Roles.HiringManager);
        var managerInterviewer = await App.CreateUserAsync("Seat Manager Interviewer", Roles.HiringManager, Roles.Interviewer);
        var recruiterInterviewer = await App.CreateUserAsync("Seat Recruiter Interviewer", Roles.Recruiter, Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, manager, [managerInterviewer, recruiterInterviewer], PostingStatus.Open);
        var (_, editPage) = await App.CreateClientAs(recruiter).GetPageAsync($"/postings/{posting.Id}/edit");
        var editForm = editPage.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.QuerySelector("[name=Title]") is not null);

        foreach (var user in new[] { managerInterviewer, recruiterInterviewer })
        {
            var client = App.CreateClientAs(user);
            // Their own token, from a page they may see.
            var (_, profile) = await client.GetPageAsync("/account/profile");
            var token = ((IHtmlInputElement)profile.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
            FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields.Append(new("__RequestVerificationToken", token)));

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/postings/{posting.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/postings/{posting.Id}/edit")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync(editForm, $"/postings/{posting.Id}/edit", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["HiringManagerId"] = user.Id.ToString(),
            })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/postings/{posting.Id}/pause", Form(new() { ["Comment"] = "" }))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/postings/{posting.Id}/close", Form(new() { ["Reason"] = nameof(ClosedReason.Cancelled) }))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/postings/{posting.Id}/clone", Form(new()))).StatusCode);
            var list = await client.GetPageAsync("/postings");
            Assert.DoesNotContain(posting.Id.ToString(), list.Document.Body!.InnerHtml);
        }
        var stored = await App.QueryAsync(db => db.JobPostings.Include(p => p.TeamMembers).SingleAsync(p => p.Id == posting.Id));
        Assert.Equal((PostingStatus.Open, manager.Id), (stored.Status, stored.HiringManagerId));
        Assert.Equal(1, await App.QueryAsync(db => db.JobPostings.CountAsync()));
    }
}
