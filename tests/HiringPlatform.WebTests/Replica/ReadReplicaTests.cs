using System.Net;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using HiringPlatform.Web.Infrastructure;

namespace HiringPlatform.WebTests.Replica;

// Marked queries (IReadFromReplica) read the streaming replica; everything else, and a browser that has just written,
// reads the primary (ADR-0020). The proof: replay on the replica is paused, a row changes on the primary, and each
// page shows the value from the server it reads.
public sealed class ReadReplicaTests(ReplicaApp app) : TestBase<ReplicaApp>(app), IClassFixture<ReplicaApp>
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.ResumeReplayAsync();
    }

    public override Task DisposeAsync() => App.ResumeReplayAsync();

    [Fact]
    public async Task Should_read_marked_pages_from_the_replica_and_other_pages_from_the_primary()
    {
        var team = await App.CreateTeamAsync();
        var (candidateId, _) = await App.CreateApplicantAsync(team.Posting, "Ada Lovelace");
        var title = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.JobPostings.Where(p => p.Id == team.Posting.Id).Select(p => p.Title)));
        await App.CatchUpAsync();
        using var visitor = App.CreateClientAs(null);
        using var recruiter = App.CreateClientAs(team.Recruiter);

        // Unmarked pages never open a session on the replica.
        ReplicaApp.ClearAppPools();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/careers/{team.Posting.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync($"/candidates/{candidateId}")).StatusCode);
        Assert.Equal(0, await App.ReplicaSessionsAsync());

        await App.PauseReplayAsync();
        await App.OnPrimaryAsync("UPDATE job_postings SET title = 'Replica Probe Engineer' WHERE id = @id", ("id", team.Posting.Id));
        await App.OnPrimaryAsync("UPDATE candidates SET full_name = 'Grace Hopper' WHERE id = @id", ("id", candidateId));

        // Marked: the careers list and the candidate search still show what the replica had when replay paused.
        var careers = await Text(visitor, "/careers");
        Assert.Contains(title, careers);
        Assert.DoesNotContain("Replica Probe Engineer", careers);
        var search = await SearchResults(recruiter);
        Assert.Contains("Ada Lovelace", search);
        Assert.DoesNotContain("Grace Hopper", search);
        // A real search (trigram and full-text branches) runs on the hot standby as well.
        Assert.Equal(["Ada Lovelace"], await SearchResults(recruiter, "?q=Lovelace"));
        Assert.Empty(await SearchResults(recruiter, "?q=Hopper"));
        Assert.True(await App.ReplicaSessionsAsync() > 0, "The marked pages should have opened sessions on the replica.");

        // Unmarked: the posting page and the profile read the primary.
        Assert.Contains("Replica Probe Engineer", await Text(visitor, $"/careers/{team.Posting.Id}"));
        Assert.Contains("Grace Hopper", await Text(recruiter, $"/candidates/{candidateId}"));

        // Once the replica replays, the marked pages show the change too: it was lag, not another database.
        await App.ResumeReplayAsync();
        await App.CatchUpAsync();
        Assert.Contains("Replica Probe Engineer", await Text(visitor, "/careers"));
        Assert.Contains("Grace Hopper", await SearchResults(recruiter));
    }

    [Fact]
    public async Task Should_read_the_primary_for_a_few_seconds_after_the_same_browser_wrote()
    {
        var team = await App.CreateTeamAsync();
        await App.CatchUpAsync();
        using var writer = App.CreateClientAs(team.Recruiter);
        using var otherBrowser = App.CreateClientAs(team.Recruiter);
        await App.PauseReplayAsync();

        var created = await writer.SubmitFormAsync("/candidates/new", "form[enctype='multipart/form-data']", new Dictionary<string, string>
        {
            ["PostingId"] = team.Posting.Id.ToString(), ["FullName"] = "Written Justnow", ["Email"] = "written@example.com", ["Source"] = "Sourced",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains(created.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ReadYourWritesMiddleware.CookieName + "=", StringComparison.Ordinal));
        await Text(writer, created.Headers.Location!.ToString()); // as a browser does (and it shows the flash message)

        // The browser that wrote sees its write on the (marked) search page: it reads the primary for now.
        Assert.Contains("Written Justnow", await SearchResults(writer));
        // Another browser of the same person reads the replica, which has not replayed the write yet.
        Assert.DoesNotContain("Written Justnow", await SearchResults(otherBrowser));

        // When the window has passed, the writer's searches go back to the replica.
        App.Clock.Advance(TimeSpan.FromSeconds(ReplicaApp.ReadYourWritesSeconds + 1));
        Assert.DoesNotContain("Written Justnow", await SearchResults(writer));
    }

    [Fact]
    public async Task Should_show_the_admin_their_own_change_in_the_audit_log_right_after_saving()
    {
        var admin = await App.CreateUserAsync("Audit Admin", Roles.Admin);
        await App.CatchUpAsync();
        using var client = App.CreateClientAs(admin);
        using var otherAdmin = App.CreateClientAs(admin);
        await App.PauseReplayAsync();

        var saved = await client.SubmitFormAsync("/admin/users/new", "#create-user", new Dictionary<string, string>
        {
            ["DisplayName"] = "Newly Invited", ["Email"] = "newly.invited@example.com", ["TimeZoneId"] = "Europe/Lisbon", ["Roles"] = Roles.Recruiter,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await Text(client, saved.Headers.Location!.ToString());

        Assert.Contains("CreateUser.Command", await AuditCommands(client));
        Assert.DoesNotContain("CreateUser.Command", await AuditCommands(otherAdmin));
    }

    private static async Task<IReadOnlyList<string>> SearchResults(HttpClient client, string query = "")
    {
        var (response, document) = await client.GetPageAsync("/candidates" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document.QuerySelectorAll("li.list-group-item a.fw-semibold").Select(a => a.TextContent.Trim()).ToList();
    }

    private static async Task<IReadOnlyList<string>> AuditCommands(HttpClient client)
    {
        var (response, document) = await client.GetPageAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document.QuerySelectorAll("tbody tr code").Select(c => c.TextContent.Trim()).ToList();
    }

    private static async Task<string> Text(HttpClient client, string url)
    {
        var (response, document) = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document.Body!.TextContent;
    }
}
