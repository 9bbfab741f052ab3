using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Settings;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.IntegrationTests.Admin;

public sealed class ListUsersTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_find_people_by_name_or_email_and_filter_by_role_and_status()
    {
        var admin = await App.CreateUserAsync("Admin Alice", Roles.Admin);
        var recruiter = await App.CreateUserAsync("Recruiter Rob", Roles.Recruiter);
        var interviewer = await App.CreateUserAsync("Interviewer Ivy", Roles.Interviewer, Roles.HiringManager);
        await App.SendAsync(new DeactivateUser.Command { Id = recruiter.Id }, admin);

        var byName = await App.SendAsync(new ListUsers.Query { Q = "ivy" }, admin);
        var byEmail = await App.SendAsync(new ListUsers.Query { Q = recruiter.Email[..12] }, admin);
        var managers = await App.SendAsync(new ListUsers.Query { Role = Roles.HiringManager }, admin);
        var deactivated = await App.SendAsync(new ListUsers.Query { Status = UserStatusFilter.Deactivated }, admin);
        var wildcard = await App.SendAsync(new ListUsers.Query { Q = "%" }, admin);

        var ivy = Assert.Single(byName.Items);
        Assert.Equal([Roles.HiringManager, Roles.Interviewer], ivy.Roles);
        Assert.Equal(recruiter.Id, Assert.Single(byEmail.Items).Id);
        Assert.Equal(interviewer.Id, Assert.Single(managers.Items).Id);
        var gone = Assert.Single(deactivated.Items);
        Assert.False(gone.IsActive);
        Assert.Empty(wildcard.Items);
        Assert.Equal(2, byName.ActiveCount);
        Assert.Equal(1, byName.DeactivatedCount);
    }

    [Fact]
    public async Task Should_page_through_everyone_in_name_order()
    {
        var admin = await App.CreateUserAsync("Aaron Admin", Roles.Admin);
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < ListUsers.PageSize + 5; i++)
            {
                var email = $"bulk{i:D3}@example.com";
                db.Users.Add(new AppUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = $"Bulk {i:D3}" });
            }
            await db.SaveChangesAsync();
        });

        var first = await App.SendAsync(new ListUsers.Query(), admin);
        var second = await App.SendAsync(new ListUsers.Query { After = first.NextAfter }, admin);

        Assert.Equal(ListUsers.PageSize, first.Items.Count);
        Assert.Equal("Aaron Admin", first.Items[0].DisplayName);
        Assert.NotNull(first.NextAfter);
        Assert.Equal(6, second.Items.Count);
        Assert.Null(second.NextAfter);
        Assert.Empty(first.Items.Select(u => u.Id).Intersect(second.Items.Select(u => u.Id)));
        Assert.True(second.Items.All(u => u.IsInvited));
    }
}

