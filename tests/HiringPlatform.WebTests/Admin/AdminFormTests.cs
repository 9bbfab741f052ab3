using System.Net;
using AngleSharp.Html.Dom;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using static HiringPlatform.WebTests.Account.WebAccountHelpers;

namespace HiringPlatform.WebTests.Admin;

public sealed class AdminFormTests(WebFixture fixture) : WebTest(fixture)
{
    private static string? Value(IHtmlDocument page, string id) => (page.QuerySelector($"#{id}") as IHtmlInputElement)?.Value;

    [Fact]
    public async Task Should_add_a_user_with_an_invite_and_show_their_page()
    {
        var admin = await App.CreateUserAsync("Form Admin", Roles.Admin);
        var client = App.CreateClientAs(admin);

        var response = await client.SubmitFormAsync("/admin/users/new", "#create-user", Fields(
            ("DisplayName", "Grace Hopper"), ("Email", "grace@example.com"), ("TimeZoneId", "America/New_York"), ("Roles", Roles.Interviewer)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "grace@example.com").Select(u => u.Id).SingleAsync());
        Assert.Equal($"/admin/users/{id}", response.Headers.Location!.ToString());
        var (_, page) = await client.GetPageAsync(response.Headers.Location.ToString());
        Assert.Contains("An invite is on its way to grace@example.com", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("Grace Hopper", Value(page, "DisplayName"));
        Assert.True(((IHtmlInputElement)page.QuerySelector("#role-Interviewer")!).IsChecked);
        Assert.Contains("Invited", page.QuerySelector(".badge")!.TextContent);
        Assert.Contains("/account/set-password?user=", await App.LatestPasswordLinkAsync("grace@example.com"));
    }

    [Fact]
    public async Task Should_show_field_errors_and_keep_what_was_typed_when_adding_a_user_fails()
    {
        var admin = await App.CreateUserAsync("Form Admin", Roles.Admin);
        var client = App.CreateClientAs(admin);

        var response = await client.SubmitFormAsync("/admin/users/new", "#create-user", Fields(
            ("DisplayName", ""), ("Email", "grace-at-example"), ("TimeZoneId", "Atlantis/Capital"), ("Roles", Roles.Recruiter),
            ("SendInvite", "false"), ("Password", "weak"), ("ConfirmPassword", "weak")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Enter the person's name.", page.FieldError("DisplayName"));
        Assert.Equal("Enter a valid email address.", page.FieldError("Email"));
        Assert.NotNull(page.FieldError("TimeZoneId"));
        Assert.Contains("at least 12 characters", page.FieldError("Password"));
        Assert.Equal("grace-at-example", Value(page, "Email"));
        Assert.Equal("Atlantis/Capital", Value(page, "TimeZoneId"));
        Assert.True(((IHtmlInputElement)page.QuerySelector("#role-Recruiter")!).IsChecked);
        Assert.True(((IHtmlInputElement)page.QuerySelector("#set-password")!).IsChecked);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "grace-at-example")));
    }

    [Fact]
    public async Task Should_say_which_field_is_wrong_when_no_role_is_chosen()
    {
        var admin = await App.CreateUserAsync("Form Admin", Roles.Admin);

        var response = await App.CreateClientAs(admin).SubmitFormAsync("/admin/users/new", "#create-user", Fields(
            ("DisplayName", "No Roles"), ("Email", "noroles@example.com"), ("TimeZoneId", "UTC")));

        var page = await response.ParseAsync();
        Assert.Equal("Choose at least one role.", page.FieldError("Roles"));
        Assert.Equal("No Roles", Value(page, "DisplayName"));
    }

