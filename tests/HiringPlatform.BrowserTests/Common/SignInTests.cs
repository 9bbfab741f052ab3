using HiringPlatform.Application.Domain.Users;
using Microsoft.Playwright;

namespace HiringPlatform.BrowserTests.Common;

public sealed class SignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData(Roles.Admin, "#home-admin")]
    [InlineData(Roles.Recruiter, "#home-recruiter")]
    [InlineData(Roles.HiringManager, "#home-manager")]
    [InlineData(Roles.Interviewer, "#home-interviewer")]
    public async Task Should_sign_in_and_see_the_home_page_of_the_role(string role, string section)
    {
        var user = await App.CreateUserAsync($"Browser {role}", role);
        var page = await App.SignInAsync(user);
        await Assertions.Expect(page.Locator(section)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");
        // Only the sections of the roles held.
        Assert.Equal(1, await page.Locator("section h2").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, $"home-{role.ToLowerInvariant()}");
    }

    [Fact]
    public async Task Should_refuse_a_wrong_password_with_a_message()
    {
        var user = await App.CreateUserAsync("Browser Wrong", Roles.Recruiter);
        var page = await App.NewPageAsync(390, 844);
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match");
        await BrowserFixture.ScreenshotAsync(page, "sign-in-error-phone");
    }
}
