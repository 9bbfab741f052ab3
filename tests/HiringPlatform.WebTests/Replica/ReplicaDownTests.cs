using System.Diagnostics;
using System.Net;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Xunit.Abstractions;

namespace HiringPlatform.WebTests.Replica;

// The replica goes away while the app holds pooled connections to it: the marked pages keep answering 200 from the
// primary (no 500, no 503), and after the retry pause they read the replica again once it is back (ADR-0020).
public sealed class ReplicaDownTests(OwnReplicaApp app, ITestOutputHelper output) : TestBase<OwnReplicaApp>(app), IClassFixture<OwnReplicaApp>
{
    [Fact]
    public async Task Should_serve_marked_pages_from_the_primary_while_the_replica_is_down_and_go_back_to_it_when_it_returns()
    {
        var team = await App.CreateTeamAsync();
        await App.CreateApplicantAsync(team.Posting, "Ada Lovelace");
        var admin = await App.CreateUserAsync("Down Admin", Roles.Admin);
        await App.CatchUpAsync();
        using var visitor = App.CreateClientAs(null);
        using var recruiter = App.CreateClientAs(team.Recruiter);
        using var manager = App.CreateClientAs(team.Manager);
        using var adminClient = App.CreateClientAs(admin);
        var marked = new (HttpClient Client, string Url, string Shows)[]
        {
            (visitor, "/careers", "Senior Backend Engineer"),
            (recruiter, "/candidates", "Ada Lovelace"),
            (recruiter, $"/postings/{team.Posting.Id}/compare", "Compare"),
            (manager, $"/postings/{team.Posting.Id}/calibration", "Calibration"),
            (adminClient, "/admin/audit", "Audit"),
        };

        foreach (var page in marked) await AssertServesAsync(page);
        Assert.True(await App.ReplicaSessionsAsync() > 0, "The marked pages should read the replica while it is up.");

        // Stopped with the app's connections to it still in the pool: the next use of each fails mid-command.
        await App.Replica.StopServerAsync();
        var clock = Stopwatch.StartNew();
        foreach (var page in marked) await AssertServesAsync(page);
        output.WriteLine($"First round of {marked.Length} marked pages with the replica down: {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        foreach (var page in marked) await AssertServesAsync(page);
        output.WriteLine($"Second round: {clock.ElapsedMilliseconds} ms");

        // Back up: after the retry pause (30 s by default) the marked pages read the replica again.
        await App.Replica.StartServerAsync();
        await App.CatchUpAsync();
        ReplicaApp.ClearAppPools();
        App.Clock.Advance(TimeSpan.FromSeconds(31));
        foreach (var page in marked) await AssertServesAsync(page);
        Assert.True(await App.ReplicaSessionsAsync() > 0, "The marked pages should read the replica again once it is back.");
    }

    private static async Task AssertServesAsync((HttpClient Client, string Url, string Shows) page)
    {
        var (response, document) = await page.Client.GetPageAsync(page.Url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {page.Url}: {(int)response.StatusCode}");
        Assert.True(document.Body!.TextContent.Contains(page.Shows, StringComparison.Ordinal), $"GET {page.Url} does not show \"{page.Shows}\".");
    }
}
