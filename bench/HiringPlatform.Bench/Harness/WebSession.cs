using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace HiringPlatform.Bench.Harness;

// A browser-like session with its own cookie jar. Cookies are kept by hand: the app marks them Secure (it runs
// as Production behind a TLS-terminating proxy, which the harness imitates with X-Forwarded-Proto: https), and
// a cookie container would refuse to send Secure cookies over plain HTTP.
public sealed class WebSession(HttpClient http, string baseUrl)
{
    public const string ForwardedProto = "https";

    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public sealed record Page(HttpStatusCode Status, string Body, string? Location);

    public async Task<Page> GetAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, baseUrl + path);
        return await SendAsync(request, ct);
    }

    public async Task<Page> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + path) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request, ct);
    }

    private async Task<Page> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Add("X-Forwarded-Proto", ForwardedProto);
        if (_cookies.Count > 0) request.Headers.Add("Cookie", CookieHeader);
        using var response = await http.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            foreach (var header in setCookies)
            {
                var pair = header.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) continue;
                var name = pair[..eq].Trim();
                var value = pair[(eq + 1)..].Trim();
                // An expired cookie (TempData clearing itself) is a deletion.
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
                else _cookies[name] = value;
            }
        var body = await response.Content.ReadAsStringAsync(ct);
        return new Page(response.StatusCode, body, response.Headers.Location?.ToString());
    }

    // Signs in through the real form: GET for the antiforgery cookie and token, POST the credentials, expect the redirect.
    public async Task SignInAsync(string email, string password, CancellationToken ct)
    {
        var form = await GetAsync("/account/sign-in", ct);
        if (form.Status != HttpStatusCode.OK) throw new InvalidOperationException($"GET /account/sign-in answered {(int)form.Status}.");
        var token = FormReader.AntiforgeryToken(form.Body)
            ?? throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        var result = await PostFormAsync("/account/sign-in",
        [
            new("Email", email), new("Password", password), new("RememberMe", "false"), new("__RequestVerificationToken", token),
        ], ct);
        if (result.Status != HttpStatusCode.Redirect || !_cookies.Keys.Any(k => k.StartsWith("hp.auth", StringComparison.Ordinal)))
            throw new InvalidOperationException($"Signing in as {email} answered {(int)result.Status} without an auth cookie (is the data set's password hash right?).");
    }
}

// Reads a page's form the way a browser would submit it and turns it into a request body template.
public static class FormReader
{
    public static string? AntiforgeryToken(string html) =>
        (new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value;

    public sealed record Field(string Name, string? Value, bool IsFile);

    // The form that posts to actionPath (or the page's only POST form other than sign-out), with generic values:
    // hidden fields as they are, emails unique per request, the first real option of each select, the last
    // radio of each group, every checkbox ticked, the résumé PDF for file inputs, and the Submit button's value.
    public static List<Field> Fill(string html, string actionPath, string scenario, IReadOnlyDictionary<string, string>? overrides)
    {
        var doc = new HtmlParser().ParseDocument(html);
        var forms = doc.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)
                && !(f.GetAttribute("action") ?? "").Contains("sign-out", StringComparison.Ordinal))
            .ToList();
        var form = forms.FirstOrDefault(f => PathOf(f.GetAttribute("action")) == PathOf(actionPath))
            ?? (forms.Count == 1 ? forms[0] : null)
            ?? throw new InvalidOperationException($"No form posting to {actionPath} on the page ({forms.Count} POST forms).");

