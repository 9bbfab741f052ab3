using System.Net;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.WebTests.Candidates;

public sealed class PipelineFormTests(WebFixture fixture) : WebTest(fixture)
{
    private TestUser _recruiter = null!;
    private PostingInfo _posting = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _recruiter = await App.CreateUserAsync("Form Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Form Manager", Roles.HiringManager);
        _posting = await App.CreatePostingAsync(_recruiter, manager);
    }

    private string BoardUrl => $"/postings/{_posting.Id}/board";

    [Fact]
    public async Task Should_move_a_card_forward_with_its_button_and_refuse_a_stale_move_showing_the_current_stage()
    {
        var (_, applicationId) = await App.CreateApplicantAsync(_posting, "Mover Person");
        var client = App.CreateClientAs(_recruiter);
        var (_, board) = await client.GetPageAsync(BoardUrl);
        // Every card's buttons submit the one shared form, each with its own formaction (the card's move and version).
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)board.QuerySelector("form#card-action")!;
        var button = board.QuerySelector($"button[form=card-action][formaction^='/applications/{applicationId}/move'].btn-outline-primary")!;
        var forward = button.GetAttribute("value")!;
        var action = button.GetAttribute("formaction")!;

        var moved = await client.SubmitAsync(form, BoardUrl, new Dictionary<string, string> { ["ToStageId"] = forward }, action: action);
        Assert.True(moved.StatusCode == HttpStatusCode.Redirect, string.Join(" / ", (await moved.ParseAsync()).QuerySelectorAll(".field-validation-error, .alert").Select(e => e.TextContent.Trim())));
        Assert.Equal(_posting.Stage("Recruiter screen").Id, (await App.FindAsync<JobApplication>(applicationId))!.StageId);

        // The same (now stale) form again, aimed at another stage: refused, nothing overwritten, the board says where it is.
        var stale = await client.SubmitAsync(form, BoardUrl, new Dictionary<string, string> { ["ToStageId"] = _posting.Stage("Coding exercise").Id.ToString() }, action: action);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(_posting.Stage("Recruiter screen").Id, (await App.FindAsync<JobApplication>(applicationId))!.StageId);
        var after = await client.GetPageAsync(stale.Headers.Location!.ToString());
        Assert.Contains("it is now in Recruiter screen", after.Document.QuerySelector(".alert-warning")!.TextContent);
    }

    [Fact]
    public async Task Should_show_the_field_error_when_a_skills_gap_names_no_competency()
    {
        var (_, applicationId) = await App.CreateApplicantAsync(_posting, "Rejected Person");
        var client = App.CreateClientAs(_recruiter);
        var response = await client.SubmitFormAsync($"/applications/{applicationId}/reject", "form[action$='/reject']",
            new Dictionary<string, string> { ["Reason"] = nameof(RejectionReason.SkillsGap) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Name the competency that is missing.", page.FieldError("CompetencyId"));
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#reason-SkillsGap")!).IsChecked);

        var competency = await App.QueryAsync(db => db.RubricItems.Where(r => r.PostingId == _posting.Id).Select(r => r.CompetencyId).FirstAsync());
        var ok = await client.SubmitFormAsync($"/applications/{applicationId}/reject?returnUrl={Uri.EscapeDataString(BoardUrl)}", "form[action$='/reject']",
            new Dictionary<string, string> { ["Reason"] = nameof(RejectionReason.SkillsGap), ["CompetencyId"] = competency.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(BoardUrl, ok.Headers.Location!.ToString());
        Assert.Equal(ApplicationStatus.Rejected, (await App.FindAsync<JobApplication>(applicationId))!.Status);
    }

    [Fact]
    public async Task Should_move_ticked_cards_with_the_bulk_form_and_re_render_the_board_on_a_missing_reason()
    {
        var (_, a) = await App.CreateApplicantAsync(_posting, "Bulk One");
        var (_, b) = await App.CreateApplicantAsync(_posting, "Bulk Two");
        var client = App.CreateClientAs(_recruiter);
        var (_, board) = await client.GetPageAsync(BoardUrl);
        var selections = board.QuerySelectorAll("input[name=Selected]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(2, selections.Count);
        var token = board.QuerySelector("#bulk input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var rejectWithoutReason = await client.PostAsync($"{BoardUrl}/reject", new FormUrlEncodedContent(
            selections.Select(s => new KeyValuePair<string, string>("Selected", s)).Append(new("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejectWithoutReason.StatusCode);
        Assert.Equal("Choose a reason.", (await rejectWithoutReason.ParseAsync()).FieldError("Reason"));

        var moved = await client.PostAsync($"{BoardUrl}/move", new FormUrlEncodedContent(
            selections.Select(s => new KeyValuePair<string, string>("Selected", s))
                .Append(new("ToStageId", _posting.Stage("Recruiter screen").Id.ToString())).Append(new("__RequestVerificationToken", token))));
        Assert.True(moved.StatusCode == HttpStatusCode.Redirect, string.Join(" / ", (await moved.ParseAsync()).QuerySelectorAll(".field-validation-error, .alert").Select(e => e.TextContent.Trim())));
        Assert.Equal(2, await App.QueryAsync(db => db.Applications.CountAsync(x => x.StageId == _posting.Stage("Recruiter screen").Id)));
        _ = (a, b);
    }

    [Fact]
    public async Task Should_add_a_candidate_by_hand_with_a_pdf_resume_and_show_field_errors_otherwise()
    {
        var client = App.CreateClientAs(_recruiter);
        var invalid = await client.SubmitFormAsync("/candidates/new", "form[enctype='multipart/form-data']",
            new Dictionary<string, string> { ["PostingId"] = _posting.Id.ToString(), ["FullName"] = "", ["Email"] = "not-an-email", ["Source"] = "Agency" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var page = await invalid.ParseAsync();
        Assert.Equal("Enter the candidate's name.", page.FieldError("FullName"));
        Assert.Equal("Enter a valid email address.", page.FieldError("Email"));
        Assert.Equal("Which agency?", page.FieldError("SourceDetail"));

        var created = await client.SubmitFormAsync("/candidates/new", "form[enctype='multipart/form-data']",
            new Dictionary<string, string>
            {
                ["PostingId"] = _posting.Id.ToString(), ["FullName"] = "Hand Added", ["Email"] = "hand@example.com", ["Source"] = "Sourced",
                ["Tags"] = "rust, kafka",
            },
            new Dictionary<string, (string, string, byte[])> { ["resume"] = ("hand.pdf", "application/pdf", "%PDF-1.7\n%test\n"u8.ToArray()) });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var profile = await client.GetPageAsync(created.Headers.Location!.ToString());
        Assert.Contains("hand.pdf", profile.Document.QuerySelector("#resume")!.TextContent);
        Assert.Contains("rust", profile.Document.QuerySelector("#tags")!.TextContent);
    }
}
