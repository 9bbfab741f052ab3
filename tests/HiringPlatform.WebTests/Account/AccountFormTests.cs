using System.Net;
using AngleSharp.Html.Dom;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Account;
using HiringPlatform.Application.Features.Admin;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using static HiringPlatform.WebTests.Account.WebAccountHelpers;

namespace HiringPlatform.WebTests.Account;

public sealed class AccountFormTests(WebFixture fixture) : WebTest(fixture)
{
    private const string SignInForm = "form[action='/account/sign-in']";

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/account/sign-in", SignInForm, Fields(("Email", email), ("Password", password)));

    private static async Task<string?> SignInErrorAsync(HttpResponseMessage response) =>
        (await response.ParseAsync()).QuerySelector(".alert-danger")?.TextContent.Trim();

    [Fact]
    public async Task Should_lock_the_account_after_five_failed_sign_ins_even_for_the_right_password()
    {
        var person = await App.CreateUserAsync("Guessed At", Roles.Recruiter);
        var client = App.CreateClientAs(null);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await SignInAsync(client, person.Email, $"wrong-password-{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var sixth = await SignInAsync(client, person.Email, person.Password);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("Too many failed attempts: this account is locked for 15 minutes", await SignInErrorAsync(sixth));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_to_sign_in_a_deactivated_person()
    {
        var admin = await App.CreateUserAsync("Access Admin", Roles.Admin);
        var leaver = await App.CreateUserAsync("Leaver", Roles.Interviewer);
        await App.SendAsync(new DeactivateUser.Command { Id = leaver.Id }, admin);
        var client = App.CreateClientAs(null);

        var response = await SignInAsync(client, leaver.Email, leaver.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account has been deactivated", await SignInErrorAsync(response));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        // A wrong password does not reveal that the account exists.
        var guess = await SignInAsync(client, leaver.Email, "not-the-password");
        Assert.Equal("That email and password do not match an account.", await SignInErrorAsync(guess));
    }

    [Fact]
    public async Task Should_answer_forgot_password_the_same_way_whether_or_not_the_account_exists()
    {
        var person = await App.CreateUserAsync("Forgetful", Roles.Recruiter);
        var client = App.CreateClientAs(null);

        var known = await client.SubmitFormAsync("/account/forgot-password", "form", Fields(("Email", person.Email)));
        var unknown = await client.SubmitFormAsync("/account/forgot-password", "form", Fields(("Email", "nobody@example.com")));

        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        var (_, sent) = await client.GetPageAsync(known.Headers.Location!.ToString());
        Assert.Contains("If that address belongs to an account", sent.QuerySelector("main")!.TextContent);
        Assert.Equal(1, await App.WithDbAsync(db => db.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task Should_show_a_field_error_for_a_malformed_address_on_forgot_password()
    {
        var response = await App.CreateClientAs(null).SubmitFormAsync("/account/forgot-password", "form", Fields(("Email", "not-an-address")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Enter a valid email address.", page.FieldError("Email"));
        Assert.Equal("not-an-address", ((IHtmlInputElement)page.QuerySelector("#Email")!).Value);
    }

    [Fact]
    public async Task Should_reset_the_password_from_the_emailed_link_and_sign_in_with_it()
    {
        var person = await App.CreateUserAsync("Forgetful", Roles.Recruiter);
        var client = App.CreateClientAs(null);
        await client.SubmitFormAsync("/account/forgot-password", "form", Fields(("Email", person.Email)));
        var link = await App.LatestPasswordLinkAsync(person.Email);

        var weak = await client.SubmitFormAsync(link, "form[action='/account/reset-password']", Fields(("Password", "short"), ("ConfirmPassword", "short")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Contains("at least 10 characters", (await weak.ParseAsync()).FieldError("Password"));

        var reset = await client.SubmitFormAsync(link, "form[action='/account/reset-password']", Fields(("Password", "Reset-Passw0rd!"), ("ConfirmPassword", "Reset-Passw0rd!")));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var (_, signInPage) = await client.GetPageAsync(reset.Headers.Location!.ToString());
        Assert.Equal(person.Email, ((IHtmlInputElement)signInPage.QuerySelector("#Email")!).Value);

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, person.Email, "Reset-Passw0rd!")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // The link worked once.
        var (_, used) = await client.GetPageAsync(link);
        Assert.Contains("not valid any more", used.QuerySelector(".alert-warning")!.TextContent);
        Assert.Null(used.QuerySelector("form[action='/account/reset-password']"));
    }

    [Fact]
    public async Task Should_explain_a_broken_link_instead_of_showing_the_form()
    {
        var person = await App.CreateUserAsync("Forgetful", Roles.Recruiter);

        var (response, page) = await App.CreateClientAs(null).GetPageAsync($"/account/reset-password?user={person.Id}&token=not-a-token");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not valid any more", page.QuerySelector(".alert-warning")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/account/forgot-password']"));
    }

    [Fact]
    public async Task Should_keep_the_typed_time_zone_and_explain_when_the_profile_is_invalid()
    {
        var person = await App.CreateUserAsync("Profile Person", Roles.Interviewer);
        var client = App.CreateClientAs(person);

        var response = await client.SubmitFormAsync("/account/profile", "form[action='/account/profile']", Fields(("DisplayName", "New Name"), ("TimeZoneId", "Berlin")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Choose a time zone from the list", page.FieldError("TimeZoneId"));
        Assert.Equal("Berlin", ((IHtmlInputElement)page.QuerySelector("#TimeZoneId")!).Value);
        Assert.NotNull(page.QuerySelector("datalist#time-zones option[value='Europe/Berlin']"));
        Assert.NotNull(page.QuerySelector("#two-factor"));
    }

    [Fact]
    public async Task Should_send_staff_without_two_step_verification_to_set_it_up_when_it_is_required()
    {
        var admin = await App.CreateUserAsync("Policy Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Not Yet Enrolled", Roles.Recruiter);
        var settings = await App.SendAsync(new UpdateSettings.Query(), admin);
        await App.SendAsync(settings with { RequireTwoFactor = true }, admin);
        try
        {
            var client = App.CreateClientAs(person);

            var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/account/two-factor/setup", home.Headers.Location!.ToString());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/profile")).StatusCode);
            var (setup, page) = await client.GetPageAsync("/account/two-factor/setup");
            Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
            Assert.Matches("^([a-z2-7]{4} ?)+$", page.QuerySelector("#shared-key")!.TextContent);
            Assert.StartsWith("data:image/png;base64,", page.QuerySelector("img.qr-code")!.GetAttribute("src"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await App.SendAsync(settings with { RequireTwoFactor = false }, admin);
        }
    }

    [Fact]
    public async Task Should_turn_on_two_step_verification_and_then_ask_for_a_code_at_sign_in()
    {
        var person = await App.CreateUserAsync("Enrolling Person", Roles.Recruiter);
        var client = App.CreateClientAs(null);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, person.Email, person.Password)).StatusCode);

        var (_, setup) = await client.GetPageAsync("/account/two-factor/setup");
        var key = setup.QuerySelector("#shared-key")!.TextContent;
        var wrong = await client.SubmitFormAsync("/account/two-factor/setup", "form[action='/account/two-factor/setup']", Fields(("Code", "000 000")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("not valid", (await wrong.ParseAsync()).FieldError("Code"));
        var enabled = await client.SubmitFormAsync("/account/two-factor/setup", "form[action='/account/two-factor/setup']", Fields(("Code", TotpCode(key))));
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        var (_, codesPage) = await client.GetPageAsync(enabled.Headers.Location!.ToString());
        var codes = codesPage.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(EnableTwoFactor.RecoveryCodeCount, codes.Count);
        // Shown once only.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/two-factor/recovery-codes")).StatusCode);

        await client.SubmitFormAsync("/", "form[action='/account/sign-out']");
        var password = await SignInAsync(client, person.Email, person.Password);
        Assert.StartsWith("/account/two-factor", password.Headers.Location!.ToString());
        var signedIn = await client.SubmitFormAsync(password.Headers.Location.ToString(), "form[action='/account/two-factor']", Fields(("Code", TotpCode(key))));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await client.SubmitFormAsync("/", "form[action='/account/sign-out']");
        var again = await SignInAsync(client, person.Email, person.Password);
        var recovery = await client.SubmitFormAsync("/account/recovery-code", "form[action='/account/recovery-code']", Fields(("Code", codes[0])));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(EnableTwoFactor.RecoveryCodeCount - 1, await App.SendAsync(new GetAccountSecurity.Query(), person).ContinueWith(t => t.Result.RecoveryCodesLeft));
    }

    [Fact]
    public async Task Should_not_redirect_someone_enrolled_when_two_step_verification_is_required()
    {
        var admin = await App.CreateUserAsync("Policy Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Enrolled Person", Roles.Recruiter);
        await App.SendAsync(new PrepareAuthenticator.Command(), person);
        var key = (await App.SendAsync(new GetAuthenticatorKey.Query(), person))!.SharedKey;
        await App.SendAsync(new EnableTwoFactor.Command { Code = TotpCode(key) }, person);
        var settings = await App.SendAsync(new UpdateSettings.Query(), admin);
        await App.SendAsync(settings with { RequireTwoFactor = true }, admin);
        try
        {
            var client = App.CreateClientAs(null);
            var password = await SignInAsync(client, person.Email, person.Password);
            await client.SubmitFormAsync(password.Headers.Location!.ToString(), "form[action='/account/two-factor']", Fields(("Code", TotpCode(key))));

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        finally
        {
            await App.SendAsync(settings with { RequireTwoFactor = false }, admin);
        }
    }
}
