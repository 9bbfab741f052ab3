using System.Globalization;
using System.Security.Claims;
using HiringPlatform.Application.Common;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using NodaTime;

namespace HiringPlatform.Web.Infrastructure;

// Times are stored in UTC and shown in the viewer's own zone (the time_zone claim from their profile).
//   <time-local value="@Model.StartsAt" />            → <time datetime="2026-11-23T13:05:00Z" title="…">23 Nov 2026, 14:05 CET</time>
//   <time-local value="@x" date-only="true" />         → 23 Nov 2026
//   <time-local value="@x" zone="@candidateZone" />    → in another zone (for example the candidate's)
//   @Html.LocalTime(x)                                 → the same, from code
//   TimeDisplay.Format(x, TimeDisplay.ZoneOf(User))    → the text only (emails, CSV exports)
public static class TimeDisplay
{
    public static TimeZoneInfo ZoneOf(ClaimsPrincipal? user) =>
        Find(user?.FindFirst(AppClaimsPrincipalFactory.TimeZone)?.Value);

    public static TimeZoneInfo Find(string? timeZoneId) => TimeZones.FindOrUtc(timeZoneId);

    public static string Format(DateTimeOffset utc, TimeZoneInfo zone, bool dateOnly = false)
    {
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        var text = local.ToString(dateOnly ? "d MMM yyyy" : "d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        return dateOnly ? text : $"{text} {Abbreviation(zone, local)}";
    }

    // The tz database's own abbreviation where it has a lettered one (CET, CEST, EST, IST, JST), otherwise the
    // offset ("UTC+04:00" for Asia/Dubai, whose database name is just "+04").
    public static string Abbreviation(TimeZoneInfo zone, DateTimeOffset local)
    {
        if (zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC") return "UTC";
        var tz = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id);
        var name = tz?.GetZoneInterval(Instant.FromDateTimeOffset(local)).Name;
        if (!string.IsNullOrEmpty(name) && name.All(char.IsAsciiLetterUpper)) return name;
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"UTC{sign}{offset:hh\\:mm}";
    }

    public static IHtmlContent LocalTime(this IHtmlHelper html, DateTimeOffset? value, bool dateOnly = false)
    {
        if (value is null) return HtmlString.Empty;
        var zone = ZoneOf(html.ViewContext.HttpContext.User);
        var element = new TagBuilder("time");
        element.Attributes["datetime"] = Iso(value.Value);
        element.Attributes["title"] = Format(value.Value, TimeZoneInfo.Utc);
        element.InnerHtml.Append(Format(value.Value, zone, dateOnly));
        return element;
    }

    internal static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

[HtmlTargetElement("time-local", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TimeLocalTagHelper(IHttpContextAccessor accessor) : TagHelper
{
    public DateTimeOffset? Value { get; set; }
    public string? Zone { get; set; }
    public bool DateOnly { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Value is null)
        {
            output.SuppressOutput();
            return;
        }
        var zone = Zone is not null ? TimeDisplay.Find(Zone) : TimeDisplay.ZoneOf(accessor.HttpContext?.User);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", TimeDisplay.Iso(Value.Value));
        // Hovering shows UTC: handy when two people in different zones compare notes.
        if (zone != TimeZoneInfo.Utc) output.Attributes.SetAttribute("title", TimeDisplay.Format(Value.Value, TimeZoneInfo.Utc));
        output.Content.SetContent(TimeDisplay.Format(Value.Value, zone, DateOnly));
    }
}

// <time-zone-options id="time-zones" /> renders a <datalist> of IANA zones; an <input list="time-zones">
// then offers type-to-search suggestions without any script.
[HtmlTargetElement("time-zone-options", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TimeZoneOptionsTagHelper(TimeProvider clock) : TagHelper
{
    public string Id { get; set; } = "time-zones";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var now = clock.GetUtcNow();
        output.TagName = "datalist";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", Id);
        foreach (var zone in TimeZones.Listed.Select(z => (Zone: z, Offset: z.GetUtcOffset(now))).OrderBy(z => z.Offset).ThenBy(z => z.Zone.Id, StringComparer.Ordinal))
        {
            var option = new TagBuilder("option") { TagRenderMode = TagRenderMode.Normal };
            option.Attributes["value"] = zone.Zone.Id;
            var sign = zone.Offset < TimeSpan.Zero ? "-" : "+";
            option.InnerHtml.Append($"UTC{sign}{zone.Offset:hh\\:mm} {zone.Zone.Id.Replace('_', ' ')}");
            output.Content.AppendHtml(option);
        }
    }
}
