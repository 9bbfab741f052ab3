using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Admin;
using HiringPlatform.IntegrationTests.Account;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Admin;

// Deactivate, reactivate, unlock, resend an invite, reset two-step, and the account panel that lists open work.
public sealed class UserAccountTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_deactivate_so_the_person_cannot_sign_in_and_their_sessions_end()
    {
        var admin = await App.CreateUserAsync("Account Admin", Roles.Admin);
        var leaver = await App.CreateUserAsync("Leaver", Roles.Interviewer);
        var stampBefore = (await App.FindAsync<AppUser>(leaver.Id))!.SecurityStamp;

        await App.SendAsync(new DeactivateUser.Command { Id = leaver.Id }, admin);

        var user = (await App.FindAsync<AppUser>(leaver.Id))!;
        Assert.False(user.IsActive);
        Assert.NotNull(user.DeactivatedAt);
        Assert.True(user.LockoutEnabled);
        Assert.True(user.LockoutEnd > App.Clock.GetUtcNow().AddYears(100));
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        var account = await App.SendAsync(new GetUserAccount.Query { Id = leaver.Id }, admin);
        Assert.False(account.IsActive);
        Assert.False(account.IsLockedOut);
    }

    [Fact]
    public async Task Should_refuse_to_let_an_admin_deactivate_themselves()
    {
        var admin = await App.CreateUserAsync("Account Admin", Roles.Admin);

        var ex = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new DeactivateUser.Command { Id = admin.Id }, admin));

        Assert.Contains("cannot deactivate your own account", ex.Message);
        Assert.True((await App.FindAsync<AppUser>(admin.Id))!.IsActive);
    }

    [Fact]
    public async Task Should_list_upcoming_scheduled_interviews_and_open_postings_of_someone_deactivated()
    {
        var admin = await App.CreateUserAsync("Account Admin", Roles.Admin);
        var recruiter = await App.CreateUserAsync("Account Recruiter", Roles.Recruiter);
        var leaver = await App.CreateUserAsync("Leaving Manager", Roles.HiringManager, Roles.Interviewer);
        var other = await App.CreateUserAsync("Staying Interviewer", Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, leaver, [leaver, other], title: "Senior Backend Engineer (Payments)");
        var (_, application) = await App.CreateApplicantAsync(posting, "Ada Lovelace");
        var upcoming = await App.CreateInterviewAsync(application, [leaver, other], App.Clock.GetUtcNow().AddDays(2));
        await App.CreateInterviewAsync(application, [leaver], App.Clock.GetUtcNow().AddDays(-2));
        var cancelled = await App.CreateInterviewAsync(application, [leaver], App.Clock.GetUtcNow().AddDays(3));
        await App.WithDbAsync(async db =>
        {
            var interview = await db.Interviews.SingleAsync(i => i.Id == cancelled);
            interview.Cancel("Candidate asked to move it", App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        await App.CreateInterviewAsync(application, [other], App.Clock.GetUtcNow().AddDays(4));

        await App.SendAsync(new DeactivateUser.Command { Id = leaver.Id }, admin);
        var account = await App.SendAsync(new GetUserAccount.Query { Id = leaver.Id }, admin);

        var interview = Assert.Single(account.OpenInterviews);
        Assert.Equal(upcoming, interview.Id);
        Assert.Equal("Ada Lovelace", interview.CandidateName);
        Assert.Equal("Senior Backend Engineer (Payments)", interview.PostingTitle);
        var openPosting = Assert.Single(account.OpenPostings);
        Assert.Equal(posting.Id, openPosting.Id);
        Assert.Equal(Application.Domain.JobPostings.TeamRole.HiringManager, openPosting.Role);
    }

    [Fact]
    public async Task Should_reactivate_someone_who_returns()
    {
        var admin = await App.CreateUserAsync("Account Admin", Roles.Admin);
        var returner = await App.CreateUserAsync("Returner", Roles.Recruiter);
        await App.SendAsync(new DeactivateUser.Command { Id = returner.Id }, admin);

        await App.SendAsync(new ReactivateUser.Command { Id = returner.Id }, admin);

        var user = (await App.FindAsync<AppUser>(returner.Id))!;
        Assert.True(user.IsActive);
        Assert.Null(user.DeactivatedAt);
        Assert.Null(user.LockoutEnd);
        Assert.True(await App.CheckPasswordAsync(returner.Id, returner.Password));
    }

    [Fact]
    public async Task Should_unlock_a_locked_out_account()
    {
        var admin = await App.CreateUserAsync("Account Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Locked Person", Roles.Recruiter);
        await App.WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(person.Id.ToString()))!;
            // Sign-in no longer locks accounts (ADR-0015); a lockout left from before still shows and can be lifted.
            await users.SetLockoutEnabledAsync(user, true);
            return await users.SetLockoutEndDateAsync(user, App.Clock.GetUtcNow().AddMinutes(15));
        });
        Assert.True((await App.SendAsync(new GetUserAccount.Query { Id = person.Id }, admin)).IsLockedOut);

        await App.SendAsync(new UnlockUser.Command { Id = person.Id }, admin);

        Assert.False((await App.SendAsync(new GetUserAccount.Query { Id = person.Id }, admin)).IsLockedOut);
    }

    [Fact]
    public async Task Should_send_a_new_invite_that_replaces_the_old_link()
    {
        var admin = await App.CreateUserAsync("Account Admin", Roles.Admin);
        var id = await App.SendAsync(new CreateUser.Command
        {
            DisplayName = "Invitee", Email = "invitee@example.com", TimeZoneId = "UTC", Roles = [Roles.Interviewer], SendInvite = true,
        }, admin);
        var (_, first) = await App.LatestPasswordEmailAsync("invitee@example.com");

        await App.SendAsync(new ResendInvite.Command { Id = id }, admin);

        var (_, second) = await App.LatestPasswordEmailAsync("invitee@example.com");
        Assert.NotEqual(first.Token, second.Token);
        Assert.False(await App.SendAsync(new Application.Features.Account.ResetPassword.CheckLink { UserId = id, Token = first.Token, Invite = true }, null));
        Assert.True(await App.SendAsync(new Application.Features.Account.ResetPassword.CheckLink { UserId = id, Token = second.Token, Invite = true }, null));
        Assert.Equal(2, await App.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.To == "invitee@example.com")));
    }

    [Fact]
    public async Task Should_not_resend_an_invite_to_someone_who_has_a_password()
    {
        var admin = await App.CreateUserAsync("Account Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Has Password", Roles.Recruiter);

        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new ResendInvite.Command { Id = person.Id }, admin));
    }

    [Fact]
    public async Task Should_reset_two_step_verification_for_someone_who_lost_their_phone()
    {
        var admin = await App.CreateUserAsync("Account Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Lost Phone", Roles.Recruiter);
        await App.WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(person.Id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(user);
            return await users.SetTwoFactorEnabledAsync(user, true);
        });

        await App.SendAsync(new ResetUserTwoFactor.Command { Id = person.Id }, admin);

        Assert.False((await App.FindAsync<AppUser>(person.Id))!.TwoFactorEnabled);
        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new ResetUserTwoFactor.Command { Id = person.Id }, admin));
    }

    [Fact]
    public async Task Should_answer_not_found_for_unknown_users()
    {
        var admin = await App.CreateUserAsync("Account Admin", Roles.Admin);
        var unknown = Guid.CreateVersion7();

        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetUserAccount.Query { Id = unknown }, admin));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new DeactivateUser.Command { Id = unknown }, admin));
    }

    [Fact]
    public async Task Should_keep_account_actions_to_admins()
    {
        var recruiter = await App.CreateUserAsync("Account Recruiter", Roles.Recruiter);
        var person = await App.CreateUserAsync("Target", Roles.Interviewer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new DeactivateUser.Command { Id = person.Id }, recruiter));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new GetUserAccount.Query { Id = person.Id }, recruiter));
        Assert.True((await App.FindAsync<AppUser>(person.Id))!.IsActive);
    }
}
