using System.Net;
using AngleSharp.Html.Dom;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Account;
using HiringPlatform.Application.Features.Admin;
using HiringPlatform.Testing;
using HiringPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HiringPlatform.WebTests.Account.WebAccountHelpers;

namespace HiringPlatform.WebTests.Account;

public sealed class AccountFormTests(WebFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : WebTest(fixture)
{
    private const string SignInForm = "form[action='/account/sign-in']";

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/account/sign-in", SignInForm, Fields(("Email", email), ("Password", password)));

    private static async Task<string?> SignInErrorAsync(HttpResponseMessage response) =>
        (await response.ParseAsync()).QuerySelector(".alert-danger")?.TextContent.Trim();

    private Task<bool> HasPasswordAsync(TestUser person, string password) => App.WithDbAsync(async _ =>
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.CheckPasswordAsync((await users.FindByIdAsync(person.Id.ToString()))!, password);
    });

    [Fact]
    public async Task Should_not_lock_the_account_so_nobody_can_lock_a_colleague_out()
    {
        var person = await App.CreateUserAsync("Guessed At", Roles.Recruiter);
        var attacker = App.CreateClientAs(null);
        for (var attempt = 1; attempt <= 8; attempt++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(attacker, person.Email, $"wrong-password-{attempt}")).StatusCode);

        var owner = App.CreateClientAs(null);
        var signedIn = await SignInAsync(owner, person.Email, person.Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Should_throttle_guesses_at_one_account_with_a_429_that_says_when_to_retry()
    {
        var person = await App.CreateUserAsync("Guessed At", Roles.Recruiter);
        var limits = App.Services.GetRequiredService<ThrottlingOptions>();
        var attacker = App.CreateClientAs(null);
        var (_, page) = await attacker.GetPageAsync("/account/sign-in");
        var form = (IHtmlFormElement)page.QuerySelector(SignInForm)!;
        for (var attempt = 1; attempt <= limits.PerAccountAndAddress; attempt++)
            Assert.Equal(HttpStatusCode.OK, (await attacker.SubmitAsync(form, "/account/sign-in", Fields(("Email", person.Email), ("Password", $"guess-{attempt}")))).StatusCode);

        // The same address in other letter cases and with spaces is the same account.
        var throttled = await attacker.SubmitAsync(form, "/account/sign-in", Fields(("Email", " " + person.Email.ToUpperInvariant()), ("Password", person.Password)));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After: " + throttled.Headers.RetryAfter);
        Assert.Contains("Try again in", (await throttled.ParseAsync()).QuerySelector("main")!.TextContent);
        // Someone else, elsewhere, is not affected; the owner at their own machine signs in.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(App.CreateClientAs(null), person.Email, person.Password)).StatusCode);
    }

    [Fact]
    public async Task Should_throttle_one_address_guessing_across_many_accounts()
    {
        var limits = App.Services.GetRequiredService<ThrottlingOptions>();
        var client = App.CreateClientAs(null);
        var (_, page) = await client.GetPageAsync("/account/sign-in");
        var form = (IHtmlFormElement)page.QuerySelector(SignInForm)!;
        for (var n = 1; n <= limits.PerAddress; n++)
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(form, "/account/sign-in", Fields(("Email", $"sprayed.{n}@example.com"), ("Password", "Summer2026!!!")))).StatusCode);

        var throttled = await client.SubmitAsync(form, "/account/sign-in", Fields(("Email", "one.more@example.com"), ("Password", "Summer2026!!!")));
        var forgot = await client.SubmitFormAsync("/account/forgot-password", "form", Fields(("Email", "one.more@example.com")));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, forgot.StatusCode);
        Assert.NotNull(forgot.Headers.RetryAfter);
    }

    [Fact]
    public async Task Should_throttle_forgot_password_per_account()
    {
        var person = await App.CreateUserAsync("Forgetful", Roles.Recruiter);
        var limits = App.Services.GetRequiredService<ThrottlingOptions>();
        var client = App.CreateClientAs(null);
        for (var n = 1; n <= limits.PerAccountAndAddress; n++)
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/account/forgot-password", "form", Fields(("Email", person.Email)))).StatusCode);

        var throttled = await client.SubmitFormAsync("/account/forgot-password", "form", Fields(("Email", person.Email)));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(limits.PerAccountAndAddress, await App.WithDbAsync(db => db.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task Should_count_wrong_current_passwords_on_change_password()
    {
        var person = await App.CreateUserAsync("Hijacked Session", Roles.Recruiter);
        var limits = App.Services.GetRequiredService<ThrottlingOptions>();
        var client = App.CreateClientAs(null);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, person.Email, person.Password)).StatusCode);
        const string next = "orange kettle under the bridge";
        for (var n = 1; n <= limits.PerAccountAndAddress; n++)
        {
            var wrong = await client.SubmitFormAsync("/account/password", "form[action='/account/password']",
                Fields(("CurrentPassword", $"guess-{n}"), ("NewPassword", next), ("ConfirmPassword", next)));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        }

        var throttled = await client.SubmitFormAsync("/account/password", "form[action='/account/password']",
            Fields(("CurrentPassword", person.Password), ("NewPassword", next), ("ConfirmPassword", next)));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(await HasPasswordAsync(person, person.Password));
    }

    [Fact]
    public async Task Should_give_locked_unknown_and_deactivated_accounts_the_same_answer()
    {
        var admin = await App.CreateUserAsync("Access Admin", Roles.Admin);
        var locked = await App.CreateUserAsync("Locked Earlier", Roles.Recruiter);
        var leaver = await App.CreateUserAsync("Leaver", Roles.Interviewer);
        await App.SendAsync(new DeactivateUser.Command { Id = leaver.Id }, admin);
        // A lockout left from before (Identity's lockout is off now) must not reveal the account either.
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == locked.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnabled, true).SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1))));
        var client = App.CreateClientAs(null);

        var answers = new List<string?>();
        foreach (var email in new[] { locked.Email, leaver.Email, "nobody.at.all@test.hiringplatform.dev" })
            answers.Add(await SignInErrorAsync(await SignInAsync(client, email, "not-the-password")));

        Assert.All(answers, a => Assert.Equal("That email and password do not match an account.", a));
    }

    [Fact]
    public async Task Should_take_about_as_long_for_an_unknown_address_as_for_a_known_one()
    {
        var person = await App.CreateUserAsync("Timed Person", Roles.Recruiter);
        var (_, page) = await App.CreateClientAs(null).GetPageAsync("/account/sign-in");

        async Task<double> MedianAsync(string email)
        {
            var times = new List<double>();
            for (var n = 0; n < 7; n++)
            {
                // A client (and address) per try keeps the throttle out of the measurement.
                var client = App.CreateClientAs(null);
                var (_, fresh) = await client.GetPageAsync("/account/sign-in");
                var form = (IHtmlFormElement)fresh.QuerySelector(SignInForm)!;
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await client.SubmitAsync(form, "/account/sign-in", Fields(("Email", email), ("Password", "not-the-password")));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return times[times.Count / 2];
        }

        await MedianAsync("warm.up@example.com");
        var known = await MedianAsync(person.Email);
        var unknown = await MedianAsync("nobody.at.all@test.hiringplatform.dev");

        output.WriteLine($"sign-in with a wrong password, median of 7: unknown address {unknown:F1} ms, known account {known:F1} ms");
        // Before the dummy hash an unknown address answered in a few milliseconds against ~100 ms for a known one.
        Assert.True(unknown > known * 0.5, $"unknown {unknown:F1} ms, known {known:F1} ms");

        // For the record (docs/security.md): what the per-request stamp check adds to a cookie-authenticated page.
        var cookieClient = App.CreateClientAs(null);
        await SignInAsync(cookieClient, person.Email, person.Password);
        var headerClient = App.CreateClientAs(person);
        async Task<double> PageMedianAsync(HttpClient client)
        {
            var times = new List<double>();
            for (var n = 0; n < 31; n++)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                (await client.GetAsync("/account/profile")).EnsureSuccessStatusCode();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return times[times.Count / 2];
        }
        await PageMedianAsync(cookieClient);
        output.WriteLine($"GET /account/profile, median of 31: cookie (stamp checked) {await PageMedianAsync(cookieClient):F2} ms, test header (no cookie) {await PageMedianAsync(headerClient):F2} ms");
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
        Assert.Contains("at least 12 characters", (await weak.ParseAsync()).FieldError("Password"));

        var reset = await client.SubmitFormAsync(link, "form[action='/account/reset-password']", Fields(("Password", "copper-tulip-window-88"), ("ConfirmPassword", "copper-tulip-window-88")));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var (_, signInPage) = await client.GetPageAsync(reset.Headers.Location!.ToString());
        Assert.Equal(person.Email, ((IHtmlInputElement)signInPage.QuerySelector("#Email")!).Value);

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, person.Email, "copper-tulip-window-88")).StatusCode);
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
        // Each code is taken once and reused: computed again later (on a busy machine, in the next 30-second step) it
        // would be a different, unused code, and a replay would not be one.
        var enablingCode = TotpCode(key);
        var nextCode = TotpCode(key, 30);
        var enabled = await client.SubmitFormAsync("/account/two-factor/setup", "form[action='/account/two-factor/setup']", Fields(("Code", enablingCode)));
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        var (_, codesPage) = await client.GetPageAsync(enabled.Headers.Location!.ToString());
        var codes = codesPage.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(EnableTwoFactor.RecoveryCodeCount, codes.Count);
        // Shown once only.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/two-factor/recovery-codes")).StatusCode);

        await client.SubmitFormAsync("/", "form[action='/account/sign-out']");
        var password = await SignInAsync(client, person.Email, person.Password);
        Assert.StartsWith("/account/two-factor", password.Headers.Location!.ToString());
        // The code that turned it on was used already: the next one (30 s later) signs in, once.
        var replayed = await client.SubmitFormAsync(password.Headers.Location.ToString(), "form[action='/account/two-factor']", Fields(("Code", enablingCode)));
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("used already", (await replayed.ParseAsync()).FieldError("Code"));
        var signedIn = await client.SubmitFormAsync(password.Headers.Location.ToString(), "form[action='/account/two-factor']", Fields(("Code", nextCode)));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await client.SubmitFormAsync("/", "form[action='/account/sign-out']");
        var secondPassword = await SignInAsync(client, person.Email, person.Password);
        var sameCodeAgain = await client.SubmitFormAsync(secondPassword.Headers.Location!.ToString(), "form[action='/account/two-factor']", Fields(("Code", nextCode)));
        Assert.Equal(HttpStatusCode.OK, sameCodeAgain.StatusCode);

        // Still between the password and the second step: a recovery code finishes the sign-in.
        var again = secondPassword;
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
            await client.SubmitFormAsync(password.Headers.Location!.ToString(), "form[action='/account/two-factor']", Fields(("Code", TotpCode(key, 30))));

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        finally
        {
            await App.SendAsync(settings with { RequireTwoFactor = false }, admin);
        }
    }

    [Fact]
    public async Task Should_refuse_a_copied_cookie_after_sign_out()
    {
        var person = await App.CreateUserAsync("Careful Person", Roles.Recruiter);
        var client = App.CreateClientAs(null);
        var signedIn = await SignInAsync(client, person.Email, person.Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hp.auth=", StringComparison.Ordinal)).Split(';')[0];
        var thief = App.CreateClientAs(null);
        thief.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/")).StatusCode);

        await client.SubmitFormAsync("/", "form[action='/account/sign-out']");
        var replayed = await thief.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/sign-in", replayed.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Should_end_a_session_twelve_hours_after_sign_in_however_busy()
    {
        var person = await App.CreateUserAsync("Busy Person", Roles.Recruiter);
        var client = App.CreateClientAs(null);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, person.Email, person.Password)).StatusCode);

        // Sliding expiry renews a busy session; the absolute limit still ends it.
        App.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        App.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        App.Clock.Advance(TimeSpan.FromHours(1.5));
        var expired = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/account/sign-in", expired.Headers.Location!.PathAndQuery);
    }
}
