using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace HiringPlatform.Testing;

// Reads pages like a browser would: parses the HTML, fills a form (keeping its hidden antiforgery token)
// and submits it to the form's own action.
public static class HtmlClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Parser.ParseDocumentAsync(html);
    }

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await response.ParseAsync());
    }

    // Submits the form matched by formSelector on the page at pageUrl, with the given fields overriding its own values.
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string formSelector,
        IDictionary<string, string>? fields = null, IDictionary<string, (string FileName, string ContentType, byte[] Content)>? files = null)
    {
        var (page, document) = await client.GetPageAsync(pageUrl);
        if (!page.IsSuccessStatusCode) throw new InvalidOperationException($"GET {pageUrl} answered {(int)page.StatusCode}.");
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        return await client.SubmitAsync(form, pageUrl, fields, files);
    }

    // action: a submit button's formaction, where it overrides the form's own.
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, string pageUrl,
        IDictionary<string, string>? fields = null, IDictionary<string, (string FileName, string ContentType, byte[] Content)>? files = null,
        string? action = null)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
                    values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected)) values.Add(new(select.Name, option.Value));
                    break;
            }
        }
        if (fields is not null)
        {
            foreach (var (name, value) in fields)
            {
                values.RemoveAll(v => v.Key == name);
                values.Add(new(name, value));
            }
        }
        action ??= string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        HttpContent content;
        if (files is { Count: > 0 } || string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in values) multipart.Add(new StringContent(value), name);
            foreach (var (name, file) in files ?? new Dictionary<string, (string, string, byte[])>())
            {
                var part = new ByteArrayContent(file.Content);
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
                multipart.Add(part, name, file.FileName);
            }
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(values);
        }
        return await client.PostAsync(action, content);
    }

    // The message shown next to a field (asp-validation-for renders data-valmsg-for="Field").
    public static string? FieldError(this IHtmlDocument document, string field) =>
        document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;
}
