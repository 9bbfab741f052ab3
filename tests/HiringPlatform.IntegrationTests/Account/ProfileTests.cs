using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Account;
using HiringPlatform.Application.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Account;

public sealed class ProfileTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_save_the_persons_own_name_and_time_zone()
    {
        var person = await App.CreateUserAsync("Profile Person", Roles.Interviewer);
        var command = await App.SendAsync(new UpdateProfile.Query(), person);
        Assert.Equal("Profile Person", command.DisplayName);

        await App.SendAsync(command with { DisplayName = "Renamed Person", TimeZoneId = "America/Sao_Paulo" }, person);

        var user = (await App.FindAsync<AppUser>(person.Id))!;
        Assert.Equal("Renamed Person", user.DisplayName);
        Assert.Equal("America/Sao_Paulo", user.TimeZoneId);
    }

    [Theory]
    [InlineData("DisplayName", "", "UTC")]
    [InlineData("TimeZoneId", "Name", "GMT+1")]
    [InlineData("TimeZoneId", "Name", "")]
    public async Task Should_reject_invalid_input_naming_the_field(string field, string name, string zone)
    {
        var person = await App.CreateUserAsync("Profile Person", Roles.Interviewer);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(new UpdateProfile.Command { DisplayName = name, TimeZoneId = zone }, person));

        Assert.Contains(field, ex.Errors.Keys);
    }

    [Fact]
    public async Task Should_refuse_anonymous_requests()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => App.SendAsync(new UpdateProfile.Query(), null));
    }

    [Fact]
    public async Task Should_change_the_password_when_the_current_one_is_right()
    {
        var person = await App.CreateUserAsync("Profile Person", Roles.Interviewer);

        await App.SendAsync(new ChangePassword.Command { CurrentPassword = person.Password, NewPassword = "quiet-cedar-rocket-35", ConfirmPassword = "quiet-cedar-rocket-35" }, person);

        Assert.True(await App.CheckPasswordAsync(person.Id, "quiet-cedar-rocket-35"));
    }

    [Theory]
    [InlineData("CurrentPassword", "wrong-password", "quiet-cedar-rocket-35", "quiet-cedar-rocket-35")]
    [InlineData("CurrentPassword", "", "quiet-cedar-rocket-35", "quiet-cedar-rocket-35")]
    [InlineData("NewPassword", null, "weak", "weak")]
    [InlineData("NewPassword", null, null, null)]
    [InlineData("ConfirmPassword", null, "quiet-cedar-rocket-35", "quiet-cedar-rocket-35!")]
    public async Task Should_reject_a_bad_password_change_naming_the_field(string field, string? current, string? next, string? confirm)
    {
        var person = await App.CreateUserAsync("Profile Person", Roles.Interviewer);
        // null stands for the person's real current password.
        var command = new ChangePassword.Command
        {
            CurrentPassword = current ?? person.Password,
            NewPassword = next ?? person.Password,
            ConfirmPassword = confirm ?? person.Password,
        };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command, person));

        Assert.Contains(field, ex.Errors.Keys);
        Assert.True(await App.CheckPasswordAsync(person.Id, person.Password));
    }
}