    [Fact]
    public async Task Should_refuse_to_remove_the_admins_own_admin_role_with_a_message_by_the_roles()
    {
        var admin = await App.CreateUserAsync("Form Admin", Roles.Admin);

        var response = await App.CreateClientAs(admin).SubmitFormAsync($"/admin/users/{admin.Id}", "#edit-user", Fields(("Roles", Roles.Recruiter), ("DisplayName", "Renamed Admin")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("cannot remove your own Admin role", page.FieldError("Roles"));
        Assert.Equal("Renamed Admin", Value(page, "DisplayName"));
        Assert.Equal("Form Admin", (await App.FindAsync<AppUser>(admin.Id))!.DisplayName);
    }

    [Fact]
    public async Task Should_show_field_errors_and_keep_what_was_typed_when_editing_a_user_fails()
    {
        var admin = await App.CreateUserAsync("Form Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Edited Person", Roles.Interviewer);

        var response = await App.CreateClientAs(admin).SubmitFormAsync($"/admin/users/{person.Id}", "#edit-user",
            Fields(("DisplayName", ""), ("Email", admin.Email), ("TimeZoneId", "Europe/Lisbon")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Enter the person's name.", page.FieldError("DisplayName"));
        Assert.Equal("There is already an account with this email address.", page.FieldError("Email"));
        Assert.Equal("Europe/Lisbon", Value(page, "TimeZoneId"));
        Assert.NotNull(page.QuerySelector($"form[action='/admin/users/{person.Id}/deactivate']"));
    }

    [Fact]
    public async Task Should_show_the_current_version_when_someone_else_saved_first()
    {
        var admin = await App.CreateUserAsync("Form Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Edited Twice", Roles.Interviewer);
        var client = App.CreateClientAs(admin);
        var (_, stale) = await client.GetPageAsync($"/admin/users/{person.Id}");
        await client.SubmitFormAsync($"/admin/users/{person.Id}", "#edit-user", Fields(("DisplayName", "First Save")));

        var response = await client.SubmitAsync((IHtmlFormElement)stale.QuerySelector("#edit-user")!, $"/admin/users/{person.Id}", Fields(("DisplayName", "Second Save")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Someone else changed this account", page.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal("First Save", Value(page, "DisplayName"));
    }

    [Fact]
    public async Task Should_deactivate_a_user_and_list_their_open_work()
    {
        var admin = await App.CreateUserAsync("Form Admin", Roles.Admin);
        var recruiter = await App.CreateUserAsync("Form Recruiter", Roles.Recruiter);
        var leaver = await App.CreateUserAsync("Leaving Interviewer", Roles.Interviewer, Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, leaver, [leaver]);
        var (_, application) = await App.CreateApplicantAsync(posting, "Katherine Johnson");
        var interview = await App.CreateInterviewAsync(application, [leaver]);
        var client = App.CreateClientAs(admin);

        var response = await client.SubmitFormAsync($"/admin/users/{leaver.Id}", $"form[action='/admin/users/{leaver.Id}/deactivate']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await client.GetPageAsync($"/admin/users/{leaver.Id}");
        Assert.Contains("Deactivated", page.QuerySelector(".badge")!.TextContent);
        var openWork = page.QuerySelector("#open-work")!;
        Assert.NotNull(openWork.QuerySelector($"a[href='/interviews/{interview}']"));
        Assert.Contains("Katherine Johnson", openWork.TextContent);
        Assert.NotNull(openWork.QuerySelector($"a[href='/postings/{posting.Id}/edit']"));
        Assert.NotNull(page.QuerySelector($"form[action='/admin/users/{leaver.Id}/reactivate']"));
    }

    [Fact]
    public async Task Should_explain_why_an_admin_cannot_deactivate_themselves()
    {
        var admin = await App.CreateUserAsync("Form Admin", Roles.Admin);
        var client = App.CreateClientAs(admin);
        var (_, page) = await client.GetPageAsync($"/admin/users/{admin.Id}");
        Assert.Null(page.QuerySelector($"form[action='/admin/users/{admin.Id}/deactivate']"));
        var form = (IHtmlFormElement)page.QuerySelector("#edit-user")!;
        form.Action = $"/admin/users/{admin.Id}/deactivate";

        var response = await client.SubmitAsync(form, $"/admin/users/{admin.Id}");

        // A refusal is a 422 like every other form's (it answered 200 before the forms shared one helper, ADR-0026).
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await response.ParseAsync();
        Assert.Contains("You cannot deactivate your own account", result.QuerySelector(".alert-danger")!.TextContent);
        Assert.True((await App.FindAsync<AppUser>(admin.Id))!.IsActive);
    }

    [Fact]
    public async Task Should_save_settings_and_keep_typed_values_when_they_are_out_of_range()
    {
        var admin = await App.CreateUserAsync("Form Admin", Roles.Admin);
        var client = App.CreateClientAs(admin);

        var outOfRange = await client.SubmitFormAsync("/admin/settings", "#settings", Fields(("RetentionMonths", "0"), ("ApplyRateLimitPerHour", "12")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outOfRange.StatusCode);
        var page = await outOfRange.ParseAsync();
        Assert.Contains("between 1 and 120", page.FieldError("RetentionMonths"));
        Assert.Equal("0", Value(page, "RetentionMonths"));

        var notANumber = await (await client.SubmitFormAsync("/admin/settings", "#settings", Fields(("ApplyRateLimitPerHour", "lots")))).ParseAsync();
        Assert.NotNull(notANumber.FieldError("ApplyRateLimitPerHour"));
        Assert.Equal("lots", Value(notANumber, "ApplyRateLimitPerHour"));

        var good = await client.SubmitFormAsync("/admin/settings", "#settings", Fields(("RetentionMonths", "18"), ("ApplyRateLimitPerHour", "12")));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var (_, saved) = await client.GetPageAsync("/admin/settings");
        Assert.Equal("18", Value(saved, "RetentionMonths"));
        Assert.Equal("12", Value(saved, "ApplyRateLimitPerHour"));
    }

    [Fact]
    public async Task Should_list_audit_entries_with_local_times_and_filter_them()
    {
        var admin = await App.CreateUserAsync("Form Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Audited", Roles.Interviewer);
        var client = App.CreateClientAs(admin);
        await client.SubmitFormAsync($"/admin/users/{person.Id}", $"form[action='/admin/users/{person.Id}/deactivate']");

        var (response, page) = await client.GetPageAsync($"/admin/audit?entityType=AppUser&entityId={person.Id}&command=Deactivate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("DeactivateUser.Command", row.TextContent);
        Assert.Contains("IsActive", row.TextContent);
        Assert.EndsWith("UTC", row.QuerySelector("time")!.TextContent);
        Assert.Equal("AppUser", ((IHtmlSelectElement)page.QuerySelector("#entityType")!).Value);

        var (badRange, _) = await client.GetPageAsync("/admin/audit?from=2026-05-02&to=2026-05-01");
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
    }

    [Fact]
    public async Task Should_list_outbox_emails_and_show_one_with_its_text()
    {
        var admin = await App.CreateUserAsync("Form Admin", Roles.Admin);
        var email = await App.WithDbAsync(async db =>
        {
            var queued = new OutboxEmail("ada@example.com", "Ada Lovelace", "Interview on Tuesday", "Dear Ada,\n\nSee you on Tuesday.", null, App.Clock.GetUtcNow());
            db.OutboxEmails.Add(queued);
            await db.SaveChangesAsync();
            return queued.Id;
        });
        var client = App.CreateClientAs(admin);

        var (_, list) = await client.GetPageAsync("/admin/outbox?status=Pending");
        var (_, detail) = await client.GetPageAsync($"/admin/outbox/{email}");

        Assert.NotNull(list.QuerySelector($"a[href='/admin/outbox/{email}']"));
        Assert.Contains("not configured", list.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("Dear Ada,\n\nSee you on Tuesday.", detail.QuerySelector("pre.email-body")!.TextContent);
        Assert.Contains("Ada Lovelace", detail.QuerySelector(".card-header")!.TextContent);
    }
    [Fact]
    public async Task Should_never_show_a_password_reset_link_on_the_outbox_page_and_audit_the_view()
    {
        var admin = await App.CreateUserAsync("Form Admin", Roles.Admin);
        var victim = await App.CreateUserAsync("Other Admin", Roles.Admin);
        await App.SendAsync(new HiringPlatform.Application.Features.Account.RequestPasswordReset.Command { Email = victim.Email }, null);
        var email = await App.WithDbAsync(db => db.OutboxEmails.Where(e => e.To == victim.Email).Select(e => e.Id).SingleAsync());
        var client = App.CreateClientAs(admin);

        var (response, detail) = await client.GetPageAsync($"/admin/outbox/{email}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("reset-password", detail.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", detail.Body.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("not shown", detail.QuerySelector("pre.email-body")!.TextContent, StringComparison.Ordinal);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(OutboxEmail) && a.EntityId == email.ToString()
            && a.Action == "Viewed" && a.UserId == admin.Id)));
    }
}
