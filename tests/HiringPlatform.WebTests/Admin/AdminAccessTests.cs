using System.Net;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.WebTests.Admin;

public sealed class AdminAccessTests(WebFixture fixture) : WebTest(fixture)
{
    // Every /admin endpoint the app registers (found at run time, so pages added later are covered too).
    private List<(string Method, string Url)> AdminEndpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m is "GET" or "POST")
                .Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/')
                    .Replace("{id:guid}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal))))
            .ToList();

    [Fact]
    public void Should_find_the_admin_pages()
    {
        var urls = AdminEndpoints().Select(e => e.Url).ToList();
        Assert.Contains("/admin", urls);
        Assert.Contains("/admin/users", urls);
        Assert.Contains("/admin/audit", urls);
        Assert.Contains("/admin/outbox", urls);
        Assert.Contains("/admin/settings", urls);
    }

    [Theory]
    [InlineData(Roles.Recruiter)]
    [InlineData(Roles.HiringManager)]
    [InlineData(Roles.Interviewer)]
    public async Task Should_answer_403_to_staff_who_are_not_admins_on_every_admin_endpoint(string role)
    {
        var user = await App.CreateUserAsync($"Not Admin {role}", role, role == Roles.HiringManager ? Roles.Interviewer : role);
        var client = App.CreateClientAs(user);
        var failures = new List<string>();

        foreach (var (method, url) in AdminEndpoints())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method == "POST") request.Content = new FormUrlEncodedContent([]);
            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{method} {url} answered {(int)response.StatusCode}");
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Should_redirect_anonymous_visitors_to_sign_in()
    {
        var client = App.CreateClientAs(null);

        foreach (var (method, url) in AdminEndpoints().Where(e => e.Method == "GET"))
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Should_show_every_admin_list_page_to_an_admin()
    {
        var admin = await App.CreateUserAsync("Page Admin", Roles.Admin);
        var client = App.CreateClientAs(admin);

        foreach (var url in new[] { "/admin", "/admin/users", "/admin/users/new", "/admin/audit", "/admin/outbox", "/admin/settings", "/", $"/admin/users/{admin.Id}" })
        {
            var (response, page) = await client.GetPageAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.NotNull(page.QuerySelector("h1"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/users/{Guid.CreateVersion7()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/outbox/{Guid.CreateVersion7()}")).StatusCode);
    }
}