public sealed class ListAuditEntriesTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_list_newest_first_and_filter_by_record_user_command_and_day()
    {
        var admin = await App.CreateUserAsync("Audit Admin", Roles.Admin);
        var person = await App.CreateUserAsync("Audited Person", Roles.Interviewer);
        await App.SendAsync(new ReactivateUser.Command { Id = person.Id }, admin);
        await App.SendAsync(new DeactivateUser.Command { Id = person.Id }, admin);
        var candidateId = await Testing.TestData.CreateCandidateAsync(App, "Grace Hopper");

        var all = await App.SendAsync(new ListAuditEntries.Query(), admin);
        var record = await App.SendAsync(new ListAuditEntries.Query { EntityType = nameof(AppUser), EntityId = person.Id.ToString() }, admin);
        var byAdmin = await App.SendAsync(new ListAuditEntries.Query { UserId = admin.Id }, admin);
        var byCommand = await App.SendAsync(new ListAuditEntries.Query { Command = "deactivate" }, admin);
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        var onDay = await App.SendAsync(new ListAuditEntries.Query { From = today, To = today, EntityType = nameof(Candidate) }, admin);
        var dayBefore = await App.SendAsync(new ListAuditEntries.Query { To = today.AddDays(-1) }, admin);

        Assert.True(all.Items.Zip(all.Items.Skip(1)).All(p => p.First.Id > p.Second.Id));
        Assert.Equal("DeactivateUser.Command", record.Items[0].Command);
        Assert.All(record.Items, e => Assert.Equal(person.Id.ToString(), e.EntityId));
        Assert.All(byAdmin.Items, e => Assert.Equal(admin.Id, e.UserId));
        Assert.Equal("DeactivateUser.Command", Assert.Single(byCommand.Items).Command);
        Assert.Equal(candidateId.ToString(), Assert.Single(onDay.Items).EntityId);
        Assert.Empty(dayBefore.Items);
        Assert.Contains(nameof(AppUser), all.EntityTypes);
        Assert.Contains(nameof(Candidate), all.EntityTypes);
        Assert.Contains("IdentityUserRole", all.EntityTypes);
        Assert.DoesNotContain(nameof(AuditEntry), all.EntityTypes);
        Assert.Contains(all.Users, u => u.Id == person.Id);
    }

    [Fact]
    public async Task Should_page_by_id()
    {
        var admin = await App.CreateUserAsync("Audit Admin", Roles.Admin);
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < ListAuditEntries.PageSize + 3; i++)
                db.AuditEntries.Add(new AuditEntry { At = App.Clock.GetUtcNow(), Command = $"Bulk{i}.Command", EntityType = "Bulk", Action = "Updated" });
            await db.SaveChangesAsync();
        });

        var first = await App.SendAsync(new ListAuditEntries.Query { EntityType = "Bulk" }, admin);
        var second = await App.SendAsync(new ListAuditEntries.Query { EntityType = "Bulk", Before = first.NextBefore }, admin);

        Assert.Equal(ListAuditEntries.PageSize, first.Items.Count);
        Assert.Equal($"Bulk{ListAuditEntries.PageSize + 2}.Command", first.Items[0].Command);
        Assert.Equal(3, second.Items.Count);
        Assert.Equal("Bulk0.Command", second.Items[^1].Command);
        Assert.Null(second.NextBefore);
    }

    [Fact]
    public async Task Should_count_days_in_the_viewers_time_zone()
    {
        var admin = await App.CreateUserAsync("Audit Admin", Roles.Admin);
        // 23:30 UTC on 1 March is already 2 March in Tokyo.
        await App.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero), Command = "Late.Command", EntityType = "Zoned", Action = "Updated" });
            await db.SaveChangesAsync();
        });

        var inUtc = await App.SendAsync(new ListAuditEntries.Query { EntityType = "Zoned", From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 1) }, admin);
        var inTokyo = await App.SendAsync(new ListAuditEntries.Query { EntityType = "Zoned", From = new DateOnly(2026, 3, 2), To = new DateOnly(2026, 3, 2), TimeZoneId = "Asia/Tokyo" }, admin);

        Assert.Single(inUtc.Items);
        Assert.Single(inTokyo.Items);
    }

    [Fact]
    public async Task Should_reject_a_date_range_that_ends_before_it_starts()
    {
        var admin = await App.CreateUserAsync("Audit Admin", Roles.Admin);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(new ListAuditEntries.Query { From = new DateOnly(2026, 5, 2), To = new DateOnly(2026, 5, 1) }, admin));

        Assert.Contains("To", ex.Errors.Keys);
    }

    [Fact]
    public async Task Should_keep_the_audit_log_to_admins()
    {
        var manager = await App.CreateUserAsync("Curious Manager", Roles.HiringManager);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new ListAuditEntries.Query(), manager));
    }
}

