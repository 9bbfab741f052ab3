using HiringPlatform.Application.Common;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Careers;

// The candidate's time zone, as a <select> (the careers form is for strangers: a list to pick from, not type-ahead):
// the same zones as every other picker (TimeZones.Listed), ordered by their current offset. careers.js preselects the
// browser's own zone.
public sealed class TimeZoneSelectViewComponent(TimeProvider clock) : ViewComponent
{
    public sealed record Option(string Id, string Label);

    public IViewComponentResult Invoke(string name, string? selected, bool invalid)
    {
        var now = clock.GetUtcNow();
        var options = TimeZones.Listed
            .Select(z => (Zone: z, Offset: z.GetUtcOffset(now)))
            .OrderBy(x => x.Offset).ThenBy(x => x.Zone.Id, StringComparer.Ordinal)
            .Select(x => new Option(x.Zone.Id, $"(UTC{(x.Offset < TimeSpan.Zero ? "−" : "+")}{x.Offset:hh\\:mm}) {x.Zone.Id.Replace('_', ' ')}"))
            .ToList();
        return View("~/Features/Careers/TimeZoneSelect.cshtml", (name, selected, invalid, (IReadOnlyList<Option>)options));
    }
}
