namespace HiringPlatform.Application.Features.Careers.Shared;

// The "Careers" configuration section.
public sealed class CareersOptions
{
    public const string Section = "Careers";

    // Shown on the careers site, in emails and as the hiringOrganization of job-board data.
    public string CompanyName { get; set; } = "HiringPlatform";
    public string? CompanyUrl { get; set; }

    // How long a candidate's private status link works.
    public int StatusLinkDays { get; set; } = 180;

    // Operator override of the admin setting "applications per hour from one address" (for load tests and
    // incident response). Unset in normal deployments: the admin setting on /admin/settings is then the limit.
    public int? ApplyRateLimitPerHour { get; set; }
}