public sealed class OutboxAdminTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private Task<List<Guid>> QueueAsync(int count, Action<OutboxEmail, int>? shape = null) => App.WithDbAsync(async db =>
    {
        var emails = Enumerable.Range(0, count).Select(i =>
        {
            var email = new OutboxEmail($"person{i}@example.com", $"Person {i}", $"Subject {i}", $"Body {i}", null, App.Clock.GetUtcNow().AddYears(1));
            shape?.Invoke(email, i);
            return email;
        }).ToList();
        db.OutboxEmails.AddRange(emails);
        await db.SaveChangesAsync();
        return emails.Select(e => e.Id).ToList();
    });

    [Fact]
    public async Task Should_list_newest_first_filter_by_status_and_page()
    {
        var admin = await App.CreateUserAsync("Outbox Admin", Roles.Admin);
        var ids = await QueueAsync(ListOutboxEmails.PageSize + 2, (email, i) =>
        {
            if (i % 2 == 0) return;
            for (var attempt = 0; attempt < OutboxEmail.MaxAttempts; attempt++) email.MarkFailed("550 mailbox unavailable", DateTimeOffset.UtcNow);
        });

        var first = await App.SendAsync(new ListOutboxEmails.Query(), admin);
        var second = await App.SendAsync(new ListOutboxEmails.Query { Before = first.NextBefore }, admin);
        var failed = await App.SendAsync(new ListOutboxEmails.Query { Status = EmailStatus.Failed }, admin);

        // Ids are time-ordered (to the millisecond): the two pages together are every email once, newest id first.
        var newestFirst = await App.WithDbAsync(db => db.OutboxEmails.OrderByDescending(e => e.Id).Select(e => e.Id).ToListAsync());
        Assert.Equal(ListOutboxEmails.PageSize, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        Assert.Equal(newestFirst, first.Items.Concat(second.Items).Select(e => e.Id));
        Assert.Equal(ids.Order(), newestFirst.Order());
        Assert.Equal(26, failed.Items.Count);
        Assert.All(failed.Items, e => Assert.Equal("550 mailbox unavailable", e.LastError));
        Assert.Equal(26, first.Counts[EmailStatus.Failed]);
        Assert.Equal(26, first.Counts[EmailStatus.Pending]);
    }

    [Fact]
    public async Task Should_show_one_email_and_queue_a_failed_one_again()
    {
        var admin = await App.CreateUserAsync("Outbox Admin", Roles.Admin);
        var ids = await QueueAsync(1, (email, _) =>
        {
            email.WithAttachment("interview.ics", "text/calendar; method=REQUEST", [1, 2, 3]);
            for (var attempt = 0; attempt < OutboxEmail.MaxAttempts; attempt++) email.MarkFailed("Connection refused", DateTimeOffset.UtcNow);
        });

        var email = await App.SendAsync(new GetOutboxEmail.Command { Id = ids[0] }, admin);
        Assert.Equal("Body 0", email.TextBody);
        Assert.Equal("interview.ics", email.AttachmentName);
        Assert.Equal(3, email.AttachmentSize);
        Assert.Equal(EmailStatus.Failed, email.Status);

        await App.SendAsync(new RequeueOutboxEmail.Command { Id = ids[0] }, admin);

        var requeued = await App.SendAsync(new GetOutboxEmail.Command { Id = ids[0] }, admin);
        Assert.Equal(EmailStatus.Pending, requeued.Status);
        Assert.Equal(0, requeued.Attempts);
        Assert.True(requeued.NextAttemptAt <= App.Clock.GetUtcNow());
        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new RequeueOutboxEmail.Command { Id = ids[0] }, admin));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetOutboxEmail.Command { Id = Guid.CreateVersion7() }, admin));
    }

    [Fact]
    public async Task Should_keep_email_contents_to_admins()
    {
        var recruiter = await App.CreateUserAsync("Outbox Recruiter", Roles.Recruiter);
        var ids = await QueueAsync(1);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new GetOutboxEmail.Command { Id = ids[0] }, recruiter));
    }
}

