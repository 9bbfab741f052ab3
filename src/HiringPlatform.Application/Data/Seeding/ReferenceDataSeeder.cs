using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Rubrics;
using HiringPlatform.Application.Domain.Templates;
using HiringPlatform.Application.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Data.Seeding;

// Data every installation needs (roles, the competency library, the question bank, the red-flag checklist,
// default settings). Idempotent: it only adds what is missing, so admins' edits survive a restart.
public static class ReferenceDataSeeder
{
    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var roles = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in Roles.All.Except(roles!)) db.Roles.Add(new AppRole(role!));

        var competencyKeys = await db.Competencies.Select(c => c.Key).ToListAsync(ct);
        var newCompetencies = ReferenceData.Competencies.Where(c => !competencyKeys.Contains(c.Key))
            .Select(c => new Competency(c.Key, c.Name, c.Definition, c.Level1, c.Level2, c.Level3, c.Level4)).ToList();
        db.Competencies.AddRange(newCompetencies);

        var flagKeys = await db.RedFlags.Select(f => f.Key).ToListAsync(ct);
        db.RedFlags.AddRange(ReferenceData.RedFlags.Where(f => !flagKeys.Contains(f.Key)).Select(f => new RedFlag(f.Key, f.Text)));

        await db.SaveChangesAsync(ct);

        var competencyIds = await db.Competencies.ToDictionaryAsync(c => c.Key, c => c.Id, ct);
        var questionKeys = await db.Questions.Select(q => q.Key).ToListAsync(ct);
        foreach (var seed in ReferenceData.Questions.Where(q => !questionKeys.Contains(q.Key)))
        {
            var question = new Question(seed.Key, seed.Text, seed.GoodLooksLike, seed.RedFlags);
            question.SetCompetencies(seed.CompetencyKeys.Where(competencyIds.ContainsKey).Select(k => competencyIds[k]));
            db.Questions.Add(question);
        }

        var settingKeys = await db.Settings.Select(s => s.Key).ToListAsync(ct);
        if (!settingKeys.Contains(SettingKeys.RequireTwoFactor)) db.Settings.Add(new AppSetting(SettingKeys.RequireTwoFactor, "false"));
        if (!settingKeys.Contains(SettingKeys.RetentionMonths)) db.Settings.Add(new AppSetting(SettingKeys.RetentionMonths, "24"));

        await db.SaveChangesAsync(ct);
    }
}
