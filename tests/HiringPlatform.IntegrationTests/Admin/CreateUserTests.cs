using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Admin;
using HiringPlatform.IntegrationTests.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.IntegrationTests.Admin;

public sealed class CreateUserTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private static CreateUser.Command Valid(string email = "new.person@example.com") => new()
    {
        DisplayName = "New Person",
        Email = email,
        TimeZoneId = "Europe/Berlin",
        Roles = [Roles.Interviewer, Roles.Recruiter],
        SendInvite = true,
    };

    [Fact]
    public async Task Should_create_the_account_with_its_roles_and_queue_an_invite()
    {
        var admin = await App.CreateUserAsync("Create Admin", Roles.Admin);

        var id = await App.SendAsync(Valid(), admin);

        var user = await App.FindAsync<AppUser>(id);
        Assert.NotNull(user);
        Assert.Equal("New Person", user.DisplayName);
        Assert.Equal("Europe/Berlin", user.TimeZoneId);
        Assert.True(user.IsActive);
        Assert.Null(user.PasswordHash);
        var roles = await App.WithDbAsync(async db =>
            await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync());
        Assert.Equal([Roles.Interviewer, Roles.Recruiter], roles.Order());

        var (email, link) = await App.LatestPasswordEmailAsync("new.person@example.com");
        Assert.Equal("New Person", email.ToName);
        Assert.Contains("Create Admin", email.TextBody);
        Assert.True(link.Invite);
        Assert.Equal(id, link.UserId);
        Assert.NotNull(email.HtmlBody);

        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(AppUser) && a.EntityId == id.ToString() && a.Action == "Created").SingleAsync());
        Assert.Equal("CreateUser.Command", audit.Command);
        Assert.Equal(admin.Id, audit.UserId);
    }

    [Fact]
    public async Task Should_create_an_account_that_signs_in_with_the_password_the_admin_set()
    {
        var admin = await App.CreateUserAsync("Create Admin", Roles.Admin);

        var id = await App.SendAsync(Valid() with { SendInvite = false, Password = "Correct-Horse-42", ConfirmPassword = "Correct-Horse-42" }, admin);

        Assert.True(await App.CheckPasswordAsync(id, "Correct-Horse-42"));
        Assert.False(await App.WithDbAsync(db => db.OutboxEmails.AnyAsync(e => e.To == "new.person@example.com")));
    }

    public static TheoryData<string, CreateUser.Command> InvalidCommands => new()
    {
        { "DisplayName", Valid() with { DisplayName = " " } },
        { "DisplayName", Valid() with { DisplayName = new string('a', 101) } },
        { "Email", Valid() with { Email = "" } },
        { "Email", Valid() with { Email = "not-an-email" } },
        { "TimeZoneId", Valid() with { TimeZoneId = "Mars/Olympus_Mons" } },
        { "TimeZoneId", Valid() with { TimeZoneId = "" } },
        { "Roles", Valid() with { Roles = [] } },
        { "Roles", Valid() with { Roles = ["Superuser"] } },
        { "Password", Valid() with { SendInvite = false, Password = "", ConfirmPassword = "" } },
        { "Password", Valid() with { SendInvite = false, Password = "short1A", ConfirmPassword = "short1A" } },
        { "ConfirmPassword", Valid() with { SendInvite = false, Password = "Correct-Horse-42", ConfirmPassword = "Correct-Horse-43" } },
    };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public async Task Should_reject_invalid_input_naming_the_field(string field, CreateUser.Command command)
    {
        var admin = await App.CreateUserAsync("Create Admin", Roles.Admin);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command, admin));

        Assert.Contains(field, ex.Errors.Keys);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName == command.DisplayName && u.Email == command.Email)));
    }

    [Fact]
    public async Task Should_reject_an_email_already_in_use_whatever_its_case()
    {
        var admin = await App.CreateUserAsync("Create Admin", Roles.Admin);
        var existing = await App.CreateUserAsync("Existing Person", Roles.Recruiter);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(Valid(existing.Email.ToUpperInvariant()), admin));

        Assert.Equal("There is already an account with this email address.", Assert.Single(ex.Errors["Email"]));
    }

    [Theory]
    [InlineData(Roles.Recruiter)]
    [InlineData(Roles.HiringManager)]
    [InlineData(Roles.Interviewer)]
    public async Task Should_refuse_anyone_but_an_admin(string role)
    {
        var user = await App.CreateUserAsync("Not Admin", role);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(Valid(), user));
    }
}