public sealed class SettingsTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_save_the_settings_and_serve_them_through_the_cache_at_once()
    {
        var admin = await App.CreateUserAsync("Settings Admin", Roles.Admin);
        var cache = App.Services.GetRequiredService<SettingsCache>();
        var before = await App.WithDbAsync(db => cache.GetAsync(db, CancellationToken.None));
        var command = await App.SendAsync(new UpdateSettings.Query(), admin);
        Assert.Equal(SettingDefaults.RetentionMonths, command.RetentionMonths);
        Assert.Equal(SettingDefaults.ApplyRateLimitPerHour, command.ApplyRateLimitPerHour);
        Assert.False(before.RequireTwoFactor);

        await App.SendAsync(new UpdateSettings.Command { RequireTwoFactor = true, RetentionMonths = 36, ApplyRateLimitPerHour = 20 }, admin);

        var saved = await App.SendAsync(new UpdateSettings.Query(), admin);
        Assert.Equal((true, 36, 20), (saved.RequireTwoFactor, saved.RetentionMonths, saved.ApplyRateLimitPerHour));
        Assert.Equal(new SettingsSnapshot(true, 36, 20), await App.WithDbAsync(db => cache.GetAsync(db, CancellationToken.None)));
        Assert.Equal("36", await App.WithDbAsync(db => db.Settings.Where(s => s.Key == SettingKeys.RetentionMonths).Select(s => s.Value).SingleAsync()));
        // Reset the shared cache for the tests that follow (the database reset does not reach it).
        cache.Invalidate();
    }

    [Theory]
    [InlineData("RetentionMonths", 0, 10)]
    [InlineData("RetentionMonths", 121, 10)]
    [InlineData("ApplyRateLimitPerHour", 24, 0)]
    [InlineData("ApplyRateLimitPerHour", 24, 1001)]
    public async Task Should_reject_values_out_of_range(string field, int months, int rate)
    {
        var admin = await App.CreateUserAsync("Settings Admin", Roles.Admin);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(new UpdateSettings.Command { RetentionMonths = months, ApplyRateLimitPerHour = rate }, admin));

        Assert.Contains(field, ex.Errors.Keys);
    }

    [Fact]
    public async Task Should_keep_settings_to_admins()
    {
        var recruiter = await App.CreateUserAsync("Settings Recruiter", Roles.Recruiter);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new UpdateSettings.Command(), recruiter));
    }
}

public sealed class AdminOverviewTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_count_people_by_role_and_the_emails_and_accounts_that_need_attention()
    {
        var admin = await App.CreateUserAsync("Overview Admin", Roles.Admin);
        await App.CreateUserAsync("Recruiter One", Roles.Recruiter);
        await App.CreateUserAsync("Recruiter Two", Roles.Recruiter, Roles.Interviewer);
        var leaver = await App.CreateUserAsync("Leaver", Roles.Recruiter);
        await App.SendAsync(new DeactivateUser.Command { Id = leaver.Id }, admin);
        await App.SendAsync(new CreateUser.Command { DisplayName = "Invited", Email = "invited@example.com", TimeZoneId = "UTC", Roles = [Roles.Interviewer] }, admin);
        await App.WithDbAsync(async db =>
        {
            var failed = new OutboxEmail("x@example.com", null, "Failed", "Body", null, App.Clock.GetUtcNow());
            for (var i = 0; i < OutboxEmail.MaxAttempts; i++) failed.MarkFailed("boom", App.Clock.GetUtcNow());
            db.OutboxEmails.Add(failed);
            await db.SaveChangesAsync();
        });

        var overview = await App.SendAsync(new GetAdminOverview.Query(), admin);

        Assert.Equal(4, overview.ActiveUsers);
        Assert.Equal(1, overview.DeactivatedUsers);
        Assert.Equal(1, overview.InvitedUsers);
        Assert.Equal(2, overview.UsersByRole.Single(r => r.Role == Roles.Recruiter).Count);
        Assert.Equal(2, overview.UsersByRole.Single(r => r.Role == Roles.Interviewer).Count);
        Assert.Equal(0, overview.UsersByRole.Single(r => r.Role == Roles.HiringManager).Count);
        Assert.Equal(1, overview.PendingEmails);
        Assert.Equal(1, overview.FailedEmails);
        Assert.Equal(4, overview.UsersWithoutTwoFactor);
        Assert.NotEmpty(overview.RecentAudit);
        Assert.Equal("CreateUser.Command", overview.RecentAudit[0].Command);
    }
}
