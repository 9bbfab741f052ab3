using System.Text.Json;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

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
            cmd.CommandText = "SELECT table_name, column_name, data_type FROM information_schema.columns " +
                              "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'bytea')";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (table, column, type) in columns)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = table == "file_contents" ? "SELECT count(*) FROM file_contents"
                : type == "bytea" ? $"SELECT count(*) FROM \"{table}\" WHERE position(convert_to('{word.ToLowerInvariant()}', 'UTF8') in \"{column}\") > 0"
                : $"SELECT count(*) FROM \"{table}\" WHERE lower(\"{column}\") LIKE '%{word.ToLowerInvariant()}%'";
            if ((long)(await cmd.ExecuteScalarAsync())! > 0) found.Add($"{table}.{column}");
        }
        return found.Distinct().ToList();
    });

    [Fact]
    public async Task Should_export_every_kind_of_record_the_profile_shows()
    {
        var (candidateId, applicationId) = await CandidateWithEverythingAsync();

        var export = await App.SendAsync(new ExportCandidate.Command { CandidateId = candidateId }, Recruiter);

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
