using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Admin;

public sealed class UpdateUserTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_load_the_user_into_the_edit_command()
    {
        var admin = await App.CreateUserAsync("Edit Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Edit Person", Roles.Interviewer, Roles.HiringManager);

        var command = await App.SendAsync(new UpdateUser.Query { Id = person.Id }, admin);

        Assert.Equal(person.Id, command.Id);
        Assert.Equal("Edit Person", command.DisplayName);
        Assert.Equal(person.Email, command.Email);
        Assert.Equal([Roles.HiringManager, Roles.Interviewer], command.Roles);
        Assert.NotNull(command.ConcurrencyStamp);
    }

    [Fact]
    public async Task Should_save_name_email_time_zone_and_roles()
    {
        var admin = await App.CreateUserAsync("Edit Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Edit Person", Roles.Interviewer);
        var command = await App.SendAsync(new UpdateUser.Query { Id = person.Id }, admin);

        await App.SendAsync(command with
        {
            DisplayName = "Edited Person",
            Email = "edited.person@example.com",
            TimeZoneId = "Asia/Kolkata",
            Roles = [Roles.Recruiter],
        }, admin);

        var saved = await App.SendAsync(new UpdateUser.Query { Id = person.Id }, admin);
        Assert.Equal("Edited Person", saved.DisplayName);
        Assert.Equal("edited.person@example.com", saved.Email);
        Assert.Equal("Asia/Kolkata", saved.TimeZoneId);
        Assert.Equal([Roles.Recruiter], saved.Roles);
        var user = await App.FindAsync<AppUser>(person.Id);
        Assert.Equal("EDITED.PERSON@EXAMPLE.COM", user!.NormalizedUserName);
        Assert.False(user.EmailConfirmed);
    }

    [Fact]
    public async Task Should_refuse_to_let_an_admin_remove_their_own_admin_role()
    {
        var admin = await App.CreateUserAsync("Edit Admin", Roles.Admin);
        var command = await App.SendAsync(new UpdateUser.Query { Id = admin.Id }, admin);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with { Roles = [Roles.Recruiter] }, admin));

        Assert.Contains("cannot remove your own Admin role", Assert.Single(ex.Errors["Roles"]));
        Assert.Equal([Roles.Admin], (await App.SendAsync(new UpdateUser.Query { Id = admin.Id }, admin)).Roles);
    }

    [Fact]
    public async Task Should_let_an_admin_remove_another_admins_role()
    {
        var admin = await App.CreateUserAsync("Edit Admin", Roles.Admin);
        var other = await App.CreateUserAsync("Other Admin", Roles.Admin);
        var command = await App.SendAsync(new UpdateUser.Query { Id = other.Id }, admin);

        await App.SendAsync(command with { Roles = [Roles.Interviewer] }, admin);

        Assert.Equal([Roles.Interviewer], (await App.SendAsync(new UpdateUser.Query { Id = other.Id }, admin)).Roles);
    }

    [Fact]
    public async Task Should_reject_an_email_that_belongs_to_someone_else_but_accept_the_persons_own()
    {
        var admin = await App.CreateUserAsync("Edit Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Edit Person", Roles.Interviewer);
        var other = await App.CreateUserAsync("Other Person", Roles.Interviewer);
        var command = await App.SendAsync(new UpdateUser.Query { Id = person.Id }, admin);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with { Email = other.Email }, admin));
        Assert.Contains("Email", ex.Errors.Keys);

        await App.SendAsync(command with { Email = person.Email.ToUpperInvariant(), DisplayName = "Same Email" }, admin);
        Assert.Equal("Same Email", (await App.FindAsync<AppUser>(person.Id))!.DisplayName);
    }

    [Theory]
    [InlineData("DisplayName", "", "Europe/Paris")]
    [InlineData("TimeZoneId", "Name", "Central European Standard Time")]
    [InlineData("TimeZoneId", "Name", "Nowhere/Land")]
    public async Task Should_reject_invalid_input_naming_the_field(string field, string name, string zone)
    {
        var admin = await App.CreateUserAsync("Edit Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Edit Person", Roles.Interviewer);
        var command = await App.SendAsync(new UpdateUser.Query { Id = person.Id }, admin);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with { DisplayName = name, TimeZoneId = zone }, admin));

        Assert.Contains(field, ex.Errors.Keys);
    }

    [Fact]
    public async Task Should_tell_the_second_of_two_admins_editing_the_same_person()
    {
        var admin = await App.CreateUserAsync("Edit Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Edit Person", Roles.Interviewer);
        var first = await App.SendAsync(new UpdateUser.Query { Id = person.Id }, admin);
        var second = await App.SendAsync(new UpdateUser.Query { Id = person.Id }, admin);
        await App.SendAsync(first with { DisplayName = "First Edit" }, admin);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => App.SendAsync(second with { DisplayName = "Second Edit" }, admin));

        Assert.Equal("First Edit", (await App.FindAsync<AppUser>(person.Id))!.DisplayName);
    }

    [Fact]
    public async Task Should_answer_not_found_for_an_unknown_user()
    {
        var admin = await App.CreateUserAsync("Edit Admin", Roles.Admin);

        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new UpdateUser.Query { Id = Guid.CreateVersion7() }, admin));
    }

    [Fact]
    public async Task Should_audit_which_fields_changed()
    {
        var admin = await App.CreateUserAsync("Edit Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Edit Person", Roles.Interviewer);
        var command = await App.SendAsync(new UpdateUser.Query { Id = person.Id }, admin);

        await App.SendAsync(command with { DisplayName = "Renamed" }, admin);

        var entry = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Command == "UpdateUser.Command" && a.EntityId == person.Id.ToString()).SingleAsync());
        Assert.Equal([nameof(AppUser.DisplayName)], entry.Fields);
    }
}
