using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Testing;
using HiringPlatform.WebTests.Observability;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Xunit.Abstractions;
using ActivityKind = HiringPlatform.Application.Domain.Candidates.ActivityKind;

namespace HiringPlatform.WebTests.Faults;

// PostgreSQL restarts under a load of applications, notes and scorecard submissions from several clients.
// While it is down, pages answer 503 with Retry-After (never 500); afterwards the app serves again without a
// restart; every write the app acknowledged is stored, and none twice. Clients behave like people: on a 503 they
// send the same form again (same idempotency key), until it is acknowledged.
[Trait("Category", "Long")]
public sealed class DatabaseRestartTests(DatabaseRestartTests.OwnClusterApp app, ITestOutputHelper output)
    : IClassFixture<DatabaseRestartTests.OwnClusterApp>
{
    public sealed class OwnClusterApp : AppFixture
    {
        public OwnPostgresCluster Cluster { get; private set; } = null!;

        // The app's own log (Program reads sinks from the services): a failure prints the errors behind any 500.
        public CapturedLogs Logs { get; } = new();

        protected override string DatabaseName => "fault";

        public override async Task InitializeAsync()
        {
            Cluster = await OwnPostgresCluster.StartAsync();
            ConnectionString = await Cluster.CreateDatabaseAsync("hiring");
        }

        public override async Task DisposeAsync()
        {
            ConnectionString = ""; // Not on the shared server: nothing to drop there.
            await base.DisposeAsync();
            await Cluster.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Careers:ApplyRateLimitPerHour", "1000000");
            builder.UseSetting("Email:DispatcherEnabled", "false");
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
        }
    }

    private sealed class Tally
    {
        public readonly ConcurrentDictionary<string, int> Statuses = new();
        public readonly ConcurrentBag<string> Unexpected = [];
        public readonly ConcurrentBag<string> AcknowledgedNotes = [];
        public readonly ConcurrentBag<string> AcknowledgedApplications = [];
        public readonly ConcurrentBag<(Guid Interview, Guid Interviewer)> AcknowledgedScorecards = [];
        public readonly ConcurrentBag<string> AttemptedNotes = [];
        public readonly ConcurrentBag<string> AttemptedApplications = [];
        public int Replays;
        public volatile string Phase = "before";
        public readonly ConcurrentDictionary<string, int> ByPhase = new();
        public int MissingRetryAfter;

        public int Count(int status) => Statuses.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Should_answer_503_while_the_database_restarts_then_recover_and_store_every_acknowledged_write_once()
    {
        var team = await app.CreateTeamAsync();
        var (candidateId, _) = await app.CreateApplicantAsync(team.Posting, "Noted Candidate");
        var scorecards = new ConcurrentQueue<(Guid InterviewId, TestUser Interviewer, Application.Features.Interviews.SaveScorecard.Command Command)>();
        // One interviewer per interview: two people submitting on one application at once is a conflict of its
        // own (the application's score is recalculated), not what this test is about.
        for (var i = 0; i < 40; i++)
        {
            var interviewer = i % 2 == 0 ? team.Alice : team.Bob;
            var (_, applicationId) = await app.CreateApplicantAsync(team.Posting, $"Interviewed Candidate {i}");
            var interviewId = await app.CreatePastInterviewAsync(applicationId, [interviewer]);
            scorecards.Enqueue((interviewId, interviewer, await app.ScorecardAsync(interviewId, interviewer)));
        }
        // Warm up (first requests compile views), so the load runs at speed before the first restart.
        using (var warm = app.CreateClientAs(team.Recruiter))
        {
            await warm.GetAsync($"/candidates/{candidateId}");
            await warm.GetAsync($"/careers/{team.Posting.Id}/apply");
        }

        var tally = new Tally();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var clients = new List<Task>();
        for (var c = 0; c < 2; c++)
        {
            var n = c;
            clients.Add(Task.Run(() => ApplyLoopAsync(team.Posting.Id, n, tally, stop.Token)));
            clients.Add(Task.Run(() => NoteLoopAsync(candidateId, n == 0 ? team.Recruiter : team.Manager, n, tally, stop.Token)));
            clients.Add(Task.Run(() => ScorecardLoopAsync(scorecards, tally, stop.Token)));
        }

        // A quick restart first (the retrying execution strategy should ride through most of it), then a longer
        // outage than the retries cover, during which the app must answer 503.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var writesBeforeRestart = tally.AcknowledgedNotes.Count + tally.AcknowledgedApplications.Count + tally.AcknowledgedScorecards.Count;
        tally.Phase = "restart";
        await app.Cluster.RestartServerAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: restarted (pg_ctl restart -m fast)");
        await Task.Delay(TimeSpan.FromSeconds(5));
        tally.Phase = "down";
        await app.Cluster.StopServerAsync();
        var downAt = clock.Elapsed;
        output.WriteLine($"{downAt.TotalSeconds:0.0} s: stopped");
        var probe = app.CreateClientAs(null);
        var readyWhileDown = await probe.GetAsync("/health/ready");
        var pageWhileDown = await probe.GetAsync("/careers");
        while (clock.Elapsed - downAt < TimeSpan.FromSeconds(12)) await Task.Delay(200);
        await app.Cluster.StartServerAsync();
        tally.Phase = "back up";
        var upAt = clock.Elapsed;
        output.WriteLine($"{upAt.TotalSeconds:0.0} s: started again after {(upAt - downAt).TotalSeconds:0.0} s down");
        await Task.Delay(TimeSpan.FromSeconds(6));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var readyAfter = await probe.GetAsync("/health/ready");
        var pageAfter = await probe.GetAsync("/careers");

        var storedNotes = await app.WithDbAsync(db => db.CandidateNotes.AsNoTracking().Where(n => n.Body.StartsWith("fault-note-"))
            .GroupBy(n => n.Body).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        var storedApplications = await app.WithDbAsync(db => db.Applications.AsNoTracking()
            .Where(a => a.PostingId == team.Posting.Id)
            .Join(db.Candidates, a => a.CandidateId, c => c.Id, (a, c) => c.Email)
            .Where(e => e.StartsWith("fault-apply-"))
            .GroupBy(e => e).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        var submitted = await app.WithDbAsync(db => db.Scorecards.AsNoTracking().Where(s => s.Status == ScorecardStatus.Submitted)
            .Select(s => new { s.InterviewId, s.InterviewerId }).ToListAsync());
        var submittedEvents = await app.WithDbAsync(db => db.ActivityEvents.AsNoTracking().Where(e => e.Kind == ActivityKind.ScorecardSubmitted)
            .GroupBy(e => new { e.ApplicationId, e.ActorId }).Select(g => g.Count()).ToListAsync());
        var storedKeys = await app.WithDbAsync(db => db.IdempotencyRecords.CountAsync());

        var acknowledged = tally.AcknowledgedNotes.Count + tally.AcknowledgedApplications.Count + tally.AcknowledgedScorecards.Count;
        var stored = storedNotes.Count + storedApplications.Count + submitted.Count;
        output.WriteLine($"Requests by status: {string.Join(", ", tally.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
        output.WriteLine($"By phase: {string.Join(", ", tally.ByPhase.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
        output.WriteLine($"Forms sent again after a 503: {tally.Replays}; idempotency keys stored: {storedKeys}");
        output.WriteLine($"Writes acknowledged: {acknowledged} (notes {tally.AcknowledgedNotes.Count}, applications {tally.AcknowledgedApplications.Count}, " +
                         $"scorecards {tally.AcknowledgedScorecards.Count}); {writesBeforeRestart} before the first restart");
        output.WriteLine($"Writes stored: {stored} (notes {storedNotes.Count}, applications {storedApplications.Count}, scorecards {submitted.Count}); " +
                         $"duplicates: notes {storedNotes.Values.Count(v => v > 1)}, applications {storedApplications.Values.Count(v => v > 1)}, " +
                         $"scorecard events {submittedEvents.Count(v => v > 1)}");
        foreach (var line in tally.Unexpected.Take(20)) output.WriteLine($"Unexpected: {line}");
        if (!tally.Unexpected.IsEmpty)
            foreach (var error in app.Logs.Snapshot().Where(e => e.Level >= LogEventLevel.Error).Take(10))
                output.WriteLine($"App error: {error.RenderMessage()} {error.Exception}");

        Assert.Empty(tally.Unexpected);
        Assert.Equal(0, tally.Count(500));
        Assert.True(tally.Count(503) > 0, "The longer outage should have produced 503 answers.");
        Assert.Equal(0, tally.MissingRetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileDown.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pageWhileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageAfter.StatusCode);
        // Every acknowledged write is stored, exactly once; nothing is stored that was never sent.
        Assert.All(tally.AcknowledgedNotes, marker => Assert.Equal(1, storedNotes.GetValueOrDefault(marker)));
        Assert.All(tally.AcknowledgedApplications, marker => Assert.Equal(1, storedApplications.GetValueOrDefault(marker)));
        Assert.All(storedNotes, s => Assert.Equal(1, s.Value));
        Assert.All(storedApplications, s => Assert.Equal(1, s.Value));
        Assert.Subset(tally.AttemptedNotes.ToHashSet(), storedNotes.Keys.ToHashSet());
        Assert.Subset(tally.AttemptedApplications.ToHashSet(), storedApplications.Keys.ToHashSet());
        var submittedSet = submitted.Select(s => (s.InterviewId, s.InterviewerId)).ToHashSet();
        Assert.All(tally.AcknowledgedScorecards, s => Assert.Contains(s, submittedSet));
        Assert.All(submittedEvents, count => Assert.Equal(1, count));
        Assert.True(acknowledged > writesBeforeRestart, "Writes should have been acknowledged after the restart too.");
    }

    private async Task ApplyLoopAsync(Guid postingId, int client, Tally tally, CancellationToken stop)
    {
        using var http = app.CreateClientAs(null);
        var pageUrl = $"/careers/{postingId}/apply";
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var email = $"fault-apply-{client}-{n}@example.com";
            var form = await GetFormAsync(http, pageUrl, "form[enctype='multipart/form-data']", tally);
            if (form is null) continue;
            tally.AttemptedApplications.Add(email);
            var fields = new Dictionary<string, string>
            {
                ["FullName"] = $"Fault Applicant {client} {n}", ["Email"] = email, ["Location"] = "Lisbon, Portugal",
                ["TimeZoneId"] = "Europe/Lisbon", ["Answers[0].Value"] = "Yes", ["Answers[1].Value"] = "100000",
                ["Answers[1].Currency"] = "EUR", ["Answers[2].Value"] = "One month", ["Consent"] = "true",
            };
            var files = new Dictionary<string, (string, string, byte[])> { ["ResumeFile"] = ("cv.pdf", "application/pdf", TestResumes.Pdf("Fault Applicant", "Engineer")) };
            if (await SendUntilAcknowledgedAsync(() => http.SubmitAsync(form, pageUrl, fields, files), $"apply {email}", tally))
                tally.AcknowledgedApplications.Add(email);
        }
    }

    private async Task NoteLoopAsync(Guid candidateId, TestUser author, int client, Tally tally, CancellationToken stop)
    {
        using var http = app.CreateClientAs(author);
        var pageUrl = $"/candidates/{candidateId}";
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var form = await GetFormAsync(http, pageUrl, $"form[action='/candidates/{candidateId}/notes']", tally);
            if (form is null) continue;
            var body = $"fault-note-{client}-{n}";
            tally.AttemptedNotes.Add(body);
            if (await SendUntilAcknowledgedAsync(() => http.SubmitAsync(form, pageUrl, new Dictionary<string, string> { ["Body"] = body }),
                    $"note {body}", tally))
                tally.AcknowledgedNotes.Add(body);
        }
    }

    private async Task ScorecardLoopAsync(
        ConcurrentQueue<(Guid InterviewId, TestUser Interviewer, Application.Features.Interviews.SaveScorecard.Command Command)> queue,
        Tally tally, CancellationToken stop)
    {
        var clients = new Dictionary<Guid, HttpClient>();
        try
        {
            while (!stop.IsCancellationRequested && queue.TryDequeue(out var item))
            {
                if (!clients.TryGetValue(item.Interviewer.Id, out var http)) clients[item.Interviewer.Id] = http = app.CreateClientAs(item.Interviewer);
                var pageUrl = $"/interviews/{item.InterviewId}/scorecard";
                var form = await GetFormAsync(http, pageUrl, $"form[action='/interviews/{item.InterviewId}/scorecard']", tally);
                if (form is null) continue;
                var fields = new Dictionary<string, string>
                {
                    ["Recommendation"] = item.Command.Recommendation!.Value.ToString(),
                    ["SupportedLevel"] = item.Command.SupportedLevel!.Value.ToString(),
                    ["PrivateNote"] = item.Command.PrivateNote ?? "",
                    ["Submit"] = "true",
                };
                for (var i = 0; i < item.Command.Ratings.Count; i++)
                {
                    fields[$"Ratings[{i}].CompetencyId"] = item.Command.Ratings[i].CompetencyId.ToString();
                    fields[$"Ratings[{i}].Rating"] = item.Command.Ratings[i].Rating!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    fields[$"Ratings[{i}].Evidence"] = item.Command.Ratings[i].Evidence ?? "";
                }
                if (await SendUntilAcknowledgedAsync(() => http.SubmitAsync(form, pageUrl, fields), $"scorecard {item.InterviewId}", tally))
                    tally.AcknowledgedScorecards.Add((item.InterviewId, item.Interviewer.Id));
            }
        }
        finally
        {
            foreach (var http in clients.Values) http.Dispose();
        }
    }

    // The form page, retried while the app answers 503 (up to two minutes); null after an unexpected answer.
    private static async Task<IHtmlFormElement?> GetFormAsync(HttpClient http, string pageUrl, string selector, Tally tally)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            var response = await http.GetAsync(pageUrl);
            Record(response, tally);
            if (response.StatusCode == HttpStatusCode.OK)
                return (await response.ParseAsync()).QuerySelector(selector) as IHtmlFormElement
                       ?? throw new InvalidOperationException($"No form '{selector}' on {pageUrl}.");
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                tally.Unexpected.Add($"GET {pageUrl}: {(int)response.StatusCode}");
                return null;
            }
            await Task.Delay(500);
        }
        tally.Unexpected.Add($"GET {pageUrl}: still 503 after two minutes");
        return null;
    }

    // Sends the same form (same antiforgery token, same idempotency key) until the app acknowledges it with a
    // redirect, as a person would after a "try again" page. True when acknowledged.
    private static async Task<bool> SendUntilAcknowledgedAsync(Func<Task<HttpResponseMessage>> send, string what, Tally tally)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (attempt > 0) Interlocked.Increment(ref tally.Replays);
            var response = await send();
            Record(response, tally);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found) return true;
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                var page = await response.ParseAsync();
                var message = page.QuerySelector(".alert-danger, .validation-summary-errors, h1")?.TextContent.Trim() ?? "";
                tally.Unexpected.Add($"POST {what}: {(int)response.StatusCode} {message[..Math.Min(300, message.Length)]}");
                return false;
            }
            await Task.Delay(500);
        }
        tally.Unexpected.Add($"POST {what}: still 503 after two minutes");
        return false;
    }

    private static void Record(HttpResponseMessage response, Tally tally)
    {
        var code = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        tally.Statuses.AddOrUpdate(code, 1, (_, n) => n + 1);
        tally.ByPhase.AddOrUpdate($"{tally.Phase} {code}", 1, (_, n) => n + 1);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is null)
            Interlocked.Increment(ref tally.MissingRetryAfter);
    }
}
