using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Account;
using HiringPlatform.Application.Features.Admin;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Account;

public sealed class PasswordResetTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private const string NewPassword = "copper-tulip-window-88";

    [Fact]
    public async Task Should_email_a_reset_link_to_an_existing_account()
    {
        var person = await App.CreateUserAsync("Forgetful", Roles.Recruiter);

        await App.SendAsync(new RequestPasswordReset.Command { Email = person.Email.ToUpperInvariant() }, null);

        var (email, link) = await App.LatestPasswordEmailAsync(person.Email);
        Assert.Equal("Reset your HiringPlatform password", email.Subject);
        Assert.False(link.Invite);
        Assert.Equal(person.Id, link.UserId);
        Assert.StartsWith("/account/reset-password?user=", link.Path);
    }

    [Fact]
    public async Task Should_answer_the_same_without_emailing_anyone_for_unknown_or_deactivated_addresses()
    {
        var admin = await App.CreateUserAsync("Reset Admin", Roles.Admin);
        var leaver = await App.CreateUserAsync("Leaver", Roles.Recruiter);
        await App.SendAsync(new DeactivateUser.Command { Id = leaver.Id }, admin);

        Assert.Equal(Unit.Value, await App.SendAsync(new RequestPasswordReset.Command { Email = "nobody@example.com" }, null));
        Assert.Equal(Unit.Value, await App.SendAsync(new RequestPasswordReset.Command { Email = leaver.Email }, null));

        Assert.Equal(0, await App.WithDbAsync(db => db.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task Should_take_at_least_the_same_minimum_time_for_unknown_and_real_accounts()
    {
        var person = await App.CreateUserAsync("Timed", Roles.Recruiter);
        foreach (var email in new[] { "nobody-timed@example.com", person.Email })
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await App.SendAsync(new RequestPasswordReset.Command { Email = email }, null);
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) >= RequestPasswordReset.MinimumDuration, email);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an email")]
    public async Task Should_reject_a_malformed_email(string email)
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new RequestPasswordReset.Command { Email = email }, null));

        Assert.Contains("Email", ex.Errors.Keys);
    }

    [Fact]
    public async Task Should_set_the_new_password_from_the_link_once_and_unlock_the_account()
    {
        var person = await App.CreateUserAsync("Forgetful", Roles.Recruiter);
        await App.WithUsersAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByIdAsync(person.Id.ToString()))!, DateTimeOffset.UtcNow.AddMinutes(10)));
        await App.SendAsync(new RequestPasswordReset.Command { Email = person.Email }, null);
        var (_, link) = await App.LatestPasswordEmailAsync(person.Email);
        Assert.True(await App.SendAsync(new ResetPassword.CheckLink { UserId = link.UserId, Token = link.Token }, null));
        var command = new ResetPassword.Command { UserId = link.UserId, Token = link.Token, Password = NewPassword, ConfirmPassword = NewPassword };

        await App.SendAsync(command, null);

        Assert.True(await App.CheckPasswordAsync(person.Id, NewPassword));
        Assert.False(await App.CheckPasswordAsync(person.Id, person.Password));
        Assert.Null((await App.FindAsync<AppUser>(person.Id))!.LockoutEnd);
        var again = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with { Password = "violet-anchor-piano-17", ConfirmPassword = "violet-anchor-piano-17" }, null));
        Assert.Equal(ResetPassword.InvalidLink, Assert.Single(again.Errors["Token"]));
        Assert.False(await App.SendAsync(new ResetPassword.CheckLink { UserId = link.UserId, Token = link.Token }, null));
    }

    [Fact]
    public async Task Should_let_an_invited_person_choose_their_first_password_once()
    {
        var admin = await App.CreateUserAsync("Reset Admin", Roles.Admin);
        var id = await App.SendAsync(new CreateUser.Command
        {
            DisplayName = "Invited Person", Email = "invited@example.com", TimeZoneId = "UTC", Roles = [Roles.Interviewer], SendInvite = true,
        }, admin);
        var (_, link) = await App.LatestPasswordEmailAsync("invited@example.com");
        Assert.True(link.Invite);
        var command = new ResetPassword.Command { UserId = id, Token = link.Token, Invite = true, Password = NewPassword, ConfirmPassword = NewPassword };

        await App.SendAsync(command, null);

        Assert.True(await App.CheckPasswordAsync(id, NewPassword));
        Assert.True((await App.FindAsync<AppUser>(id))!.EmailConfirmed);
        var again = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command, null));
        Assert.Contains("Token", again.Errors.Keys);
    }

    [Fact]
    public async Task Should_not_accept_a_reset_token_as_an_invite_or_the_other_way_round()
    {
        var person = await App.CreateUserAsync("Forgetful", Roles.Recruiter);
        await App.SendAsync(new RequestPasswordReset.Command { Email = person.Email }, null);
        var (_, link) = await App.LatestPasswordEmailAsync(person.Email);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new ResetPassword.Command
        {
            UserId = person.Id, Token = link.Token, Invite = true, Password = NewPassword, ConfirmPassword = NewPassword,
        }, null));

        Assert.Contains("Token", ex.Errors.Keys);
        Assert.True(await App.CheckPasswordAsync(person.Id, person.Password));
    }

    [Fact]
    public async Task Should_send_an_invited_person_who_forgot_a_new_invite_link()
    {
        var admin = await App.CreateUserAsync("Reset Admin", Roles.Admin);
        await App.SendAsync(new CreateUser.Command
        {
            DisplayName = "Invited Person", Email = "invited@example.com", TimeZoneId = "UTC", Roles = [Roles.Interviewer], SendInvite = true,
        }, admin);

        await App.SendAsync(new RequestPasswordReset.Command { Email = "invited@example.com" }, null);

        var (_, link) = await App.LatestPasswordEmailAsync("invited@example.com");
        Assert.True(link.Invite);
        Assert.True(await App.SendAsync(new ResetPassword.CheckLink { UserId = link.UserId, Token = link.Token, Invite = true }, null));
    }

    [Theory]
    [InlineData("Password", "", "")]
    [InlineData("Password", "alllowercase", "alllowercase")]
    [InlineData("Password", "Sh0rt", "Sh0rt")]
    // Long enough, and met the old composition rules, but among the most common passwords (NIST 800-63B blocklist).
    [InlineData("Password", "Password1234", "Password1234")]
    [InlineData("Password", "Qwerty123456", "Qwerty123456")]
    [InlineData("Password", "Summer2026!!!", "Summer2026!!!")]
    // Eleven characters.
    [InlineData("Password", "Xk7#qpL2vR9", "Xk7#qpL2vR9")]
    [InlineData("ConfirmPassword", NewPassword, "Something-Else1")]
    public async Task Should_reject_a_password_that_breaks_the_rules(string field, string password, string confirm)
    {
        var person = await App.CreateUserAsync("Forgetful", Roles.Recruiter);
        await App.SendAsync(new RequestPasswordReset.Command { Email = person.Email }, null);
        var (_, link) = await App.LatestPasswordEmailAsync(person.Email);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new ResetPassword.Command
        {
            UserId = person.Id, Token = link.Token, Password = password, ConfirmPassword = confirm,
        }, null));

        Assert.Contains(field, ex.Errors.Keys);
        Assert.True(await App.SendAsync(new ResetPassword.CheckLink { UserId = link.UserId, Token = link.Token }, null));
    }

    [Fact]
    public async Task Should_accept_a_long_passphrase_without_digits_capitals_or_symbols()
    {
        var person = await App.CreateUserAsync("Forgetful", Roles.Recruiter);
        await App.SendAsync(new RequestPasswordReset.Command { Email = person.Email }, null);
        var (_, link) = await App.LatestPasswordEmailAsync(person.Email);
        const string passphrase = "orange kettle under the bridge";

        await App.SendAsync(new ResetPassword.Command { UserId = person.Id, Token = link.Token, Password = passphrase, ConfirmPassword = passphrase }, null);

        Assert.True(await App.CheckPasswordAsync(person.Id, passphrase));
    }

    [Fact]
    public async Task Should_refuse_a_password_made_of_the_persons_own_name()
    {
        var person = await App.CreateUserAsync("Rosalind Featherstonehaugh", Roles.Recruiter);
        await App.SendAsync(new RequestPasswordReset.Command { Email = person.Email }, null);
        var (_, link) = await App.LatestPasswordEmailAsync(person.Email);
        const string password = "RosalindFeatherstonehaugh";

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new ResetPassword.Command
        {
            UserId = person.Id, Token = link.Token, Password = password, ConfirmPassword = password,
        }, null));

        Assert.Contains("too easy to guess", Assert.Single(ex.Errors["Password"]));
    }

    [Fact]
    public async Task Should_refuse_a_link_for_a_deactivated_account()
    {
        var admin = await App.CreateUserAsync("Reset Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Forgetful", Roles.Recruiter);
        await App.SendAsync(new RequestPasswordReset.Command { Email = person.Email }, null);
        var (_, link) = await App.LatestPasswordEmailAsync(person.Email);
        await App.SendAsync(new DeactivateUser.Command { Id = person.Id }, admin);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new ResetPassword.Command
        {
            UserId = person.Id, Token = link.Token, Password = NewPassword, ConfirmPassword = NewPassword,
        }, null));

        Assert.Contains("Token", ex.Errors.Keys);
    }
}
