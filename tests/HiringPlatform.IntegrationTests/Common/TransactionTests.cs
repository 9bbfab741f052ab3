using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Common;

public sealed class TransactionTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_leave_the_database_unchanged_when_a_handler_fails_after_a_partial_write()
    {
        var admin = await App.CreateUserAsync("Rollback Admin", Roles.Admin);
        // Break the second step: CreateUser writes the user (Identity saves at once), then adding the role throws.
        await App.WithDbAsync(db => db.Roles.Where(r => r.Name == Roles.Interviewer).ExecuteDeleteAsync());
        var auditBefore = await App.WithDbAsync(db => db.AuditEntries.CountAsync());
        var command = new CreateUser.Command
        {
            DisplayName = "Half Made",
            Email = "half.made@example.com",
            TimeZoneId = "UTC",
            Roles = [Roles.Interviewer],
            SendInvite = true,
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => App.SendAsync(command, admin));

        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == "HALF.MADE@EXAMPLE.COM")));
        Assert.Equal(auditBefore, await App.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.False(await App.WithDbAsync(db => db.OutboxEmails.AnyAsync(e => e.To == "half.made@example.com")));
    }
}
