using System.Collections.Concurrent;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using HiringPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HiringPlatform.WebTests.Fuzz;

// Its own app and database: fuzzed requests change settings, erase candidates and trip rate limits, which the
// other web tests should never see.
public sealed class FuzzFixture : AppFixture
{
    protected override string DatabaseName => "fuzz";

    // The exception behind each 500, for the failure message (the error page itself only shows a reference).
    public ConcurrentQueue<string> ServerErrors { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter>(new CaptureErrors(ServerErrors));

    private sealed class CaptureErrors(ConcurrentQueue<string> errors) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                await inner(context);
                if (context.Response.StatusCode >= 500 && context.Features.Get<IExceptionHandlerFeature>()?.Error is { } error)
                    errors.Enqueue($"{context.Request.Method} {context.Request.Path}: {error.GetType().Name}: {error.Message.Split('\n')[0]}");
            });
            next(app);
        };
    }
}

[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzFixture>
{
    public const string Name = "fuzz";
}

[Collection(FuzzCollection.Name)]
public sealed class FormFuzzTests(FuzzFixture fixture, ITestOutputHelper output) : TestBase<FuzzFixture>(fixture)
{
    private const string TokenField = "__RequestVerificationToken";

    [Fact]
    public void Should_discover_forms_and_query_models_from_the_app_metadata()
    {
        var actions = FuzzCatalog.Discover(App.Services);
        Assert.True(actions.Count(a => a.Method == "POST") >= 70, $"only {actions.Count(a => a.Method == "POST")} forms found");
        var apply = Assert.Single(actions, a => a.Method == "POST" && a.Template == "careers/{id:guid}/apply");
        Assert.Contains(apply.Fields, f => f.Key == "Email");
        Assert.Contains(apply.Fields, f => f.Key.StartsWith("Answers[0].", StringComparison.Ordinal));
        Assert.True(apply.Multipart);
        Assert.Contains(actions, a => a.Method == "GET" && a.Template == "candidates" && a.Fields.Any(f => f.Key == "AppliedTo"));
        Assert.Contains(actions, a => a.Method == "GET" && a.Template.EndsWith("/board", StringComparison.Ordinal) && a.Fields.Any(f => f.Key == "Days"));
    }

    // The fast subset: a fixed seed, in every ./build.sh test.
    [Fact]
    public Task Should_answer_every_fuzzed_form_and_query_without_a_server_error() => FuzzAsync(seed: 20261207, requests: 1_500);

    // The long run (./build.sh test-long): FUZZ_SEED picks another seed to explore, FUZZ_REQUESTS the size.
    [Fact]
    [Trait("Category", "Long")]
    public Task Should_answer_ten_thousand_fuzzed_requests_without_a_server_error() =>
        FuzzAsync(int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var seed) ? seed : 7,
            int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), out var n) ? n : 10_000);

    private async Task FuzzAsync(int seed, int requests)
    {
        var world = await FuzzWorld.CreateAsync(App);
        var values = new FuzzValues(seed, world);
        var actions = FuzzCatalog.Discover(App.Services);
        var client = App.CreateClientAs(world.Admin);
        var token = await AntiforgeryTokenAsync(client);
        App.ServerErrors.Clear();

        var failures = new List<string>();
        var tokenRefreshes = new List<string>();
        var silentKnown = 0;
        var previous = "";
        var statuses = new SortedDictionary<int, int>();
        for (var i = 0; i < requests; i++)
        {
            // Every action in turn, so each one gets its share whatever the seed.
            var action = actions[i % actions.Count];
            if (i > 0 && i % 300 == 0) await world.SeedAsync(App);
            var build = BuildRequest(action, world, values);
            using var request = build(token);
            var description = $"#{i} {request.Method} {request.RequestUri}";
            var response = await client.SendAsync(request);
            var explained = await ExplainedAsync(response);
            if (action.Method == "POST" && response.StatusCode == HttpStatusCode.BadRequest && !explained)
            {
                // The antiforgery cookie went (a fuzzed sign-out or account change replaced it): a real browser
                // would load the form again. Take a fresh token and send the same values once more.
                response.Dispose();
                token = await AntiforgeryTokenAsync(client);
                tokenRefreshes.Add($"{previous} -> {description}");
                using var again = build(token);
                response = await client.SendAsync(again);
                explained = await ExplainedAsync(response);
            }
            previous = description;
            using var disposeResponse = response;
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                App.ServerErrors.TryDequeue(out var error);
                failures.Add($"{description} answered {status}: {error ?? "(no exception captured)"}");
            }
            else if (!explained && KnownSilentRefusals.Contains(action.Template))
            {
                silentKnown++;
            }
            else if (!explained)
            {
                failures.Add($"{description} answered {status} without a message next to a field or on the form");
            }
        }

        output.WriteLine($"seed {seed}: {requests} requests over {actions.Count} actions; statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        foreach (var refresh in tokenRefreshes) output.WriteLine($"antiforgery token taken again: {refresh}");
        output.WriteLine($"refusals not shown on the known pages below: {silentKnown}");
        foreach (var failure in failures.Take(200)) output.WriteLine(failure);
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {requests} fuzzed requests failed (seed {seed}):\n" + string.Join("\n", failures.DistinctBy(Signature).Take(40)));
    }

    // Pages that show the refused form only in some states (the scorecard once submitted, the decision page, a
    // competency's page after a refused delete), so a refusal there can go unshown. Known and left for a follow-up;
    // 5xx answers are never excused, and any other route that hides a refusal fails the test.
    private static readonly HashSet<string> KnownSilentRefusals =
    [
        "interviews/{id:guid}/scorecard", "interviews/{id:guid}/scorecard/amend", "applications/{id:guid}/decision",
        "competencies/{id:guid}/delete",
    ];

    // Failures grouped by route and error, so one bug is listed once.
    private static string Signature(string failure) =>
        string.Concat(failure.Split(' ').Skip(1).Take(1).Select(s => s.Split('?')[0])) + failure[(failure.IndexOf(" answered", StringComparison.Ordinal))..];

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var (response, document) = await client.GetPageAsync("/candidates/new");
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET /candidates/new answered {(int)response.StatusCode}");
        return (document.QuerySelector($"input[name='{TokenField}']") as IHtmlInputElement)?.Value
               ?? throw new InvalidOperationException("No antiforgery token on /candidates/new");
    }

    private static async Task<bool> ExplainedAsync(HttpResponseMessage response) =>
        response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity) || await NamesARefusalAsync(response);

    // A 400/422 must say what was wrong: a message next to a field (data-valmsg-for) or the form-level summary.
    private static async Task<bool> NamesARefusalAsync(HttpResponseMessage response)
    {
        var document = await response.ParseAsync();
        return document.QuerySelectorAll("[data-valmsg-for]").Any(e => e.TextContent.Trim().Length > 0)
               || document.QuerySelectorAll(".validation-summary-errors li").Any(e => e.TextContent.Trim().Length > 0);
    }

    // The values are drawn once; the returned function builds the request (again, with a new token if need be).
    private static Func<string, HttpRequestMessage> BuildRequest(FuzzAction action, FuzzWorld world, FuzzValues values)
    {
        var random = values.Random;
        var path = "/" + FuzzCatalog.RouteParameters(action.Template).Aggregate(action.Template,
            (t, p) => System.Text.RegularExpressions.Regex.Replace(t, @"\{\*?" + p.Name + @"(:[^}]*)?\}", world.RouteValue(action.Template, p.Name, p.Constraint, random)));

        var pairs = new List<(string Key, WireValue Value)>();
        var files = new List<(string Key, string Name, byte[] Content)>();
        foreach (var field in action.Fields)
        {
            if (random.Next(12) == 0) continue; // missing altogether
            switch (field.Kind)
            {
                case FieldKind.File:
                    var (name, content) = values.File();
                    files.Add((field.Key, name, content));
                    break;
                case FieldKind.List:
                    var count = random.Next(5) switch { 0 => 0, 1 => 12, _ => random.Next(1, 4) };
                    for (var n = 0; n < count; n++) pairs.Add((field.Key, values.For(field.Key, field.Type)));
                    break;
                case FieldKind.Dictionary:
                    var entries = random.Next(4);
                    for (var n = 0; n < entries; n++)
                        pairs.Add(($"{field.Key}[{values.For(field.Key, field.KeyType!).Text}]", values.For(field.Key, field.Type)));
                    break;
                default:
                    pairs.Add((field.Key, values.For(field.Key, field.Type)));
                    // A duplicated key: MVC binds the first value of a simple field; the rest must not matter.
                    if (random.Next(15) == 0) pairs.Add((field.Key, values.For(field.Key, field.Type)));
                    break;
            }
        }
        Pin(action, pairs);

        if (action.Method == "GET")
            return _ => new HttpRequestMessage(HttpMethod.Get, pairs.Count == 0 ? path : path + "?" + Encode(pairs));
        return token => new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(action, [.. pairs, (TokenField, token)], files) };
    }

    private static HttpContent Body(FuzzAction action, List<(string Key, WireValue Value)> pairs, List<(string Key, string Name, byte[] Content)> files)
    {
        HttpContent body;
        if (action.Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in pairs)
                multipart.Add(new StringContent(value.Raw ? Uri.UnescapeDataString(value.Text) : value.Text), key);
            foreach (var (key, name, content) in files)
            {
                var part = new ByteArrayContent(content);
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
                try
                {
                    multipart.Add(part, key, name);
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException)
                {
                    multipart.Add(part, key, "cv.pdf"); // HttpClient itself refuses an empty name or CR/LF in a header
                }
            }
            body = multipart;
        }
        else
        {
            body = new StringContent(Encode(pairs), Encoding.ASCII, "application/x-www-form-urlencoded");
        }
        return body;
    }

    // Fields whose fuzzing would only lock the fuzzer out of the rest of the app (two-step required for staff).
    private static void Pin(FuzzAction action, List<(string Key, WireValue Value)> pairs)
    {
        if (action.Template == "admin/settings")
        {
            pairs.RemoveAll(p => p.Key == "RequireTwoFactor");
            pairs.Add(("RequireTwoFactor", "false"));
        }
    }

    private static string Encode(IEnumerable<(string Key, WireValue Value)> pairs) =>
        string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + (p.Value.Raw ? p.Value.Text : Escape(p.Value.Text))));

    // Uri.EscapeDataString refuses a lone surrogate; such a string is sent as the bytes a careless client would send.
    private static string Escape(string text)
    {
        try
        {
            return Uri.EscapeDataString(text);
        }
        catch (UriFormatException)
        {
            return "%ED%A0%80";
        }
    }
}
