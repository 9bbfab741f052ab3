using HiringPlatform.Application.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Data.Seeding.Demo;

public sealed record DemoUser(string Email, string DisplayName, string TimeZoneId, params string[] Roles);

// Development-only sign-ins, listed in the README and printed by `./build.sh run`.
public static class DemoUsers
{
    public const string Password = "Demo-Kettle-Harbour-26";

    public static readonly DemoUser Admin = new("admin@demo.hiringplatform.dev", "Alex Morgan", "Europe/London", Roles.Admin);
    public static readonly DemoUser Recruiter = new("recruiter@demo.hiringplatform.dev", "Riley Chen", "America/New_York", Roles.Recruiter);
    public static readonly DemoUser HiringManager = new("manager@demo.hiringplatform.dev", "Jordan Patel", "America/Chicago", Roles.HiringManager, Roles.Interviewer);
    public static readonly DemoUser Interviewer = new("interviewer@demo.hiringplatform.dev", "Sam Okafor", "Europe/Berlin", Roles.Interviewer);
    public static readonly DemoUser Interviewer2 = new("interviewer2@demo.hiringplatform.dev", "Priya Nair", "Asia/Kolkata", Roles.Interviewer);

    public static readonly IReadOnlyList<DemoUser> All = [Admin, Recruiter, HiringManager, Interviewer, Interviewer2];
}

public sealed class DemoUsersSeeder(UserManager<AppUser> users, TimeProvider clock) : IDemoSeeder
{
    public int Order => 0;

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var demo in DemoUsers.All)
        {
            if (await users.Users.AnyAsync(u => u.NormalizedEmail == demo.Email.ToUpperInvariant(), ct)) continue;
            var user = new AppUser
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName,
                TimeZoneId = demo.TimeZoneId,
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, DemoUsers.Password));
            Check(await users.AddToRolesAsync(user, demo.Roles));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo user seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