public sealed class TwoFactorTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private async Task<string> StartSetupAsync(Testing.TestUser person)
    {
        await App.SendAsync(new PrepareAuthenticator.Command(), person);
        var key = await App.SendAsync(new GetAuthenticatorKey.Query(), person);
        Assert.NotNull(key);
        return key.SharedKey;
    }

    [Fact]
    public async Task Should_offer_a_key_and_an_otpauth_address_and_keep_the_key_until_set_up_restarts()
    {
        var person = await App.CreateUserAsync("Careful Person", Roles.Recruiter);

        var first = await StartSetupAsync(person);
        var again = await StartSetupAsync(person);
        var uri = (await App.SendAsync(new GetAuthenticatorKey.Query(), person))!.AuthenticatorUri;
        await App.SendAsync(new PrepareAuthenticator.Command { Restart = true }, person);
        var restarted = (await App.SendAsync(new GetAuthenticatorKey.Query(), person))!.SharedKey;

        Assert.Equal(first, again);
        Assert.NotEqual(first, restarted);
        Assert.StartsWith("otpauth://totp/HiringPlatform:", uri);
        Assert.Contains("secret=" + first.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), uri);
        Assert.Contains("issuer=HiringPlatform", uri);
    }

    [Fact]
    public async Task Should_turn_on_with_a_valid_code_and_return_recovery_codes()
    {
        var person = await App.CreateUserAsync("Careful Person", Roles.Recruiter);
        var key = await StartSetupAsync(person);

        var codes = await App.SendAsync(new EnableTwoFactor.Command { Code = AccountTestHelpers.TotpCode(key) }, person);

        Assert.Equal(EnableTwoFactor.RecoveryCodeCount, codes.Count);
        var security = await App.SendAsync(new GetAccountSecurity.Query(), person);
        Assert.True(security.TwoFactorEnabled);
        Assert.Equal(EnableTwoFactor.RecoveryCodeCount, security.RecoveryCodesLeft);
        Assert.Null(await App.SendAsync(new GetAuthenticatorKey.Query(), person));
        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new PrepareAuthenticator.Command(), person));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    [InlineData("000000")]
    public async Task Should_refuse_a_wrong_code(string code)
    {
        var person = await App.CreateUserAsync("Careful Person", Roles.Recruiter);
        var key = await StartSetupAsync(person);
        if (code == AccountTestHelpers.TotpCode(key)) return;

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new EnableTwoFactor.Command { Code = code }, person));

        Assert.Contains("Code", ex.Errors.Keys);
        Assert.False((await App.SendAsync(new GetAccountSecurity.Query(), person)).TwoFactorEnabled);
    }

    [Fact]
    public async Task Should_turn_off_and_forget_the_old_key_unless_the_organisation_requires_it()
    {
        var admin = await App.CreateUserAsync("Policy Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Careful Person", Roles.Recruiter);
        var key = await StartSetupAsync(person);
        await App.SendAsync(new EnableTwoFactor.Command { Code = AccountTestHelpers.TotpCode(key) }, person);
        var settings = await App.SendAsync(new UpdateSettings.Query(), admin);
        await App.SendAsync(settings with { RequireTwoFactor = true }, admin);

        var refused = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new DisableTwoFactor.Command { CurrentPassword = person.Password }, person));
        Assert.Contains("requires two-step verification", refused.Message);

        await App.SendAsync(settings with { RequireTwoFactor = false }, admin);
        await App.SendAsync(new DisableTwoFactor.Command { CurrentPassword = person.Password }, person);

        var security = await App.SendAsync(new GetAccountSecurity.Query(), person);
        Assert.False(security.TwoFactorEnabled);
        Assert.NotEqual(key, await StartSetupAsync(person));
    }

    [Fact]
    public async Task Should_make_new_recovery_codes_that_replace_the_old_ones()
    {
        var person = await App.CreateUserAsync("Careful Person", Roles.Recruiter);
        var key = await StartSetupAsync(person);
        var first = await App.SendAsync(new EnableTwoFactor.Command { Code = AccountTestHelpers.TotpCode(key) }, person);

        var second = await App.SendAsync(new RegenerateRecoveryCodes.Command { CurrentPassword = person.Password }, person);

        Assert.Empty(first.Intersect(second));
        var redeemed = await App.WithUsersAsync(async users =>
            await users.RedeemTwoFactorRecoveryCodeAsync((await users.FindByIdAsync(person.Id.ToString()))!, first[0]));
        Assert.False(redeemed.Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-my-password-at-all")]
    public async Task Should_ask_for_the_password_again_before_turning_off_or_making_new_recovery_codes(string password)
    {
        var person = await App.CreateUserAsync("Careful Person", Roles.Recruiter);
        var key = await StartSetupAsync(person);
        var codes = await App.SendAsync(new EnableTwoFactor.Command { Code = AccountTestHelpers.TotpCode(key) }, person);

        var disable = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new DisableTwoFactor.Command { CurrentPassword = password }, person));
        var regenerate = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new RegenerateRecoveryCodes.Command { CurrentPassword = password }, person));

        Assert.Contains("CurrentPassword", disable.Errors.Keys);
        Assert.Contains("CurrentPassword", regenerate.Errors.Keys);
        var security = await App.SendAsync(new GetAccountSecurity.Query(), person);
        Assert.True(security.TwoFactorEnabled);
        Assert.Equal(codes.Count, security.RecoveryCodesLeft);
    }

    [Fact]
    public async Task Should_accept_each_authenticator_code_only_once()
    {
        var person = await App.CreateUserAsync("Careful Person", Roles.Recruiter);
        var key = await StartSetupAsync(person);
        var now = DateTimeOffset.UtcNow;
        await App.SendAsync(new EnableTwoFactor.Command { Code = AccountTestHelpers.TotpCode(key, now) }, person);

        async Task<bool> VerifyAsync(string code) => await App.WithUsersAsync(async users =>
            await users.VerifyTwoFactorTokenAsync((await users.FindByIdAsync(person.Id.ToString()))!, users.Options.Tokens.AuthenticatorTokenProvider, code));

        // The code just used, and the one before it, are refused; the next one (a phone a little ahead) works once.
        Assert.False(await VerifyAsync(AccountTestHelpers.TotpCode(key, now)));
        Assert.False(await VerifyAsync(AccountTestHelpers.TotpCode(key, now.AddSeconds(-30))));
        Assert.True(await VerifyAsync(AccountTestHelpers.TotpCode(key, now.AddSeconds(30))));
        Assert.False(await VerifyAsync(AccountTestHelpers.TotpCode(key, now.AddSeconds(30))));
    }

    [Fact]
    public async Task Should_audit_turning_two_step_verification_on()
    {
        var person = await App.CreateUserAsync("Careful Person", Roles.Recruiter);
        var key = await StartSetupAsync(person);

        await App.SendAsync(new EnableTwoFactor.Command { Code = AccountTestHelpers.TotpCode(key) }, person);

        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Command == "EnableTwoFactor.Command" && a.EntityType == nameof(AppUser) && a.Fields.Contains(nameof(AppUser.TwoFactorEnabled)))));
    }
}
