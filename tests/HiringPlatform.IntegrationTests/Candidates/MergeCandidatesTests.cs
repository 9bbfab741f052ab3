using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Candidates;

public sealed class MergeCandidatesTests(IntegrationFixture fixture) : PipelineTestBase(fixture)
{
    [Fact]
    public async Task Should_flag_the_same_name_and_phone_or_the_same_linkedin_as_possible_duplicates_on_both_profiles()
    {
        var first = await App.CreateCandidateAsync("Maria Garcia", configure: c =>
        {
            c.Phone = "+1 (555) 201-3344";
            c.LinkedInUrl = "https://www.linkedin.com/in/maria-g/";
        });
        await App.CreateApplicationAsync(Posting, first);

        var samePhone = await App.SendAsync(new AddCandidate.Command
        {
            FullName = "maria  garcia", Email = "maria.g@example.org", Phone = "555 201 3344", Source = CandidateSource.Sourced, PostingId = Posting.Id,
        }, Recruiter);
        var sameLinkedIn = await App.SendAsync(new AddCandidate.Command
        {
            FullName = "M. Garcia", Email = "mg@example.net", LinkedInUrl = "http://linkedin.com/in/Maria-G?trk=x", Source = CandidateSource.Referral,
            SourceDetail = "Sam", PostingId = Posting.Id,
        }, Recruiter);
        var unrelated = await App.SendAsync(new AddCandidate.Command
        {
            FullName = "Maria Lopez", Email = "ml@example.net", Phone = "+1 555 201 3344", Source = CandidateSource.Sourced, PostingId = Posting.Id,
        }, Recruiter);

        var pairs = await App.QueryAsync(db => db.PossibleDuplicates.AsNoTracking().ToListAsync());
        Assert.Equal(2, pairs.Count);
        Assert.Contains(pairs, p => p.Reason == Duplicates.SamePhone && new[] { p.CandidateId, p.OtherCandidateId }.Order().SequenceEqual(new[] { first, samePhone }.Order()));
        Assert.Contains(pairs, p => p.Reason == Duplicates.SameLinkedIn && new[] { p.CandidateId, p.OtherCandidateId }.Order().SequenceEqual(new[] { first, sameLinkedIn }.Order()));
        Assert.DoesNotContain(pairs, p => p.CandidateId == unrelated || p.OtherCandidateId == unrelated);

        var profile = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = first }, Recruiter);
        Assert.Equal(2, profile.Duplicates.Count);
        var other = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = samePhone }, Recruiter);
        Assert.Equal(first, Assert.Single(other.Duplicates).OtherId);
    }

    [Fact]
    public async Task Should_not_leave_the_merged_pair_flagged_when_it_was_never_flagged_before()
    {
        var first = await App.CreateCandidateAsync("Noor Haddad", configure: c => c.Phone = "+44 20 7946 0018");
        await App.CreateApplicationAsync(Posting, first);
        var second = await App.CreateCandidateAsync("Noor Haddad", configure: c => c.Phone = "020 7946 0018");
        await App.CreateApplicationAsync(Posting, second, "Recruiter screen");

        await App.SendAsync(new MergeCandidates.Command { CandidateId = first, OtherId = second, SurvivorId = first }, Recruiter);

        Assert.Equal(0, await App.QueryAsync(db => db.PossibleDuplicates.CountAsync(d => d.ResolvedAt == null)));
        Assert.Empty((await App.SendAsync(new GetCandidateProfile.Query { CandidateId = first }, Recruiter)).Duplicates);
    }

    [Fact]
    public async Task Should_not_flag_a_pair_again_once_dismissed()
    {
        var first = await App.CreateCandidateAsync("Li Wei", configure: c => c.Phone = "+86 10 5555 1234");
        await App.CreateApplicationAsync(Posting, first);
        var second = await App.SendAsync(new AddCandidate.Command
        {
            FullName = "Li Wei", Email = "li.wei@example.org", Phone = "010 5555 1234", Source = CandidateSource.Sourced, PostingId = Posting.Id,
        }, Recruiter);
        var pair = await App.QueryAsync(db => db.PossibleDuplicates.SingleAsync());
        await App.SendAsync(new DismissDuplicate.Command { DuplicateId = pair.Id }, Recruiter);

        var edit = await App.SendAsync(new EditCandidate.Query { CandidateId = second }, Recruiter);
        await App.SendAsync(edit with { Location = "Beijing" }, Recruiter);

        Assert.NotNull((await App.QueryAsync(db => db.PossibleDuplicates.SingleAsync())).ResolvedAt);
        Assert.Empty((await App.SendAsync(new GetCandidateProfile.Query { CandidateId = first }, Recruiter)).Duplicates);
    }

    [Fact]
    public async Task Should_merge_keeping_everything_and_collapse_applications_to_the_same_posting()
    {
        var otherPosting = await App.CreatePostingAsync(Recruiter, Manager, title: "Staff Backend Engineer");
        // The survivor is in the posting's screen; the duplicate got further (coding exercise) with an interview and a scorecard.
        var (survivor, survivorApp) = await App.CreateApplicantAsync(Posting, "Maria Garcia", "Recruiter screen");
        var (duplicate, duplicateApp) = await App.CreateApplicantAsync(Posting, "Maria Garcia", "Coding exercise");
        var elsewhere = await App.CreateApplicationAsync(otherPosting, duplicate);
        var interviewId = await App.CreateInterviewAsync(duplicateApp, [Interviewer]);
        await App.WithDbAsync(async db =>
        {
            db.Scorecards.Add(new Scorecard(interviewId, duplicateApp, Interviewer.Id));
            db.CandidateNotes.Add(new CandidateNote(duplicate, duplicateApp, Recruiter.Id, "Strong on Postgres."));
            db.CandidateNotes.Add(new CandidateNote(survivor, survivorApp, Recruiter.Id, "Referred by Sam."));
            db.Files.Add(new StoredFile(duplicate, FileKind.Resume, "cv.pdf", "application/pdf", 10, "k1", App.Clock.GetUtcNow()));
            db.OutboxEmails.Add(new OutboxEmail("dup@example.com", "Maria", "Hello", "Body", null, App.Clock.GetUtcNow(), duplicate));
            var d = await db.Candidates.FindAsync(duplicate);
            d!.Phone = "+1 555 0100 200";
            d.AddTag("postgres");
            await db.SaveChangesAsync();
        });
        var survivorEvents = await App.QueryAsync(db => db.ActivityEvents.CountAsync(e => e.CandidateId == survivor));
        var duplicateEvents = await App.QueryAsync(db => db.ActivityEvents.CountAsync(e => e.CandidateId == duplicate));

        var result = await App.SendAsync(new MergeCandidates.Command { CandidateId = survivor, OtherId = duplicate, SurvivorId = survivor }, Recruiter);

        Assert.Equal(1, result.ApplicationsMoved);
        Assert.Equal(1, result.ApplicationsCombined);
        var applications = await App.QueryAsync(db => db.Applications.AsNoTracking().Where(a => a.CandidateId == survivor).ToListAsync());
        Assert.Equal(2, applications.Count);
        // The further-advanced application (the duplicate's) stays, now the survivor's; the other is gone.
        var kept = Assert.Single(applications, a => a.PostingId == Posting.Id);
        Assert.Equal(duplicateApp, kept.Id);
        Assert.Equal(Posting.Stage("Coding exercise").Id, kept.StageId);
        Assert.Contains(applications, a => a.Id == elsewhere);
        Assert.Null(await App.FindAsync<JobApplication>(survivorApp));
        // Interviews, scorecards, notes, files, emails and the whole timeline follow.
        Assert.Equal(duplicateApp, (await App.FindAsync<Interview>(interviewId))!.ApplicationId);
        Assert.Equal(duplicateApp, await App.QueryAsync(db => db.Scorecards.Select(s => s.ApplicationId).SingleAsync()));
        // Both notes, and a third that keeps the combined-away application's own record.
        Assert.Equal(3, await App.QueryAsync(db => db.CandidateNotes.CountAsync(n => n.CandidateId == survivor)));
        Assert.Equal(3, await App.QueryAsync(db => db.CandidateNotes.CountAsync(n => n.ApplicationId == duplicateApp)));
        Assert.True(await App.QueryAsync(db => db.CandidateNotes.AnyAsync(n => n.ApplicationId == duplicateApp && n.Body.Contains("Recruiter screen"))));
        Assert.Equal(survivor, await App.QueryAsync(db => db.Files.Select(f => f.CandidateId).SingleAsync()));
        Assert.Equal(survivor, await App.QueryAsync(db => db.OutboxEmails.Select(e => e.CandidateId).SingleAsync()));
        Assert.Equal(survivorEvents + duplicateEvents + 1, await App.QueryAsync(db => db.ActivityEvents.CountAsync(e => e.CandidateId == survivor)));
        Assert.Equal(0, await App.QueryAsync(db => db.ActivityEvents.CountAsync(e => e.ApplicationId == survivorApp)));
        // The survivor takes the details it lacked; the duplicate points at it.
        var merged = (await App.FindAsync<Candidate>(survivor))!;
        Assert.Equal("+1 555 0100 200", merged.Phone);
        Assert.Contains("postgres", merged.Tags);
        Assert.Equal(survivor, (await App.FindAsync<Candidate>(duplicate))!.MergedIntoId);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Command == "MergeCandidates.Command" && a.EntityId == duplicate.ToString())));
        var profile = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = duplicate }, Recruiter);
        Assert.Equal(survivor, profile.MergedIntoId);
    }

    private async Task RejectAsync(Guid applicationId, string note) => await App.SendAsync(new RejectApplication.Command
    {
        ApplicationId = applicationId, Version = await VersionOf(applicationId), Reason = RejectionReason.Other, Note = note,
    }, Recruiter);

    private Task AnswerAsync(Guid applicationId, params (Guid QuestionId, string Question, string Answer)[] answers) =>
        App.WithDbAsync(async db =>
        {
            var application = await db.Applications.Include(a => a.Answers).SingleAsync(a => a.Id == applicationId);
            foreach (var (questionId, question, answer) in answers) application.AddAnswer(questionId, question, answer);
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Should_keep_the_active_application_over_a_rejected_one_that_got_further()
    {
        // The survivor's application got to the coding exercise and was rejected; the duplicate's is active in the screen.
        var (survivor, rejected) = await App.CreateApplicantAsync(Posting, "Ada Active", "Coding exercise");
        var (duplicate, active) = await App.CreateApplicantAsync(Posting, "Ada Active", "Recruiter screen");
        await RejectAsync(rejected, "Applied again later under another address.");

        var result = await App.SendAsync(new MergeCandidates.Command { CandidateId = survivor, OtherId = duplicate, SurvivorId = survivor }, Recruiter);

        Assert.Equal(1, result.ApplicationsCombined);
        var kept = Assert.Single(await App.QueryAsync(db => db.Applications.AsNoTracking().Where(a => a.CandidateId == survivor).ToListAsync()));
        Assert.Equal(active, kept.Id);
        Assert.Equal(ApplicationStatus.Active, kept.Status);
        Assert.Equal(Posting.Stage("Recruiter screen").Id, kept.StageId);
        // Still in the pipeline: the board shows the card.
        var profile = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = survivor }, Recruiter);
        Assert.Equal(ApplicationStatus.Active, Assert.Single(profile.Applications).Status);
    }

    [Fact]
    public async Task Should_keep_the_screening_answers_of_the_application_combined_away()
    {
        var years = Guid.CreateVersion7();
        var visa = Guid.CreateVersion7();
        var (survivor, kept) = await App.CreateApplicantAsync(Posting, "Sven Answers", "Coding exercise");
        var (duplicate, dropped) = await App.CreateApplicantAsync(Posting, "Sven Answers", "Recruiter screen");
        await AnswerAsync(kept, (years, "Years of backend experience?", "5"));
        await AnswerAsync(dropped, (years, "Years of backend experience?", "6"), (visa, "Do you need a visa?", "No, EU citizen"));

        await App.SendAsync(new MergeCandidates.Command { CandidateId = survivor, OtherId = duplicate, SurvivorId = survivor }, Recruiter);

        var answers = await App.QueryAsync(db => db.ScreeningAnswers.AsNoTracking().Where(a => a.ApplicationId == kept).ToListAsync());
        // The kept application's own answer stays; the question only the other one answered moves over.
        Assert.Equal("5", Assert.Single(answers, a => a.QuestionId == years).Answer);
        Assert.Equal("No, EU citizen", Assert.Single(answers, a => a.QuestionId == visa).Answer);
        // The other answer to the same question is not lost: it is in a note on the kept application.
        var notes = await App.QueryAsync(db => db.CandidateNotes.AsNoTracking().Where(n => n.ApplicationId == kept).Select(n => n.Body).ToListAsync());
        Assert.Contains(notes, n => n.Contains("Years of backend experience?", StringComparison.Ordinal) && n.Contains("6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_move_the_interview_ahead_onto_the_kept_active_application()
    {
        var (survivor, rejected) = await App.CreateApplicantAsync(Posting, "Ines Interview", "Coding exercise");
        var (duplicate, active) = await App.CreateApplicantAsync(Posting, "Ines Interview", "Recruiter screen");
        await RejectAsync(rejected, "Duplicate profile.");
        var interviewId = await App.CreateInterviewAsync(active, [Interviewer]);

        await App.SendAsync(new MergeCandidates.Command { CandidateId = survivor, OtherId = duplicate, SurvivorId = survivor }, Recruiter);

        var interview = (await App.FindAsync<Interview>(interviewId))!;
        var owner = (await App.FindAsync<JobApplication>(interview.ApplicationId))!;
        Assert.Equal(ApplicationStatus.Active, owner.Status);
        Assert.Equal(survivor, owner.CandidateId);
        Assert.Equal(InterviewStatus.Scheduled, interview.Status);
        Assert.Single((await App.SendAsync(new GetMyInterviews.Query(), Interviewer)).MyUpcoming);
    }

    [Fact]
    public async Task Should_cancel_with_notices_the_interview_ahead_that_comes_onto_a_hired_application()
    {
        var (survivor, hired) = await App.CreateApplicantAsync(Posting, "Hugo Hired", "Coding exercise");
        var (duplicate, active) = await App.CreateApplicantAsync(Posting, "Hugo Hired", "Recruiter screen");
        await App.WithDbAsync(async db =>
        {
            (await db.Applications.SingleAsync(a => a.Id == hired)).Hire(App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var interviewId = await App.CreateInterviewAsync(active, [Interviewer]);
        await App.WithDbAsync(db => db.OutboxEmails.ExecuteDeleteAsync());

        await App.SendAsync(new MergeCandidates.Command { CandidateId = survivor, OtherId = duplicate, SurvivorId = survivor }, Recruiter);

        var interview = (await App.FindAsync<Interview>(interviewId))!;
        Assert.Equal(hired, interview.ApplicationId);
        Assert.Equal(ApplicationStatus.Hired, (await App.FindAsync<JobApplication>(hired))!.Status);
        Assert.Equal(InterviewStatus.Cancelled, interview.Status);
        Assert.Empty((await App.SendAsync(new GetMyInterviews.Query(), Interviewer)).MyUpcoming);
        var emails = await App.QueryAsync(db => db.OutboxEmails.AsNoTracking().ToListAsync());
        Assert.Contains(emails, e => e.To == Interviewer.Email && e.Subject.StartsWith("Interview cancelled", StringComparison.Ordinal));
        Assert.Contains(emails, e => e.CandidateId == survivor && e.Subject.StartsWith("Interview cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_show_the_combined_application_and_its_differing_answers_on_the_kept_profile()
    {
        var years = Guid.CreateVersion7();
        var (survivor, kept) = await App.CreateApplicantAsync(Posting, "Pia Profile", "Recruiter screen");
        var (duplicate, dropped) = await App.CreateApplicantAsync(Posting, "Pia Profile", "Coding exercise");
        await AnswerAsync(kept, (years, "Years of backend experience?", "5"));
        await AnswerAsync(dropped, (years, "Years of backend experience?", "Six, counting my internship"));
        await App.WithDbAsync(async db =>
        {
            (await db.Applications.SingleAsync(a => a.Id == kept)).CoverNote = "I love databases.";
            (await db.Applications.SingleAsync(a => a.Id == dropped)).CoverNote = "Hired engineers at my last job.";
            await db.SaveChangesAsync();
        });
        await RejectAsync(dropped, "Salary expectations far above the band.");

        await App.SendAsync(new MergeCandidates.Command { CandidateId = survivor, OtherId = duplicate, SurvivorId = survivor }, Recruiter);

        var profile = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = survivor }, Recruiter);
        var application = Assert.Single(profile.Applications);
        Assert.Equal(kept, application.Id);
        Assert.Equal(ApplicationStatus.Active, application.Status);
        // What could not be combined reads on the profile: the other application, its cover note, rejection and answer.
        var note = Assert.Single(profile.Notes, n => n.Body.Contains("Six, counting my internship", StringComparison.Ordinal));
        Assert.Equal(application.PostingTitle, note.PostingTitle);
        Assert.Contains("Hired engineers at my last job.", note.Body, StringComparison.Ordinal);
        Assert.Contains("Salary expectations far above the band.", note.Body, StringComparison.Ordinal);
        Assert.Contains("Coding exercise", note.Body, StringComparison.Ordinal);
        Assert.Contains(profile.Timeline, t => t.Kind == ActivityKind.Merged && t.Summary.Contains("note", StringComparison.Ordinal));
    }
}
