using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Candidates;

public sealed class SearchCandidatesTests(IntegrationFixture fixture) : PipelineTestBase(fixture)
{
    private async Task<Guid> Applicant(string name, string? email = null, Action<Candidate>? configure = null, string? stage = null)
    {
        var id = await App.CreateCandidateAsync(name, email, configure);
        await App.CreateApplicationAsync(Posting, id, stage);
        return id;
    }

    private Task<SearchCandidates.Model> Search(string q, TestUser? asUser = null) =>
        App.SendAsync(new SearchCandidates.Query { Q = q }, asUser ?? Recruiter);

    [Fact]
    public async Task Should_find_by_name_prefix_and_surname_prefix()
    {
        var jane = await Applicant("Janelle Okoye");
        var surname = await Applicant("Tom Janssen");
        await Applicant("Peter Parker");

        var byFirst = await Search("Janel");
        Assert.Equal(jane, Assert.Single(byFirst.Results).Id);
        var both = await Search("jan");
        Assert.Equal([jane, surname], both.Results.Select(r => r.Id));
        Assert.Contains("name", both.Results[0].MatchedOn);
    }

    [Fact]
    public async Task Should_put_an_exact_email_first()
    {
        var exact = await Applicant("Sam Rivers", "sam@rivers.dev");
        await Applicant("Samantha Rivers", "sam@rivers.dev.example.com");
        var results = (await Search("SAM@rivers.dev")).Results;
        Assert.Equal(exact, results[0].Id);
        Assert.Equal(2, results.Count);
    }

    [Fact]
    public async Task Should_find_by_phone_whatever_the_format()
    {
        var id = await Applicant("Phone Person", configure: c => c.Phone = "+44 20 7946 0958");
        Assert.Equal(id, Assert.Single((await Search("020 7946 0958")).Results).Id);
    }

    [Fact]
    public async Task Should_find_by_a_word_in_the_resume_with_a_highlighted_snippet_and_rank_the_better_match_first()
    {
        var once = await Applicant("Olga Once", configure: c => c.ResumeText = "Built billing services in Java. Some exposure to Kafka at work.");
        var often = await Applicant("Otto Often", configure: c => c.ResumeText =
            "Kafka streams expert. Ran Kafka clusters with Kafka Connect and wrote Kafka consumers for payments.");
        await Applicant("Nina None", configure: c => c.ResumeText = "Rust and PostgreSQL.");

        var model = await Search("kafka");

        Assert.Equal([often, once], model.Results.Select(r => r.Id));
        Assert.Contains(model.Results[0].Snippet, s => s.Hit && s.Text.Equals("Kafka", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("résumé", model.Results[0].MatchedOn);
        // Stemming: "consumer" finds "consumers".
        Assert.Equal(often, Assert.Single((await Search("consumer")).Results).Id);
    }

    [Fact]
    public async Task Should_rank_a_name_match_above_a_resume_mention()
    {
        var mention = await Applicant("Alice Smith", configure: c => c.ResumeText = "Worked with Carter on the search team.");
        var named = await Applicant("Jo Carter", configure: c => c.ResumeText = "Backend engineer.");
        Assert.Equal([named, mention], (await Search("carter")).Results.Select(r => r.Id));
    }

    [Fact]
    public async Task Should_find_by_tag()
    {
        var tagged = await Applicant("Tagged One", configure: c => c.AddTag("strong-sql"));
        await Applicant("Untagged Two");
        Assert.Equal(tagged, Assert.Single((await Search("Strong-SQL")).Results).Id);
    }

    [Fact]
    public async Task Should_apply_the_filters_and_only_show_candidates_of_my_postings()
    {
        var screen = await Applicant("Stage Screen", stage: "Recruiter screen");
        var review = await Applicant("Stage Review");
        var otherRecruiter = await App.CreateUserAsync("Other Recruiter", Roles.Recruiter);
        var otherPosting = await App.CreatePostingAsync(otherRecruiter, Manager);
        var hidden = await App.CreateCandidateAsync("Stage Hidden");
        await App.CreateApplicationAsync(otherPosting, hidden);

        var all = await App.SendAsync(new SearchCandidates.Query { Q = "stage" }, Recruiter);
        Assert.Equal(2, all.Results.Count);
        Assert.DoesNotContain(all.Results, r => r.Id == hidden);
        var byStage = await App.SendAsync(new SearchCandidates.Query { Q = "stage", PostingId = Posting.Id, StageId = Posting.Stage("Recruiter screen").Id }, Recruiter);
        Assert.Equal(screen, Assert.Single(byStage.Results).Id);
        var bySource = await App.SendAsync(new SearchCandidates.Query { PostingId = Posting.Id, Source = CandidateSource.Referral }, Recruiter);
        Assert.Empty(bySource.Results);
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        var byDate = await App.SendAsync(new SearchCandidates.Query { AppliedFrom = today, AppliedTo = today }, Recruiter);
        Assert.Equal([review, screen], byDate.Results.Select(r => r.Id));
        var admin = await App.CreateUserAsync("Search Admin", Roles.Admin);
        Assert.Equal(3, (await App.SendAsync(new SearchCandidates.Query { Q = "stage" }, admin)).Results.Count);
    }

    [Fact]
    public async Task Should_read_applied_dates_as_days_in_the_searchers_time_zone()
    {
        // 10 March 2026, 21:00 in Los Angeles (PDT, UTC-7) is 11 March 04:00 UTC.
        var evening = await Applicant("Late Applicant");
        await App.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE applications SET applied_at = {new DateTimeOffset(2026, 3, 11, 4, 0, 0, TimeSpan.Zero)} WHERE candidate_id = {evening}"));
        var tenth = new DateOnly(2026, 3, 10);
        var eleventh = new DateOnly(2026, 3, 11);

        var inLosAngeles = await App.SendAsync(new SearchCandidates.Query { AppliedFrom = tenth, AppliedTo = tenth, TimeZoneId = "America/Los_Angeles" }, Recruiter);
        Assert.Equal(evening, Assert.Single(inLosAngeles.Results).Id);
        Assert.Empty((await App.SendAsync(new SearchCandidates.Query { AppliedFrom = eleventh, TimeZoneId = "America/Los_Angeles" }, Recruiter)).Results);
        // The same days in UTC (or an unknown zone) are UTC days.
        Assert.Empty((await App.SendAsync(new SearchCandidates.Query { AppliedFrom = tenth, AppliedTo = tenth }, Recruiter)).Results);
        Assert.Single((await App.SendAsync(new SearchCandidates.Query { AppliedFrom = eleventh, AppliedTo = eleventh, TimeZoneId = "Not/AZone" }, Recruiter)).Results);
    }

    [Fact]
    public async Task Should_leave_out_merged_and_erased_candidates()
    {
        await Applicant("Gone Merged");
        var erased = await Applicant("Gone Erased");
        await App.WithDbAsync(async db =>
        {
            (await db.Candidates.FindAsync(erased))!.Erase(App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        Assert.Single((await Search("gone")).Results);
    }
}
