using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Admin;
using HiringPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.WebTests.Careers;

public sealed partial class ApplyFormTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Form = "form[enctype='multipart/form-data']";

    [GeneratedRegex("/careers/my-application/[A-Za-z0-9_-]+")]
    private static partial Regex StatusLink();

    private async Task<PostingInfo> OpenPostingAsync()
    {
        var recruiter = await App.CreateUserAsync("Apply Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Apply Manager", Roles.HiringManager);
        return await App.CreatePostingAsync(recruiter, manager);
    }

    private static Dictionary<string, string> Fields(string email = "priya@example.com") => new()
    {
        ["FullName"] = "Priya Nair",
        ["Email"] = email,
        ["Phone"] = "+91 98765 43210",
        ["Location"] = "Bengaluru, India",
        ["TimeZoneId"] = "Asia/Kolkata",
        ["GitHubUrl"] = "https://github.com/priyanair",
        ["Answers[0].Value"] = "Yes",
        ["Answers[1].Value"] = "120000",
        ["Answers[1].Currency"] = "USD",
        ["Answers[2].Value"] = "Two months",
        ["Note"] = "Hello!",
        ["Consent"] = "true",
    };

    private static Dictionary<string, (string, string, byte[])> Resume(byte[]? content = null, string name = "Priya CV.pdf") =>
        new() { ["ResumeFile"] = (name, "application/pdf", content ?? TestResumes.Pdf("Priya Nair", "Platform engineer")) };

    private Task<int> ApplicationsAsync() => App.WithDbAsync(db => db.Applications.CountAsync());

    [Fact]
    public async Task Should_apply_with_a_pdf_and_show_the_confirmation()
    {
        var posting = await OpenPostingAsync();
        var client = App.CreateClientAs(null);

        var form = await client.GetPageAsync($"/careers/{posting.Id}/apply");
        Assert.Contains("24 months", form.Document.QuerySelector("label[for='Consent']")!.TextContent, StringComparison.Ordinal);
        var response = await client.SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields(), Resume());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/careers/{posting.Id}/applied", response.Headers.Location!.ToString());
        var confirmation = await client.GetPageAsync(response.Headers.Location.ToString());
        Assert.Contains("Thank you, your application is in", confirmation.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var application = await App.WithDbAsync(db => db.Applications.Include(a => a.Answers).SingleAsync());
        Assert.Equal(posting.First.Id, application.StageId);
        Assert.Equal(3, application.Answers.Count);
        Assert.Equal("priya@example.com", await App.WithDbAsync(db => db.OutboxEmails.Select(e => e.To).SingleAsync()));
    }

    [Fact]
    public async Task Should_show_errors_next_to_the_fields_keep_the_values_and_ask_for_the_file_again()
    {
        var posting = await OpenPostingAsync();
        var fields = Fields("not-an-email");
        fields["Consent"] = "false";
        fields["LinkedInUrl"] = "linkedin";
        fields["Answers[0].Value"] = "";

        var response = await App.CreateClientAs(null).SubmitFormAsync($"/careers/{posting.Id}/apply", Form, fields, Resume());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Enter a valid email address, like name@example.com.", page.FieldError("Email"));
        Assert.StartsWith("Please agree to how we keep and use your data", page.FieldError("Consent"), StringComparison.Ordinal);
        Assert.StartsWith("Enter the address of your LinkedIn profile", page.FieldError("LinkedInUrl"), StringComparison.Ordinal);
        Assert.Equal("Please answer yes or no.", page.FieldError("Answers[0].Value"));
        Assert.Equal("Priya Nair", ((IHtmlInputElement)page.QuerySelector("#FullName")!).Value);
        Assert.Equal("not-an-email", ((IHtmlInputElement)page.QuerySelector("#Email")!).Value);
        Assert.Equal("120000", ((IHtmlInputElement)page.QuerySelector("#Answers_1__Value")!).Value);
        Assert.Equal("Hello!", ((IHtmlTextAreaElement)page.QuerySelector("#Note")!).Value);
        Assert.Equal("Asia/Kolkata", ((IHtmlSelectElement)page.QuerySelector("#TimeZoneId")!).Value);
        Assert.Contains("please choose your résumé again", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ApplicationsAsync());
    }

    [Fact]
    public async Task Should_refuse_a_png_named_pdf_next_to_the_file_field()
    {
        var posting = await OpenPostingAsync();

        var response = await App.CreateClientAs(null).SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields(), Resume(TestResumes.Png(), "cv.pdf"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.StartsWith("Your résumé must be a PDF or a Word (.docx) document", page.FieldError("Resume"), StringComparison.Ordinal);
        Assert.Equal(0, await ApplicationsAsync());
    }

    [Fact]
    public async Task Should_refuse_a_resume_over_five_megabytes()
    {
        var posting = await OpenPostingAsync();
        var big = new byte[6 * 1024 * 1024];
        "%PDF-1.4"u8.CopyTo(big);

        var response = await App.CreateClientAs(null).SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields(), Resume(big));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Your résumé is larger than 5 MB. Please upload a smaller file.", (await response.ParseAsync()).FieldError("Resume"));
    }

    [Fact]
    public async Task Should_tell_a_candidate_who_applies_twice_that_they_already_applied()
    {
        var posting = await OpenPostingAsync();
        var client = App.CreateClientAs(null);
        await client.SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields(), Resume());

        var again = await client.SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields("PRIYA@example.com"), Resume());

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var page = await client.GetPageAsync(again.Headers.Location!.ToString());
        Assert.Contains("You have already applied for this job", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await ApplicationsAsync());
    }

    [Fact]
    public async Task Should_say_clearly_when_the_posting_closed_while_the_form_was_open_and_store_nothing()
    {
        var posting = await OpenPostingAsync();
        var client = App.CreateClientAs(null);
        var (_, document) = await client.GetPageAsync($"/careers/{posting.Id}/apply");
        await App.WithDbAsync(async db =>
        {
            var p = await db.JobPostings.Include(x => x.TeamMembers).SingleAsync(x => x.Id == posting.Id);
            p.Close(ClosedReason.Filled, p.HiringManagerId, App.Clock.GetUtcNow(), null);
            await db.SaveChangesAsync();
        });

        var response = await client.SubmitAsync((IHtmlFormElement)document.QuerySelector(Form)!, $"/careers/{posting.Id}/apply", Fields(), Resume());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("stopped accepting applications", page.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent or stored", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Candidates.CountAsync()));
    }

    [Fact]
    public async Task Should_render_a_honeypot_people_cannot_reach()
    {
        var posting = await OpenPostingAsync();

        var (_, page) = await App.CreateClientAs(null).GetPageAsync($"/careers/{posting.Id}/apply");

        var trap = (IHtmlInputElement)page.QuerySelector(".honeypot input#Fax")!;
        Assert.Equal("-1", trap.GetAttribute("tabindex"));
        Assert.Equal("off", trap.GetAttribute("autocomplete"));
        Assert.Equal("", trap.Value);
        Assert.Equal("Leave this field empty", page.QuerySelector(".honeypot label[for='Fax']")!.TextContent);
    }

    [Fact]
    public async Task Should_store_nothing_but_show_the_normal_confirmation_when_the_honeypot_is_filled()
    {
        var posting = await OpenPostingAsync();
        var client = App.CreateClientAs(null);
        var fields = Fields();
        fields["Fax"] = "+1 555 0199";

        var response = await client.SubmitFormAsync($"/careers/{posting.Id}/apply", Form, fields, Resume());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/careers/{posting.Id}/applied", response.Headers.Location!.ToString());
        var page = await client.GetPageAsync(response.Headers.Location.ToString());
        Assert.Contains("Thank you, your application is in", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Candidates.CountAsync()));
        Assert.Equal(0, await ApplicationsAsync());
        Assert.Equal(0, await App.WithDbAsync(db => db.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task Should_answer_429_with_when_to_try_again_after_the_hourly_limit()
    {
        var posting = await OpenPostingAsync();
        using var limited = App.WithWebHostBuilder(b => b.UseSetting("Careers:ApplyRateLimitPerHour", "2"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var first = await client.SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields("one@example.com"), Resume());
        var second = await client.SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields("two@example.com"), Resume());
        var third = await client.SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields("three@example.com"), Resume());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var retryAfter = int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        var page = await third.ParseAsync();
        Assert.Contains("Please try again in", page.QuerySelector("p.lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nothing was stored", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await ApplicationsAsync());
        // Reading the jobs and the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/careers/{posting.Id}/apply")).StatusCode);
    }

    [Fact]
    public async Task Should_apply_the_admins_hourly_limit_once_across_all_instances()
    {
        var posting = await OpenPostingAsync();
        var admin = await App.CreateUserAsync("Limit Admin", Roles.Admin);
        await App.SendAsync(new UpdateSettings.Command { RetentionMonths = 24, ApplyRateLimitPerHour = 2 }, admin);
        // Two app instances on the same database, as two replicas behind a load balancer would be.
        using var instanceA = App.WithWebHostBuilder(_ => { });
        using var instanceB = App.WithWebHostBuilder(_ => { });
        var a = instanceA.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var b = instanceB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var answers = new List<HttpStatusCode>
        {
            (await a.SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields("one@example.com"), Resume())).StatusCode,
            (await b.SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields("two@example.com"), Resume())).StatusCode,
            (await a.SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields("three@example.com"), Resume())).StatusCode,
            (await b.SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields("four@example.com"), Resume())).StatusCode,
        };

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(2, await ApplicationsAsync());
    }

    [Fact]
    public async Task Should_let_the_candidate_follow_and_withdraw_the_application_through_the_emailed_link()
    {
        var posting = await OpenPostingAsync();
        var client = App.CreateClientAs(null);
        await client.SubmitFormAsync($"/careers/{posting.Id}/apply", Form, Fields(), Resume());
        var link = StatusLink().Match(await App.WithDbAsync(db => db.OutboxEmails.Select(e => e.TextBody).SingleAsync())).Value;

        var status = await client.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, status.Response.StatusCode);
        Assert.Contains("In progress", status.Document.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Application review", status.Document.Body!.TextContent, StringComparison.Ordinal);

        var withdrawn = await client.SubmitFormAsync(link, "form[action$='/withdraw']");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var after = await client.GetPageAsync(withdrawn.Headers.Location!.ToString());
        Assert.Contains("Withdrawn", after.Document.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("has been withdrawn", after.Document.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("form[action$='/withdraw']"));
        Assert.Equal(ApplicationStatus.Withdrawn, await App.WithDbAsync(db => db.Applications.Select(a => a.Status).SingleAsync()));

        var bad = await client.GetPageAsync("/careers/my-application/not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, bad.Response.StatusCode);
        Assert.Contains("not valid or has expired", bad.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
