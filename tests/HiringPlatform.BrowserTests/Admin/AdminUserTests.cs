using System.Text.RegularExpressions;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiringPlatform.BrowserTests.Admin;

public sealed partial class AdminUserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [GeneratedRegex(@"https?://\S+?(?<path>/account/set-password\?\S+)")]
    private static partial Regex InviteLink();

    [Fact]
    public async Task Should_invite_a_colleague_who_chooses_a_password_and_lands_on_their_home_page()
    {
        var admin = await App.CreateUserAsync("Browser Admin", Roles.Admin);
        var page = await App.SignInAsync(admin);

        await page.GotoAsync("/admin/users/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Margaret Hamilton");
        await page.GetByLabel("Work email").FillAsync("margaret@example.com");
        await page.GetByLabel("Time zone").FillAsync("Europe/Berlin");
        await page.Locator("#role-Interviewer").CheckAsync();
        await Assertions.Expect(page.Locator("#first-password")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-create-user");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("An invite is on its way to margaret@example.com");
        await BrowserFixture.ScreenshotAsync(page, "admin-user-invited");

        // The invite sits in the outbox; the admin sees that it is there but never its link (it would let them set
        // the colleague's password).
        await page.GotoAsync("/admin/outbox");
        await BrowserFixture.ScreenshotAsync(page, "admin-outbox");
        await page.GetByRole(AriaRole.Link, new() { Name = "Your HiringPlatform account is ready" }).ClickAsync();
        await Assertions.Expect(page.Locator("pre.email-body")).ToContainTextAsync("not shown");
        await BrowserFixture.ScreenshotAsync(page, "admin-outbox-email");
        Assert.DoesNotMatch(InviteLink(), await page.Locator("pre.email-body").TextContentAsync() ?? "");

        // The colleague's own copy of the email carries the link.
        var body = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.To == "margaret@example.com").Select(e => e.TextBody).SingleAsync());
        var path = InviteLink().Match(body).Groups["path"].Value;
        Assert.NotEmpty(path);

        // The new colleague follows the link in a browser of their own.
        var invitee = await App.NewPageAsync(390, 844);
        await invitee.GotoAsync(path);
        await Assertions.Expect(invitee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome to HiringPlatform");
        await invitee.GetByLabel("New password").FillAsync("marble-fox-river-63");
        await invitee.GetByLabel("Type it again").FillAsync("marble-fox-river-63");
        await BrowserFixture.ScreenshotAsync(invitee, "account-set-password-phone");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Set my password" }).ClickAsync();

        await Assertions.Expect(invitee.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is set");
        await Assertions.Expect(invitee.GetByLabel("Email")).ToHaveValueAsync("margaret@example.com");
        await invitee.GetByLabel("Password").FillAsync("marble-fox-river-63");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(invitee.Locator("#home-interviewer")).ToBeVisibleAsync();
        await Assertions.Expect(invitee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome, Margaret Hamilton");
        await BrowserFixture.ScreenshotAsync(invitee, "home-invited-interviewer-phone");
    }

    [Fact]
    public async Task Should_deactivate_a_colleague_who_then_cannot_sign_in()
    {
        var admin = await App.CreateUserAsync("Browser Admin", Roles.Admin);
        var recruiter = await App.CreateUserAsync("Browser Recruiter", Roles.Recruiter);
        var leaver = await App.CreateUserAsync("Lin Leaving", Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, recruiter, [leaver]);
        var (_, application) = await App.CreateApplicantAsync(posting, "Barbara Liskov");
        await App.CreateInterviewAsync(application, [leaver], App.Clock.GetUtcNow().AddDays(3));
        var page = await App.SignInAsync(admin);

        await page.GotoAsync("/admin/users");
        await page.GetByLabel("Name or email").FillAsync("Lin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-users-search");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lin Leaving" }).ClickAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Deactivated");
        await Assertions.Expect(page.Locator("#open-work")).ToContainTextAsync("Barbara Liskov");
        await BrowserFixture.ScreenshotAsync(page, "admin-user-deactivated");

        var leaverPage = await App.NewPageAsync();
        await leaverPage.GotoAsync("/account/sign-in");
        await leaverPage.GetByLabel("Email").FillAsync(leaver.Email);
        await leaverPage.GetByLabel("Password").FillAsync(leaver.Password);
        await leaverPage.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(leaverPage.GetByRole(AriaRole.Alert)).ToContainTextAsync("This account has been deactivated");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Should_lay_out_the_admin_and_account_pages_at_desktop_and_phone_width(int width)
    {
        var admin = await App.CreateUserAsync("Layout Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Layout Person", Roles.HiringManager, Roles.Interviewer);
        var page = await App.SignInAsync(admin, width);
        var suffix = width < 768 ? "phone" : "desktop";

        foreach (var (url, name) in new[]
                 {
                     ("/admin", "admin-overview"), ("/admin/users", "admin-users"), ("/admin/users/new", "admin-create-user-empty"),
                     ($"/admin/users/{person.Id}", "admin-edit-user"), ("/admin/audit", "admin-audit"), ("/admin/outbox", "admin-outbox-list"),
                     ("/admin/settings", "admin-settings"), ("/account/profile", "account-profile"), ("/account/password", "account-password"),
                     ("/account/two-factor/setup", "account-two-factor-setup"), ("/", "home-admin"),
                 })
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url} answered {response.Status}");
            // Nothing wider than the screen: tables scroll inside their card, not the page.
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{url} is {overflow}px wider than the {width}px window");
            await BrowserFixture.ScreenshotAsync(page, $"{name}-{suffix}");
        }
    }

    [Fact]
    public async Task Should_show_field_errors_in_the_form_when_adding_a_user_goes_wrong()
    {
        var admin = await App.CreateUserAsync("Browser Admin", Roles.Admin);
        var page = await App.SignInAsync(admin, 390);

        await page.GotoAsync("/admin/users/new");
        await page.GetByLabel("Work email").FillAsync("not-an-email");
        await page.Locator("#set-password").CheckAsync();
        await Assertions.Expect(page.Locator("#first-password")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-valmsg-for=DisplayName]")).ToHaveTextAsync("Enter the person's name.");
        await Assertions.Expect(page.Locator("[data-valmsg-for=Roles]")).ToHaveTextAsync("Choose at least one role.");
        await Assertions.Expect(page.GetByLabel("Work email")).ToHaveValueAsync("not-an-email");
        await Assertions.Expect(page.Locator("#first-password")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-create-user-errors-phone");
    }
}
