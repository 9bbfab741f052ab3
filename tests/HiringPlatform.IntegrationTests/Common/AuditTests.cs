using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Common;

public sealed class AuditTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_write_an_audit_entry_naming_fields_but_not_values_when_an_entity_changes()
    {
        var admin = await App.CreateUserAsync("Audit Admin", Roles.Admin);
        var entries = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(AppUser)).ToListAsync());
        var created = Assert.Single(entries, e => e.EntityId == admin.Id.ToString() && e.Action == "Created");
        Assert.Contains(nameof(AppUser.Email), created.Fields);
        Assert.DoesNotContain(created.Fields, f => f.Contains(admin.Email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Should_seed_reference_data_after_every_reset()
    {
        var counts = await App.WithDbAsync(async db => (
            Competencies: await db.Competencies.CountAsync(),
            Questions: await db.Questions.CountAsync(),
            Flags: await db.RedFlags.CountAsync(),
            Roles: await db.Roles.CountAsync(),
            Settings: await db.Settings.CountAsync(s => s.Key == SettingKeys.RetentionMonths)));
        Assert.Equal(10, counts.Competencies);
        Assert.True(counts.Questions >= 10);
        Assert.Equal(5, counts.Flags);
        Assert.Equal(Roles.All.Count, counts.Roles);
        Assert.Equal(1, counts.Settings);
    }
}
