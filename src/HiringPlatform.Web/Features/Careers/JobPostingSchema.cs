using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Markdown;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Features.Careers;
using HiringPlatform.Application.Features.Careers.Shared;

namespace HiringPlatform.Web.Features.Careers;

// schema.org JobPosting data (https://schema.org/JobPosting, as Google for Jobs reads it) for the JSON-LD block on
// each posting page and for the feed. The description is the sanitised HTML of the posting's texts.
public static class JobPostingSchema
{
    // The default encoder escapes <, >, & and quotes as \uXXXX: a title containing "</script>" cannot close the
    // JSON-LD script element it is embedded in.
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    public static JsonObject Build(GetCareersPosting.Model p, CareersOptions options, IAppUrls urls)
    {
        var organization = new JsonObject { ["@type"] = "Organization", ["name"] = options.CompanyName };
        if (!string.IsNullOrWhiteSpace(options.CompanyUrl)) organization["sameAs"] = options.CompanyUrl;

        var job = new JsonObject
        {
            ["@context"] = "https://schema.org/",
            ["@type"] = "JobPosting",
            ["title"] = p.Title,
            ["description"] = DescriptionHtml(p),
            ["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["name"] = options.CompanyName, ["value"] = p.Id.ToString() },
            ["datePosted"] = p.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["employmentType"] = p.EmploymentType switch
            {
                EmploymentType.PartTime => "PART_TIME",
                EmploymentType.Contract => "CONTRACTOR",
                _ => "FULL_TIME",
            },
            ["hiringOrganization"] = organization,
            ["industry"] = "Software",
            ["occupationalCategory"] = "15-1252.00 Software Developers",
            ["url"] = urls.Absolute($"/careers/{p.Id}"),
            ["directApply"] = true,
        };
        if (p.LocationType == LocationType.Remote)
        {
            job["jobLocationType"] = "TELECOMMUTE";
            if (Place(p.Location) is { } region) job["applicantLocationRequirements"] = new JsonObject { ["@type"] = "AdministrativeArea", ["name"] = region };
        }
        else
        {
            job["jobLocation"] = new JsonObject
            {
                ["@type"] = "Place",
                ["address"] = Address(p.Location),
            };
        }
        if (p.ShowsSalary)
        {
            job["baseSalary"] = new JsonObject
            {
                ["@type"] = "MonetaryAmount",
                ["currency"] = p.SalaryCurrency,
                ["value"] = new JsonObject
                {
                    ["@type"] = "QuantitativeValue",
                    ["minValue"] = p.SalaryMin,
                    ["maxValue"] = p.SalaryMax,
                    ["unitText"] = "YEAR",
                },
            };
        }
        if (p.Headcount > 1) job["totalJobOpenings"] = p.Headcount;
        return job;
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(Json);

    public static string DescriptionHtml(GetCareersPosting.Model p)
    {
        var html = MarkdownRenderer.ToSafeHtml(p.DescriptionMarkdown);
        foreach (var (heading, text) in Sections(p))
            if (!string.IsNullOrWhiteSpace(text)) html += $"<h3>{heading}</h3>" + MarkdownRenderer.ToSafeHtml(text);
        return html;
    }

    public static IEnumerable<(string Heading, string Markdown)> Sections(GetCareersPosting.Model p) =>
    [
        ("Responsibilities", p.ResponsibilitiesMarkdown),
        ("Qualifications", p.QualificationsMarkdown),
        ("Perks and benefits", p.PerksMarkdown),
    ];

    // "Berlin, Germany" → locality Berlin, country Germany; a single word is taken as the locality.
    private static JsonObject Address(string? location)
    {
        var address = new JsonObject { ["@type"] = "PostalAddress" };
        var parts = (location ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return address;
        address["addressLocality"] = parts[0];
        if (parts.Length > 1) address["addressCountry"] = parts[^1];
        return address;
    }

    // A remote posting's location ("Remote, Europe") names where applicants may live; plain "Remote" names nothing.
    private static string? Place(string? location)
    {
        var rest = (location ?? "").Replace("Remote", "", StringComparison.OrdinalIgnoreCase).Trim(' ', ',', '-', '·', '(', ')');
        return rest.Length > 0 ? rest : null;
    }
}
