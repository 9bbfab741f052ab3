using System.Net;
using AngleSharp.Html.Dom;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HiringPlatform.WebTests.Fuzz;

// The inputs a review and the fuzz test found answering 500, each pinned down by name, and one race over HTTP.
public sealed class HostileInputTests(WebFixture fixture) : WebTest(fixture)
{
    private const string AddForm = "form[enctype='multipart/form-data']";

    private async Task<(TestUser Recruiter, PostingInfo Posting)> PostingAsync()
    {
        var recruiter = await App.CreateUserAsync("Hostile Recruiter", Roles.Recruiter, Roles.Admin);
        var manager = await App.CreateUserAsync("Hostile Manager", Roles.HiringManager);
        return (recruiter, await App.CreatePostingAsync(recruiter, manager));
    }

    [Fact]
    public async Task Careers_Should_ignore_a_search_with_a_NUL_character_instead_of_failing()
    {
        await PostingAsync();
        var response = await App.CreateClientAs(null).GetAsync("/careers?Q=a%00b");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/postings/{posting}/board?days=2147483647")]
    [InlineData("/candidates?AppliedTo=9999-12-31&AppliedFrom=0001-01-01")]
    [InlineData("/admin/audit?From=0001-01-01&To=9999-12-31&TimeZoneId=Pacific/Kiritimati")]
    [InlineData("/candidates?Q=a%00b")]
    public async Task Staff_pages_Should_answer_extreme_filters_without_a_server_error(string url)
    {
        var (recruiter, posting) = await PostingAsync();
        var response = await App.CreateClientAs(recruiter).GetAsync(url.Replace("{posting}", posting.Id.ToString(), StringComparison.Ordinal));
        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("ada@example.com\r\nBcc: everyone@example.com")]
    [InlineData("ada@exam\0ple.com")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@example.com\u0007")]
    public async Task AddCandidate_Should_refuse_an_email_with_control_characters_next_to_the_field(string email)
    {
        var (recruiter, posting) = await PostingAsync();
        var response = await App.CreateClientAs(recruiter).SubmitFormAsync("/candidates/new", AddForm, new Dictionary<string, string>
        {
            ["PostingId"] = posting.Id.ToString(), ["FullName"] = "Ada Header", ["Email"] = email, ["Source"] = "Sourced",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await response.ParseAsync()).FieldError("Email"));
        Assert.Equal(0, await App.QueryAsync(db => db.Candidates.CountAsync(c => c.FullName == "Ada Header")));
    }

    [Fact]
    public async Task AddCandidate_Should_refuse_a_NUL_character_in_a_field_with_a_message_on_that_field()
    {
        var (recruiter, posting) = await PostingAsync();
        var response = await App.CreateClientAs(recruiter).SubmitFormAsync("/candidates/new", AddForm, new Dictionary<string, string>
        {
            ["PostingId"] = posting.Id.ToString(), ["FullName"] = "Ada\0Nul", ["Email"] = "ada.nul@example.com", ["Source"] = "Sourced",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("cannot be stored", (await response.ParseAsync()).FieldError("FullName"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DismissDuplicate_Should_show_the_refusal_instead_of_a_missing_view()
    {
        var (recruiter, _) = await PostingAsync();
        var client = App.CreateClientAs(recruiter);
        var (_, page) = await client.GetPageAsync("/candidates/new");
        var token = ((IHtmlInputElement)page.QuerySelector("input[name='__RequestVerificationToken']")!).Value;
        var response = await client.PostAsync($"/candidates/duplicates/{Guid.NewGuid()}/dismiss",
            new FormUrlEncodedContent([new("candidateId", "abc"), new("__RequestVerificationToken", token)]));
        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task AddCandidate_Should_store_one_candidate_and_show_the_second_of_two_concurrent_posts_a_conflict()
    {
        var (recruiter, posting) = await PostingAsync();
        var first = App.CreateClientAs(recruiter);
        var second = App.CreateClientAs(recruiter);
        Task<HttpResponseMessage> Post(HttpClient client, string name) => client.SubmitFormAsync("/candidates/new", AddForm, new Dictionary<string, string>
        {
            ["PostingId"] = posting.Id.ToString(), ["FullName"] = name, ["Email"] = "race.web@example.com", ["Source"] = "Sourced",
        });

        // Both posts pass the "email already exists?" check, then wait on the insert until both are there.
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE candidates IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
            await lockTable.ExecuteNonQueryAsync();
        var posts = new[] { Post(first, "Web Race"), Post(second, "Web Race Twin") };
        // A generous deadline: on a busy machine a post can take many seconds to reach its insert.
        for (var deadline = DateTime.UtcNow.AddSeconds(120); DateTime.UtcNow < deadline;)
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
                connection, transaction);
            if ((long)(await waiting.ExecuteScalarAsync())! >= 2 || posts.Any(p => p.IsCompleted)) break;
            await Task.Delay(20);
        }
        await transaction.RollbackAsync();
        var responses = await Task.WhenAll(posts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, loser.StatusCode);
        Assert.Contains("Someone else saved the same thing", (await loser.ParseAsync()).QuerySelector(".validation-summary-errors")?.TextContent ?? "",
            StringComparison.Ordinal);
        Assert.Equal(1, await App.QueryAsync(db => db.Candidates.CountAsync(c => c.Email == "race.web@example.com")));
    }
}
