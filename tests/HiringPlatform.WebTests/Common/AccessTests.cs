using System.Net;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.WebTests.Common;

public sealed class AccessTests(WebFixture fixture) : WebTest(fixture)
{
    // Every endpoint the app registers, found at run time: a new page cannot slip past this test.
    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static bool IsAnonymous(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    private static string SampleUrl(RouteEndpoint endpoint)
    {
        var url = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content == "int") => "1",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => Guid.CreateVersion7().ToString(),
            _ => "",
        }))));
        return url;
    }

    [Fact]
    public void Should_find_registered_endpoints_to_check()
    {
        var staff = Endpoints().Where(e => !IsAnonymous(e) && e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null).ToList();
        Assert.NotEmpty(staff);
        Assert.Contains(staff, e => e.DisplayName!.Contains("HomeController.Index", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_redirect_anonymous_users_to_sign_in_from_every_staff_endpoint()
    {
        var client = App.CreateClientAs(null);
        var failures = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => !IsAnonymous(e)))
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var url = SampleUrl(endpoint);
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == "POST") request.Content = new FormUrlEncodedContent([]);
                var response = await client.SendAsync(request);
                var location = response.Headers.Location?.ToString() ?? "";
                // POSTs without an antiforgery token may be refused with 400 before authorisation: also closed.
                var closed = (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/sign-in", StringComparison.Ordinal))
                             || (method == "POST" && response.StatusCode == HttpStatusCode.BadRequest);
                if (!closed) failures.Add($"{method} {url} answered {(int)response.StatusCode} {location}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Should_send_security_headers_and_a_correlation_id_on_every_response()
    {
        var response = await App.CreateClientAs(null).GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.NotEmpty(response.Headers.GetValues("Referrer-Policy").Single());
        Assert.NotEmpty(response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Should_answer_health_checks_anonymously()
    {
        var client = App.CreateClientAs(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Should_sign_in_through_the_real_form_and_land_on_the_home_page()
    {
        var recruiter = await App.CreateUserAsync("Form Recruiter", Roles.Recruiter);
        var client = App.CreateClientAs(null);
        var response = await client.SubmitFormAsync("/account/sign-in", "form[action='/account/sign-in']",
            new Dictionary<string, string> { ["Email"] = recruiter.Email, ["Password"] = recruiter.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await client.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Response.StatusCode);
        Assert.NotNull(home.Document.QuerySelector("#home-recruiter"));
        Assert.Null(home.Document.QuerySelector("#home-admin"));
    }

    [Fact]
    public async Task Should_show_a_field_error_and_keep_the_email_when_the_password_is_missing()
    {
        var client = App.CreateClientAs(null);
        var response = await client.SubmitFormAsync("/account/sign-in", "form[action='/account/sign-in']",
            new Dictionary<string, string> { ["Email"] = "someone@example.com", ["Password"] = "" });
        var page = await response.ParseAsync();
        Assert.Equal("Enter your password.", page.FieldError("Password"));
        Assert.Equal("someone@example.com", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Email")!).Value);
    }
}
