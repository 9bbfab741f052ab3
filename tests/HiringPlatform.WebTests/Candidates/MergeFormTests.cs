using System.Net;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.WebTests.Candidates;

public sealed class MergeFormTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Should_say_which_application_stays_and_show_the_other_as_a_note_on_the_kept_profile()
    {
        var recruiter = await App.CreateUserAsync("Merge Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Merge Manager", Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, manager);
        // The profile kept got further and was rejected; the duplicate's application is active in the screen.
        var (survivor, rejected) = await App.CreateApplicantAsync(posting, "Rosa Twin", "Coding exercise");
        var (duplicate, active) = await App.CreateApplicantAsync(posting, "Rosa Twin", "Recruiter screen");
        await App.WithDbAsync(async db =>
        {
            (await db.Applications.SingleAsync(a => a.Id == rejected)).Reject(RejectionReason.Other, null, "Asked for a later start.", App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var client = App.CreateClientAs(recruiter);
        var mergeUrl = $"/candidates/{survivor}/merge/{duplicate}";

        var (_, preview) = await client.GetPageAsync(mergeUrl);
        var combined = preview.QuerySelector(".merge-combined li")!.TextContent;
        Assert.Contains("(active, Recruiter screen) stays", combined, StringComparison.Ordinal);
        Assert.Contains("(rejected, Coding exercise) is combined into it", combined, StringComparison.Ordinal);

        var merged = await client.SubmitFormAsync(mergeUrl, $"form[action='{mergeUrl}']", new Dictionary<string, string> { ["survivorId"] = survivor.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal(survivor, (await App.FindAsync<JobApplication>(active))!.CandidateId);

        var (_, profile) = await client.GetPageAsync(merged.Headers.Location!.ToString());
        var note = Assert.Single(profile.QuerySelectorAll(".note-body"), n => n.TextContent.Contains("Asked for a later start.", StringComparison.Ordinal));
        Assert.Contains("rejected in Coding exercise", note.TextContent, StringComparison.Ordinal);
    }
}
