using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Domain.Users;

public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";

    // IANA id, e.g. "Europe/Berlin": interview times are shown in the viewer's own zone.
    public string TimeZoneId { get; set; } = "UTC";

    // Deactivated staff cannot sign in; their history stays attributable.
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeactivatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() => Id = Guid.CreateVersion7();
    public AppRole(string name) : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Recruiter = "Recruiter";
    public const string HiringManager = "HiringManager";
    public const string Interviewer = "Interviewer";

    public static readonly IReadOnlyList<string> All = [Admin, Recruiter, HiringManager, Interviewer];

    public static string DisplayName(string role) => role switch
    {
        HiringManager => "Hiring manager",
        _ => role,
    };
}
