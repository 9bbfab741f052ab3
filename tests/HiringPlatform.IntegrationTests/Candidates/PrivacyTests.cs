using System.Text.Json;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.IntegrationTests.Candidates;

public sealed class PrivacyTests(IntegrationFixture fixture) : PipelineTestBase(fixture)
{
    private const string Secret = "Zebulon";

    // A candidate with one of every kind of record the profile shows, each holding the word "Zebulon".
    private async Task<(Guid CandidateId, Guid ApplicationId)> CandidateWithEverythingAsync()
    {
        var candidateId = await App.CreateCandidateAsync($"{Secret} Quartermaine", $"{Secret.ToLowerInvariant()}@example.com", c =>
        {
            c.Phone = "+44 20 7946 0958";
            c.LinkedInUrl = "https://linkedin.com/in/zq";
            c.ResumeText = $"{Secret} built payment systems in Go and PostgreSQL.";
            c.AddTag("golang");
        });
        var applicationId = await App.CreateApplicationAsync(Posting, candidateId, "Coding exercise");
        var interviewId = await App.CreateInterviewAsync(applicationId, [Interviewer], App.Clock.GetUtcNow().AddDays(-1));
        await App.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            db.ScreeningAnswers.Add(new ScreeningAnswer(applicationId, Guid.CreateVersion7(), "Why us?", $"{Secret} loves remote work."));
            application.CoverNote = $"Dear team, {Secret} here.";
            var competency = await db.RubricItems.Where(r => r.PostingId == Posting.Id).Select(r => r.CompetencyId).FirstAsync();
            var version = await db.Competencies.Where(c => c.Id == competency).Select(c => c.CurrentVersionId).SingleAsync();
            var scorecard = new Scorecard(interviewId, applicationId, Interviewer.Id);
            scorecard.SaveDraft([new ScorecardRatingInput(competency, version, "System design", 3, $"{Secret} sharded the table.")], [],
                Recommendation.Yes, null, $"{Secret} private");
            scorecard.Submit(App.Clock.GetUtcNow());
            db.Scorecards.Add(scorecard);
            db.Decisions.Add(new Decision(applicationId, Manager.Id, DecisionKind.Advance, $"{Secret} is strong.", null, App.Clock.GetUtcNow()));
            db.CandidateNotes.Add(new CandidateNote(candidateId, applicationId, Recruiter.Id, $"Called {Secret}."));
            db.Files.Add(new StoredFile(candidateId, FileKind.Resume, $"{Secret}-cv.pdf", "application/pdf", 9, "resumes/z", App.Clock.GetUtcNow())
            { Extraction = ExtractionStatus.Done, ExtractedText = $"{Secret} text" });
            db.FileContents.Add(new FileContent("resumes/z", "%PDF-1.4 "u8.ToArray()));
            db.OutboxEmails.Add(new OutboxEmail($"{Secret.ToLowerInvariant()}@example.com", $"{Secret} Q", "Your interview", $"Hi {Secret}", null,
                App.Clock.GetUtcNow(), candidateId));
            db.ActivityEvents.Add(new ActivityEvent(candidateId, applicationId, App.Clock.GetUtcNow(), Recruiter.Id, ActivityKind.NoteAdded, $"Spoke to {Secret}"));
            await db.SaveChangesAsync();
        });
        return (candidateId, applicationId);
    }

    // Every text, varchar and bytea column of every table that contains the word; the file store counts as a whole.
    private Task<List<string>> ColumnsMentioningAsync(string word) => App.QueryAsync(async db =>
    {
        var found = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var cmd = connection.CreateCommand())
        {
            // Arrays (tags), tsvector (search) and jsonb too: each can hold a copy of a name or a résumé's words.
            cmd.CommandText = "SELECT table_name, column_name, data_type FROM information_schema.columns " +
                              "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'bytea', 'ARRAY', 'tsvector', 'jsonb', 'json')";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (table, column, type) in columns)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = table == "file_contents" ? "SELECT count(*) FROM file_contents"
                : type == "bytea" ? $"SELECT count(*) FROM \"{table}\" WHERE position(convert_to('{word.ToLowerInvariant()}', 'UTF8') in \"{column}\") > 0"
                : $"SELECT count(*) FROM \"{table}\" WHERE lower(\"{column}\"::text) LIKE '%{word.ToLowerInvariant()}%'";
            if ((long)(await cmd.ExecuteScalarAsync())! > 0) found.Add($"{table}.{column}");
        }
        return found.Distinct().ToList();
    });

    [Fact]
    public async Task Should_export_every_kind_of_record_the_profile_shows()
    {
        var (candidateId, applicationId) = await CandidateWithEverythingAsync();

        var admin = await App.CreateUserAsync("Exporting Admin", Roles.Admin);
        var export = await App.SendAsync(new ExportCandidate.Command { CandidateId = candidateId }, admin);

        Assert.Equal($"{Secret} Quartermaine", export.Profile.FullName);
        Assert.Contains("golang", export.Profile.Tags);
        var application = Assert.Single(export.Applications);
        Assert.Equal("Coding exercise", application.Stage);
        Assert.Equal($"{Secret} loves remote work.", Assert.Single(application.ScreeningAnswers).Answer);
        Assert.Contains(Secret, application.CoverNote);
        Assert.Contains(Secret, Assert.Single(export.Notes).Body);
        Assert.Equal([Interviewer.DisplayName], Assert.Single(export.Interviews).Interviewers);
        Assert.Contains(Secret, Assert.Single(Assert.Single(export.Scorecards).Ratings).Evidence);
        Assert.Single(export.Decisions);
        Assert.Equal($"{Secret}-cv.pdf", Assert.Single(export.Files).FileName);
        Assert.Equal("Your interview", Assert.Single(export.Emails).Subject);
        Assert.Contains(export.Timeline, e => e.Kind == nameof(ActivityKind.Applied));
        // It serialises, and the export itself is recorded.
        Assert.Contains(Secret, JsonSerializer.Serialize(export));
        Assert.True(await App.QueryAsync(db => db.ActivityEvents.AnyAsync(e => e.CandidateId == candidateId && e.Kind == ActivityKind.Exported)));
        _ = applicationId;
    }

    [Fact]
    public async Task Should_erase_every_personal_value_and_keep_anonymous_counts()
    {
        var (candidateId, applicationId) = await CandidateWithEverythingAsync();
        var admin = await App.CreateUserAsync("Erasing Admin", Roles.Admin);
        var eventsBefore = await App.QueryAsync(db => db.ActivityEvents.CountAsync(e => e.CandidateId == candidateId));
        Assert.Contains("applications.cover_note", await ColumnsMentioningAsync(Secret));

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new EraseCandidate.Command { CandidateId = candidateId, Confirm = true }, Recruiter));
        await App.SendAsync(new EraseCandidate.Command { CandidateId = candidateId, Confirm = true }, admin);

        // Nothing personal is left anywhere in the database (and the scan does find it before the erasure).
        var leftovers = await ColumnsMentioningAsync(Secret);
        Assert.Empty(leftovers);

        var candidate = (await App.FindAsync<Candidate>(candidateId))!;
        Assert.True(candidate.IsErased);
        Assert.Empty(candidate.Tags);
        Assert.Null(candidate.Phone);
        // Anonymous facts stay: the application row with its stage and status, the timeline's shape, the scorecard's rating.
        var application = (await App.FindAsync<JobApplication>(applicationId))!;
        Assert.Equal(Posting.Stage("Coding exercise").Id, application.StageId);
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal(eventsBefore + 1, await App.QueryAsync(db => db.ActivityEvents.CountAsync(e => e.CandidateId == candidateId)));
        Assert.Equal(3, await App.QueryAsync(db => db.ScorecardRatings.Select(r => r.Rating).SingleAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.CandidateNotes.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.Files.CountAsync()));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Command == "EraseCandidate.Command" && a.EntityType == nameof(Candidate) && a.EntityId == candidateId.ToString())));
    }

    [Fact]
    public async Task Should_scan_tags_and_search_vectors_too()
    {
        await App.CreateCandidateAsync("Plain Person", configure: c => { c.AddTag(Secret.ToLowerInvariant()); c.ResumeText = "Zebulon"; });

        var found = await ColumnsMentioningAsync(Secret);

        Assert.Contains("candidates.tags", found);
        Assert.Contains("candidates.search_vector", found);
    }

    [Fact]
    public async Task Should_keep_nothing_on_a_merged_away_profile_and_erase_it_with_the_survivor()
    {
        var admin = await App.CreateUserAsync("Erasing Admin", Roles.Admin);
        var (survivorId, applicationId) = await CandidateWithEverythingAsync();
        var duplicateId = await App.CreateCandidateAsync($"{Secret} Quartermaine", $"{Secret.ToLowerInvariant()}.q@example.org", c =>
        {
            c.Phone = "+44 20 7946 0958";
            c.WebsiteUrl = $"https://{Secret.ToLowerInvariant()}.dev";
            c.ResumeText = $"{Secret} also wrote Rust.";
            c.AddTag(Secret.ToLowerInvariant());
        });
        await App.CreateApplicationAsync(await App.CreatePostingAsync(Recruiter, Manager), duplicateId);
        await App.WithDbAsync(async db =>
        {
            // An email to their address queued without a candidate id, and an interview link naming them.
            db.OutboxEmails.Add(new OutboxEmail($"{Secret.ToLowerInvariant()}.q@example.org", null, "Hello", $"Hi {Secret}", null, App.Clock.GetUtcNow()));
            await db.Interviews.Where(i => i.ApplicationId == applicationId)
                .ExecuteUpdateAsync(x => x.SetProperty(i => i.LocationOrLink, $"Call {Secret} on +44 20 7946 0958"));
            await db.SaveChangesAsync();
            return 0;
        });

        await App.SendAsync(new MergeCandidates.Command { CandidateId = survivorId, OtherId = duplicateId, SurvivorId = survivorId }, Recruiter);

        var merged = (await App.FindAsync<Candidate>(duplicateId))!;
        Assert.Equal(survivorId, merged.MergedIntoId);
        Assert.Equal(("Merged candidate", (string?)null, (string?)null, (string?)null), (merged.FullName, merged.Phone, merged.WebsiteUrl, merged.ResumeText));
        Assert.Empty(merged.Tags);
        // The survivor took what it lacked (the website), so nothing was lost.
        Assert.Equal($"https://{Secret.ToLowerInvariant()}.dev", (await App.FindAsync<Candidate>(survivorId))!.WebsiteUrl);

        await App.SendAsync(new EraseCandidate.Command { CandidateId = survivorId, Confirm = true }, admin);

        Assert.Equal([], await ColumnsMentioningAsync(Secret));
        Assert.True((await App.FindAsync<Candidate>(duplicateId))!.IsErased);
        Assert.Equal([], await ColumnsMentioningAsync("7946"));
    }

    [Fact]
    public async Task Should_let_an_admin_erase_a_merged_away_profile()
    {
        var admin = await App.CreateUserAsync("Erasing Admin", Roles.Admin);
        var first = await App.CreateCandidateAsync("Nia Okafor");
        await App.CreateApplicationAsync(Posting, first);
        var second = await App.CreateCandidateAsync("Nia Okafor");
        await App.CreateApplicationAsync(Posting, second, "Recruiter screen");
        await App.SendAsync(new MergeCandidates.Command { CandidateId = first, OtherId = second, SurvivorId = first }, Recruiter);

        await App.SendAsync(new EraseCandidate.Command { CandidateId = second, Confirm = true }, admin);

        Assert.True((await App.FindAsync<Candidate>(second))!.IsErased);
        Assert.False((await App.FindAsync<Candidate>(first))!.IsErased);
    }

    [Fact]
    public async Task Should_make_candidates_due_on_last_activity_even_without_a_closed_application()
    {
        var admin = await App.CreateUserAsync("Retention Admin", Roles.Admin);
        var neverApplied = await App.CreateCandidateAsync("Sourced Never Applied");
        var exportedOnly = await App.CreateCandidateAsync("Only Exported Lately");
        var (stillActive, _) = await App.CreateApplicantAsync(Posting, "Open Forever");
        var recentlyTouched = await App.CreateCandidateAsync("Recently Touched");
        App.Clock.Advance(TimeSpan.FromDays(30 * 25));
        await App.WithDbAsync(async db =>
        {
            db.ActivityEvents.Add(new ActivityEvent(recentlyTouched, null, App.Clock.GetUtcNow(), Recruiter.Id, ActivityKind.ResumeUploaded, "Résumé uploaded"));
            db.ActivityEvents.Add(new ActivityEvent(exportedOnly, null, App.Clock.GetUtcNow(), admin.Id, ActivityKind.Exported, "Exported"));
            await db.SaveChangesAsync();
            return 0;
        });

        var list = await App.SendAsync(new GetRetentionList.Query(), admin);

        Assert.Equal(new[] { neverApplied, exportedOnly }.Order().ToArray(), list.Items.Select(i => i.Id).Order().ToArray());
        Assert.DoesNotContain(list.Items, i => i.Id == stillActive || i.Id == recentlyTouched);
    }

    [Fact]
    public async Task Should_erase_due_candidates_on_schedule_on_one_instance_at_a_time_and_audit_what_it_erased()
    {
        var (dueId, dueApp) = await App.CreateApplicantAsync(Posting, "Old Applicant");
        await App.SendAsync(new RejectApplication.Command { ApplicationId = dueApp, Version = await VersionOf(dueApp), Reason = RejectionReason.ExperienceLevel }, Recruiter);
        var quiet = await App.CreateCandidateAsync("Quiet Sourced");
        App.Clock.Advance(TimeSpan.FromDays(30 * 25));
        var (recentId, _) = await App.CreateApplicantAsync(Posting, "Recent Applicant");

        // Another instance holds the lock: this one skips the round and erases nothing.
        await using (var other = App.Services.CreateAsyncScope())
        {
            var connection = other.ServiceProvider.GetRequiredService<HiringPlatform.Application.Data.AppDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var held = await connection.BeginTransactionAsync();
            await using var take = connection.CreateCommand();
            take.CommandText = $"SELECT pg_try_advisory_xact_lock({HiringPlatform.Application.Common.Jobs.JobLock.Retention})";
            Assert.True((bool)(await take.ExecuteScalarAsync())!);
            Assert.Null(await RunRetentionAsync());
            Assert.False((await App.FindAsync<Candidate>(dueId))!.IsErased);
        }

        Assert.Equal(2, await RunRetentionAsync());

        Assert.True((await App.FindAsync<Candidate>(dueId))!.IsErased);
        Assert.True((await App.FindAsync<Candidate>(quiet))!.IsErased);
        Assert.False((await App.FindAsync<Candidate>(recentId))!.IsErased);
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == ScheduledRetention.AuditEntityType));
        Assert.Equal(ScheduledRetention.CommandName, audit.Command);
        Assert.Equal(new[] { dueId.ToString(), quiet.ToString() }.Order().ToArray(), audit.Fields.Order().ToArray());
        Assert.Equal(0, await RunRetentionAsync());
    }

    [Fact]
    public async Task Should_forget_idempotency_keys_older_than_a_week_on_schedule()
    {
        var now = App.Clock.GetUtcNow();
        var old = Guid.NewGuid();
        var recent = Guid.NewGuid();
        await App.WithDbAsync(async db =>
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord(old, "ApplyToPosting", null, now - IdempotencyRecord.KeptFor - TimeSpan.FromMinutes(1), "{}"));
            db.IdempotencyRecords.Add(new IdempotencyRecord(recent, "ApplyToPosting", null, now - TimeSpan.FromDays(1), "{}"));
            await db.SaveChangesAsync();
        });

        await RunRetentionAsync();

        var left = await App.QueryAsync(db => db.IdempotencyRecords.Select(r => r.Key).ToListAsync());
        Assert.Equal([recent], left);
    }

    private async Task<int?> RunRetentionAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduledRetention>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Should_list_candidates_due_for_erasure_and_erase_them_in_batches()
    {
        var admin = await App.CreateUserAsync("Retention Admin", Roles.Admin);
        var (dueId, dueApp) = await App.CreateApplicantAsync(Posting, "Old Applicant");
        await App.SendAsync(new RejectApplication.Command { ApplicationId = dueApp, Version = await VersionOf(dueApp), Reason = RejectionReason.ExperienceLevel }, Recruiter);
        var (stillOpen, stillOpenApp) = await App.CreateApplicantAsync(Posting, "Also Applied Elsewhere");
        var other = await App.CreatePostingAsync(Recruiter, Manager);
        await App.SendAsync(new WithdrawApplication.Command { ApplicationId = stillOpenApp, Version = await VersionOf(stillOpenApp) }, Recruiter);
        await App.CreateApplicationAsync(other, stillOpen);
        App.Clock.Advance(TimeSpan.FromDays(30 * 25));
        var (recentId, recentApp) = await App.CreateApplicantAsync(Posting, "Recent Applicant");
        await App.SendAsync(new RejectApplication.Command { ApplicationId = recentApp, Version = await VersionOf(recentApp), Reason = RejectionReason.ExperienceLevel }, Recruiter);

        var list = await App.SendAsync(new GetRetentionList.Query(), admin);

        Assert.Equal(24, list.Months);
        Assert.Equal(dueId, Assert.Single(list.Items).Id);
        Assert.Equal(1, list.DueCount);

        var result = await App.SendAsync(new EraseDueCandidates.Command { AllDue = true }, admin);
        Assert.Equal(1, result.Erased);
        Assert.Equal(0, result.Remaining);
        Assert.True((await App.FindAsync<Candidate>(dueId))!.IsErased);
        Assert.False((await App.FindAsync<Candidate>(recentId))!.IsErased);
        Assert.False((await App.FindAsync<Candidate>(stillOpen))!.IsErased);
        Assert.Empty((await App.SendAsync(new GetRetentionList.Query(), admin)).Items);
    }
}
