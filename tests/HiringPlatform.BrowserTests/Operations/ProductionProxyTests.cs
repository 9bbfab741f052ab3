using System.Net;
using AngleSharp.Html.Dom;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Admin;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HiringPlatform.BrowserTests.Operations;

// The deployment most companies run: TLS ends at a proxy, the app runs in Production and sees plain HTTP.
// Before the forwarded-headers setup every form here answered 500 (antiforgery refuses a Secure cookie over
// what it believes is HTTP), HSTS was never sent, and all applicants shared the proxy's rate-limit bucket.
public sealed class ProductionProxyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Should_sign_in_apply_and_keep_clients_apart_behind_a_tls_terminating_nginx()
    {
        var recruiter = await App.CreateUserAsync("Proxy Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Proxy Manager", Roles.HiringManager);
        var admin = await App.CreateUserAsync("Proxy Admin", Roles.Admin);
        var posting = await App.CreatePostingAsync(recruiter, manager, title: "Senior Backend Engineer (Proxy)");
        // The admin's limit (not a configuration value) decides: 2 applications an hour from one address.
        await App.SendAsync(new UpdateSettings.Command { RetentionMonths = 24, ApplyRateLimitPerHour = 2 }, admin);

        await using var site = await ProductionBehindProxy.StartAsync(App.ConnectionString);

        // HSTS over https; plain http is sent to the public https address; health probes are never redirected.
        using (var client = site.ClientFrom("127.0.0.1"))
        {
            var signInPage = await client.GetAsync("/account/sign-in");
            Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
            Assert.StartsWith("max-age=", signInPage.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
            var plain = await client.GetAsync($"{site.HttpUrl}/careers");
            Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
            Assert.Equal($"{site.HttpsUrl}/careers", plain.Headers.Location!.ToString());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{site.HttpUrl}/health/ready")).StatusCode);
        }

        // A person signs in through the proxy: the form works and the cookies are Secure.
        var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.HttpsUrl, IgnoreHTTPSErrors = true });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(recruiter.Email);
        await page.GetByLabel("Password").FillAsync(recruiter.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#home-recruiter")).ToBeVisibleAsync();
        var cookies = await context.CookiesAsync();
        Assert.All(cookies.Where(c => c.Name.StartsWith("hp.", StringComparison.Ordinal)), c => Assert.True(c.Secure, c.Name + " is not Secure"));
        Assert.Contains(cookies, c => c.Name == "hp.auth");

        // A candidate applies through the proxy in the browser (antiforgery and the upload pass through nginx).
        var candidate = await context.NewPageAsync();
        await candidate.GotoAsync($"/careers/{posting.Id}/apply");
        await BrowserFixture.FillApplicationAsync(candidate, new Applicant("Proxy Applicant", "proxy.applicant@example.com", "Lisbon, Portugal",
            "Europe/Lisbon", "https://github.com/proxyapplicant", "Proxy-Applicant.pdf", ["Backend engineer", "Go, PostgreSQL"], "150000", "EUR", "One month"));
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        await Assertions.Expect(candidate.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you, your application is in");
        // The emailed status link points at the public https address, not at the app's own port or localhost.
        var email = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().SingleAsync(e => e.To == "proxy.applicant@example.com"));
        Assert.Contains($"{site.HttpsUrl}/careers/my-application/", email.TextBody, StringComparison.Ordinal);
        await context.CloseAsync();

        // Each client address has its own bucket, whatever X-Forwarded-For a client makes up: the browser (127.0.0.1)
        // used one of its two; 127.0.0.2 gets two and then 429 although it claims to be someone else; 127.0.0.3 is not affected.
        using var first = site.ClientFrom("127.0.0.2");
        first.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        using var second = site.ClientFrom("127.0.0.3");
        var firstAnswers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) firstAnswers.Add(await PostEmptyApplicationAsync(first, posting.Id));
        var secondAnswer = await PostEmptyApplicationAsync(second, posting.Id);

        Assert.Equal([HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.TooManyRequests], firstAnswers);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, secondAnswer);
        // Production logs are compact JSON: no request ended in an error.
        Assert.DoesNotContain("\"@l\":\"Error\"", site.Log("app.log"), StringComparison.Ordinal);
    }

    // An application with a valid antiforgery token but missing fields: re-rendered with errors (422), which still
    // counts against the hourly limit, as a script's attempts would.
    private static async Task<HttpStatusCode> PostEmptyApplicationAsync(HttpClient client, Guid postingId)
    {
        var (_, form) = await client.GetPageAsync($"/careers/{postingId}/apply");
        var token = form.QuerySelector("form[enctype='multipart/form-data'] input[name='__RequestVerificationToken']") as IHtmlInputElement
            ?? throw new InvalidOperationException("No antiforgery token on the apply form.");
        using var content = new MultipartFormDataContent { { new StringContent(token.Value), "__RequestVerificationToken" } };
        return (await client.PostAsync($"/careers/{postingId}/apply", content)).StatusCode;
    }
}
