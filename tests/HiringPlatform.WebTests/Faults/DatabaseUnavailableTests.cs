using System.Net;
using System.Net.Sockets;
using HiringPlatform.Testing;
using Microsoft.AspNetCore.Hosting;

namespace HiringPlatform.WebTests.Faults;

// The app pointed at a PostgreSQL that does not answer (nothing listens on the port): every page that needs
// the database says "back in a moment" with 503 and Retry-After, never 500; the readiness probe says unhealthy.
public sealed class DatabaseUnavailableTests(DatabaseUnavailableTests.NoDatabaseApp app) : IClassFixture<DatabaseUnavailableTests.NoDatabaseApp>
{
    public sealed class NoDatabaseApp : AppFixture
    {
        protected override string DatabaseName => "none";

        public override Task InitializeAsync()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=hiring;Timeout=2";
            return Task.CompletedTask;
        }

        public override async Task DisposeAsync()
        {
            ConnectionString = "";
            await base.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Email:DispatcherEnabled", "false");
        }
    }

    [Fact]
    public async Task Should_answer_503_with_retry_after_and_a_friendly_page_while_the_database_is_unreachable()
    {
        var response = await app.CreateClientAs(null).GetAsync("/careers");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var page = await response.ParseAsync();
        Assert.Equal("Back in a moment", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("send it again: it will not be saved twice", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Should_answer_503_to_a_signed_in_form_post_while_the_database_is_unreachable()
    {
        var recruiter = new TestUser(Guid.NewGuid(), "r@test.hiringplatform.dev", "Rae", ["Recruiter"], "x");

        var response = await app.CreateClientAs(recruiter).GetAsync($"/candidates/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Should_report_not_ready_while_the_database_is_unreachable()
    {
        var client = app.CreateClientAs(null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
