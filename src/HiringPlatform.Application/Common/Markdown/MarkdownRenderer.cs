using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace HiringPlatform.Application.Common.Markdown;

// Posting texts are written in Markdown by staff and shown to the public, so every rendering goes through
// an allow-list sanitiser: raw HTML in the Markdown is allowed only where it is harmless, and no script,
// event handler, style or javascript: link survives. Views may emit the result with Html.Raw; nothing else.
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var html = Markdig.Markdown.ToHtml(markdown, Pipeline);
        return Sanitizer.Sanitize(html);
    }

    // Plain text for places that cannot show HTML (emails, meta descriptions).
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        return Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // The careers site's CSP blocks inline styles and remote images anyway; removing them keeps the output
        // honest (no tracking pixels, no layout that only works in the editor) and the console free of violations.
        foreach (var tag in new[] { "img", "form", "input", "button", "select", "option", "textarea", "label", "fieldset", "legend", "style", "font", "center" })
            sanitizer.AllowedTags.Remove(tag);
        foreach (var attribute in new[] { "style", "id", "class", "name", "tabindex", "accesskey", "target" })
            sanitizer.AllowedAttributes.Remove(attribute);
        sanitizer.AllowedAttributes.Add("rel");
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowDataAttributes = false;
        sanitizer.AllowedCssProperties.Clear();
        // Links written by staff lead off-site: no referrer, no window.opener, no SEO endorsement.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { TagName: "A" } link) link.SetAttribute("rel", "nofollow noopener noreferrer");
        };
        return sanitizer;
    }
}
