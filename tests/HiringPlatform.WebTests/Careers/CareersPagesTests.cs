using System.Net;
using System.Text.Json;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.WebTests.Careers;

public sealed class CareersPagesTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<(TestUser Recruiter, TestUser Manager)> UsersAsync() => (
        await App.CreateUserAsync("Careers Recruiter", Roles.Recruiter),
        await App.CreateUserAsync("Careers Manager", Roles.HiringManager));

    // The Staff Platform Engineer: hybrid in Berlin, salary kept internal.
    private async Task<PostingInfo> HybridInternalSalaryAsync(TestUser recruiter, TestUser manager)
    {
        var posting = await App.CreatePostingAsync(recruiter, manager, title: "Staff Platform Engineer");
        await App.WithDbAsync(async db =>
        {
            var p = await db.JobPostings.SingleAsync(x => x.Id == posting.Id);
            p.LocationType = LocationType.Hybrid;
            p.Location = "Berlin, Germany";
            p.Salary = new SalaryBand { Min = 120_000m, Max = 150_000m, Currency = "EUR", IsPublic = false };
            await db.SaveChangesAsync();
        });
        return posting;
    }

    private static JsonElement JsonLd(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        return JsonDocument.Parse(script.TextContent).RootElement;
    }

    [Fact]
    public async Task Should_list_open_postings_only_for_the_public()
    {
        var (recruiter, manager) = await UsersAsync();
        var open = await App.CreatePostingAsync(recruiter, manager, title: "Senior Backend Engineer");
        await App.CreatePostingAsync(recruiter, manager, status: PostingStatus.Draft, title: "Secret draft role");
        var client = App.CreateClientAs(null);

        var page = await client.GetPageAsync("/careers");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.NotNull(page.Document.QuerySelector($"a[href='/careers/{open.Id}']"));
        Assert.DoesNotContain("Secret draft role", page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("meta[name='viewport']"));
        var filtered = await client.GetPageAsync("/careers?LocationType=Hybrid");
        Assert.Null(filtered.Document.QuerySelector($"a[href='/careers/{open.Id}']"));
        Assert.Contains("No jobs match your search.", filtered.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PostingStatus.Draft)]
    [InlineData(PostingStatus.AwaitingApproval)]
    [InlineData(PostingStatus.Paused)]
    [InlineData(PostingStatus.Closed)]
    public async Task Should_answer_404_to_the_public_for_postings_that_are_not_open(PostingStatus status)
    {
        var (recruiter, manager) = await UsersAsync();
        var posting = await App.CreatePostingAsync(recruiter, manager, status: status);
        var client = App.CreateClientAs(null);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/careers/{posting.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/careers/{posting.Id}/apply")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/careers/{Guid.CreateVersion7()}")).StatusCode);
    }

    [Fact]
    public async Task Should_carry_the_fields_job_boards_need_in_the_json_ld_of_a_remote_posting_with_a_public_salary()
    {
        var (recruiter, manager) = await UsersAsync();
        var posting = await App.CreatePostingAsync(recruiter, manager);

        var page = await App.CreateClientAs(null).GetPageAsync($"/careers/{posting.Id}");
        var job = JsonLd(page.Document);

        Assert.Equal("https://schema.org/", job.GetProperty("@context").GetString());
        Assert.Equal("JobPosting", job.GetProperty("@type").GetString());
        Assert.Equal("Senior Backend Engineer", job.GetProperty("title").GetString());
        Assert.Contains("<li>Design, build and operate scalable backend services and APIs.</li>", job.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", job.GetProperty("datePosted").GetString());
        Assert.Equal("Organization", job.GetProperty("hiringOrganization").GetProperty("@type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(job.GetProperty("hiringOrganization").GetProperty("name").GetString()));
        Assert.Equal("TELECOMMUTE", job.GetProperty("jobLocationType").GetString());
        Assert.Equal("FULL_TIME", job.GetProperty("employmentType").GetString());
        var salary = job.GetProperty("baseSalary");
        Assert.Equal("USD", salary.GetProperty("currency").GetString());
        Assert.Equal(150_000m, salary.GetProperty("value").GetProperty("minValue").GetDecimal());
        Assert.Equal(220_000m, salary.GetProperty("value").GetProperty("maxValue").GetDecimal());
        Assert.Equal("YEAR", salary.GetProperty("value").GetProperty("unitText").GetString());
        Assert.Contains("$150,000 – $220,000 a year", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_give_an_office_posting_a_job_location_and_keep_an_internal_salary_out_of_the_page()
    {
        var (recruiter, manager) = await UsersAsync();
        var posting = await HybridInternalSalaryAsync(recruiter, manager);

        var page = await App.CreateClientAs(null).GetPageAsync($"/careers/{posting.Id}");
        var job = JsonLd(page.Document);

        var address = job.GetProperty("jobLocation").GetProperty("address");
        Assert.Equal("Berlin", address.GetProperty("addressLocality").GetString());
        Assert.Equal("Germany", address.GetProperty("addressCountry").GetString());
        Assert.False(job.TryGetProperty("jobLocationType", out _));
        Assert.False(job.TryGetProperty("baseSalary", out _));
        Assert.DoesNotContain("120,000", page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("150000", page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_keep_a_title_with_a_closing_script_tag_inside_the_json_ld()
    {
        var (recruiter, manager) = await UsersAsync();
        const string title = "Engineer</script><script>alert('pwned')</script>";
        var posting = await App.CreatePostingAsync(recruiter, manager, title: title);

        var response = await App.CreateClientAs(null).GetAsync($"/careers/{posting.Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("</script><script>alert", html, StringComparison.Ordinal);
        var page = await AngleSharpParse(html);
        Assert.Equal(title, JsonLd(page).GetProperty("title").GetString());
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
    }

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> AngleSharpParse(string html) =>
        Task.FromResult(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html));

    [Fact]
    public async Task Should_publish_a_json_feed_of_open_postings_with_the_job_board_fields()
    {
        var (recruiter, manager) = await UsersAsync();
        var remote = await App.CreatePostingAsync(recruiter, manager, title: "Senior Backend Engineer");
        var hybrid = await HybridInternalSalaryAsync(recruiter, manager);
        await App.CreatePostingAsync(recruiter, manager, status: PostingStatus.Paused, title: "Paused role");

        var response = await App.CreateClientAs(null).GetAsync("/careers/feed.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var feed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var jobs = feed.RootElement.GetProperty("jobs").EnumerateArray().ToDictionary(j => j.GetProperty("identifier").GetProperty("value").GetString()!);
        Assert.Equal(2, jobs.Count);
        foreach (var job in jobs.Values)
        {
            Assert.Equal("JobPosting", job.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(job.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(job.GetProperty("description").GetString()));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", job.GetProperty("datePosted").GetString());
            Assert.False(string.IsNullOrWhiteSpace(job.GetProperty("hiringOrganization").GetProperty("name").GetString()));
            Assert.EndsWith("/apply", job.GetProperty("applyUrl").GetString(), StringComparison.Ordinal);
        }
        var remoteJob = jobs[remote.Id.ToString()];
        Assert.Equal("TELECOMMUTE", remoteJob.GetProperty("jobLocationType").GetString());
        Assert.Equal("USD", remoteJob.GetProperty("baseSalary").GetProperty("currency").GetString());
        var hybridJob = jobs[hybrid.Id.ToString()];
        Assert.Equal("Berlin", hybridJob.GetProperty("jobLocation").GetProperty("address").GetProperty("addressLocality").GetString());
        Assert.False(hybridJob.TryGetProperty("baseSalary", out _));
    }

    [Fact]
    public async Task Should_not_let_the_public_download_resumes_and_send_them_to_sign_in()
    {
        var (recruiter, manager) = await UsersAsync();
        var posting = await App.CreatePostingAsync(recruiter, manager);
        await App.SendAsync(await App.ApplicationAsync(posting.Id), null);
        var fileId = await App.WithDbAsync(db => db.Files.Select(f => f.Id).SingleAsync());

        var response = await App.CreateClientAs(null).GetAsync($"/files/{fileId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_serve_a_resume_to_the_team_as_a_safe_attachment_and_hide_it_from_other_teams()
    {
        var (recruiter, manager) = await UsersAsync();
        var outsider = await App.CreateUserAsync("Other Team Recruiter", Roles.Recruiter);
        var posting = await App.CreatePostingAsync(recruiter, manager);
        var pdf = TestResumes.Pdf("Lucas Martin");
        await App.SendAsync(await App.ApplicationAsync(posting.Id, "Lucas Martin") with { Resume = TestResumes.Upload(pdf, "Lucas CV.pdf", "text/html") }, null);
        var fileId = await App.WithDbAsync(db => db.Files.Select(f => f.Id).SingleAsync());

        var response = await App.CreateClientAs(recruiter).GetAsync($"/files/{fileId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Lucas CV.pdf", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClientAs(outsider).GetAsync($"/files/{fileId}")).StatusCode);

        var details = await App.CreateClientAs(recruiter).GetPageAsync($"/postings/{posting.Id}");
        Assert.NotNull(details.Document.QuerySelector($"section[aria-labelledby='recent-applications'] a[href='/files/{fileId}']"));
    }
}