        var fields = new List<Field>();
        var radiosDone = new HashSet<string>();
        foreach (var element in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled")) continue;
            switch (element)
            {
                case IHtmlInputElement input:
                    var type = (input.Type ?? "text").ToLowerInvariant();
                    switch (type)
                    {
                        case "submit" or "button" or "reset" or "image":
                            continue;
                        case "hidden":
                            // A form's idempotency key names one submission: each request gets its own (BENCHKEY), as
                            // each person filling the form would, or every post after the first would be a replay.
                            fields.Add(new(name, name == "IdempotencyKey" ? "BENCHKEY" : input.Value, false));
                            break;
                        case "checkbox":
                            fields.Add(new(name, input.GetAttribute("value") ?? "on", false));
                            break;
                        case "radio":
                            if (!radiosDone.Add(name)) continue;
                            var last = form.QuerySelectorAll($"input[type=radio]").OfType<IHtmlInputElement>().Last(r => r.Name == name);
                            fields.Add(new(name, last.Value, false));
                            break;
                        case "file":
                            fields.Add(new(name, null, true));
                            break;
                        default:
                            fields.Add(new(name, TextValue(name, input.GetAttribute("inputmode") == "numeric" ? "number" : type, input.Value, scenario), false));
                            break;
                    }
                    break;
                case IHtmlSelectElement select:
                    var option = select.Options.FirstOrDefault(o => o.IsSelected && o.Value.Length > 0)
                        ?? select.Options.FirstOrDefault(o => o.Value.Length > 0);
                    if (option is not null) fields.Add(new(name, option.Value, false));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value.Length > 0 ? area.Value
                        : "Explained the trade-offs with concrete numbers and named what would break first.", false));
                    break;
            }
        }
        var submit = form.QuerySelectorAll("button[name], input[type=submit][name]")
            .OrderByDescending(b => b.TextContent.Contains("Submit", StringComparison.OrdinalIgnoreCase)
                || (b.GetAttribute("value") ?? "").Contains("submit", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();
        if (submit is not null) fields.Add(new(submit.GetAttribute("name")!, submit.GetAttribute("value") ?? "", false));

        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Name == name);
            fields.Add(new(name, value, false));
        }
        return fields;
    }

    private static string TextValue(string name, string type, string? current, string scenario)
    {
        var n = name.ToLowerInvariant();
        if (type == "email" || n.Contains("email", StringComparison.Ordinal)) return $"bench-{scenario}-BENCHUNIQUE@bench.example";
        if (!string.IsNullOrEmpty(current)) return current;
        if (n.Contains("linkedin", StringComparison.Ordinal)) return "https://www.linkedin.com/in/bench-applicant";
        if (n.Contains("github", StringComparison.Ordinal)) return "https://github.com/bench-applicant";
        if (n.Contains("location", StringComparison.Ordinal)) return "Lisbon, Portugal";
        return type switch
        {
            "number" => "150000",
            "url" => "https://example.com/bench",
            "tel" => "+1 555 0100",
            "date" => "2027-01-15",
            "datetime-local" => "2027-01-15T10:00",
            _ when n.Contains("salary", StringComparison.Ordinal) => "180000 USD",
            _ when n.Contains("currency", StringComparison.Ordinal) => "USD",
            _ when n.Contains("name", StringComparison.Ordinal) => "Bench Applicant",
            _ when n.Contains("phone", StringComparison.Ordinal) => "+1 555 0100",
            _ when n.Contains("url", StringComparison.Ordinal) || n.Contains("linkedin", StringComparison.Ordinal) => "https://example.com/bench",
            _ => "Two weeks",
        };
    }

    private static string PathOf(string? url)
    {
        if (string.IsNullOrEmpty(url)) return "";
        var q = url.IndexOfAny(['?', '#']);
        var path = q >= 0 ? url[..q] : url;
        if (Uri.TryCreate(path, UriKind.Absolute, out var abs)) path = abs.AbsolutePath;
        return path.TrimEnd('/').ToLowerInvariant();
    }

    public const string Boundary = "----HiringPlatformBench7MA4YWxkTrZu0gW";

    // multipart/form-data (what a form with a file input sends); BENCHUNIQUE/BENCHID stay in as tokens for the wrk script.
    public static byte[] Multipart(IEnumerable<Field> fields, byte[] pdf)
    {
        using var body = new MemoryStream();
        void Text(string s) => body.Write(Encoding.UTF8.GetBytes(s));
        foreach (var f in fields)
        {
            Text($"--{Boundary}\r\n");
            if (f.IsFile)
            {
                Text($"Content-Disposition: form-data; name=\"{f.Name}\"; filename=\"resume-BENCHUNIQUE.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
                body.Write(pdf);
                Text("\r\n");
            }
            else
            {
                Text($"Content-Disposition: form-data; name=\"{f.Name}\"\r\n\r\n{f.Value}\r\n");
            }
        }
        Text($"--{Boundary}--\r\n");
        return body.ToArray();
    }

    // application/x-www-form-urlencoded; the tokens are plain letters, so encoding leaves them intact.
    public static byte[] UrlEncoded(IEnumerable<Field> fields) =>
        Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value ?? ""))));
}
