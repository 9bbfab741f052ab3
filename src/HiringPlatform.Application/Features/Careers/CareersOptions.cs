namespace HiringPlatform.Application.Features.Careers;

// The "Careers" configuration section.
public sealed class CareersOptions
{
    public const string Section = "Careers";

    // Shown on the careers site, in emails and as the hiringOrganization of job-board data.
    public string CompanyName { get; set; } = "HiringPlatform";
    public string? CompanyUrl { get; set; }

    // Links in emails are absolute and must not depend on the Host header of whoever submitted a form.
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    // How long a candidate's private status link works.
    public int StatusLinkDays { get; set; } = 180;

    // Application posts per client address per hour (web layer rate limit).
    public int ApplyRateLimitPerHour { get; set; } = 20;

    public string Url(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
