using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Careers;

// The candidate's time zone: IANA zones of the server, the ones people actually live in (no Etc/ or legacy
// aliases), ordered by their current offset. careers.js preselects the browser's own zone.
public sealed class TimeZoneSelectViewComponent(TimeProvider clock) : ViewComponent
{
    private static readonly string[] Regions = ["Africa/", "America/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/"];

    public sealed record Option(string Id, string Label);

    public IViewComponentResult Invoke(string name, string? selected, bool invalid)
    {
        var now = clock.GetUtcNow();
        var options = TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.Id == "UTC" || Regions.Any(r => z.Id.StartsWith(r, StringComparison.Ordinal)))
            .Select(z => (Zone: z, Offset: z.GetUtcOffset(now)))
            .OrderBy(x => x.Offset).ThenBy(x => x.Zone.Id, StringComparer.Ordinal)
            .Select(x => new Option(x.Zone.Id, $"(UTC{(x.Offset < TimeSpan.Zero ? "−" : "+")}{x.Offset:hh\\:mm}) {x.Zone.Id.Replace('_', ' ')}"))
            .ToList();
        return View("~/Features/Careers/TimeZoneSelect.cshtml", (name, selected, invalid, (IReadOnlyList<Option>)options));
    }
}
