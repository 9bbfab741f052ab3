using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using HiringPlatform.Application.Features.Careers;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Careers;

public sealed class ApplyToPostingTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private async Task<PostingInfo> OpenPostingAsync(PostingStatus status = PostingStatus.Open)
    {
        var recruiter = await App.CreateUserAsync("Apply Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Apply Manager", Roles.HiringManager);
        return await App.CreatePostingAsync(recruiter, manager, status: status);
    }

    private Task<int> CountAsync<T>() where T : class => App.WithDbAsync(db => db.Set<T>().CountAsync());

    [Fact]
    public async Task Should_create_the_candidate_an_application_in_the_first_stage_the_file_activity_and_a_confirmation_email()
    {
        var posting = await OpenPostingAsync();
        var command = await App.ApplicationAsync(posting.Id, "Maya Rodriguez", "Maya.Rodriguez@Example.com");

        var result = await App.SendAsync(command, null);

        Assert.Equal(ApplyToPosting.Outcome.Applied, result.Outcome);
        var application = await App.WithDbAsync(db => db.Applications.Include(a => a.Answers).SingleAsync(a => a.Id == result.ApplicationId));
        Assert.Equal(posting.First.Id, application.StageId);
        Assert.Equal(ApplicationStatus.Active, application.Status);
        Assert.Equal(CandidateSource.CareersSite, application.Source);
        Assert.Equal("I would love to talk.", application.CoverNote);
        Assert.NotNull(application.ConsentedAt);
        Assert.Equal(24, application.ConsentRetentionMonths);
        Assert.Equal(["160,000 USD", "Four weeks", "Yes"], application.Answers.Select(a => a.Answer).Order(StringComparer.Ordinal).ToArray());

        var candidate = await App.WithDbAsync(db => db.Candidates.SingleAsync(c => c.Id == application.CandidateId));
        Assert.Equal(("Maya Rodriguez", "maya.rodriguez@example.com"), (candidate.FullName, candidate.Email));
        Assert.Equal(("+1 555 0100", "Lisbon, Portugal", "Europe/Lisbon"), (candidate.Phone, candidate.Location, candidate.TimeZoneId));
        Assert.Equal("https://github.com/janedoe", candidate.GitHubUrl);

        var file = await App.WithDbAsync(db => db.Files.SingleAsync(f => f.CandidateId == candidate.Id));
        Assert.Equal(candidate.ResumeFileId, file.Id);
        Assert.Equal((ResumeFile.PdfContentType, "resume.pdf", FileKind.Resume), (file.ContentType, file.FileName, file.Kind));
        Assert.Equal(command.Resume!.Content, await App.WithDbAsync(db => db.FileContents.Where(c => c.Key == file.StorageKey).Select(c => c.Data).SingleAsync()));

        var activity = await App.WithDbAsync(db => db.ActivityEvents.Where(e => e.ApplicationId == application.Id).Select(e => e.Kind).ToListAsync());
        Assert.Contains(ActivityKind.Applied, activity);
        var email = await App.WithDbAsync(db => db.OutboxEmails.SingleAsync());
        Assert.Equal(("maya.rodriguez@example.com", "Your application for Senior Backend Engineer", candidate.Id), (email.To, email.Subject, email.CandidateId));
        Assert.Matches(@"/careers/my-application/[A-Za-z0-9_-]{40,}", email.TextBody);
        Assert.Contains("/careers/my-application/", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_give_an_applicant_with_an_existing_candidates_email_a_profile_of_their_own_flagged_as_a_possible_duplicate()
    {
        var posting = await OpenPostingAsync();
        var otherTeam = await OpenPostingAsync();
        var existing = await App.CreateCandidateAsync("Tomasz Kowalski", "tomasz@example.com", c => c.Phone = "+48 600 000 000");
        var existingApplication = await App.CreateApplicationAsync(otherTeam, existing);
        var existingResume = await App.WithDbAsync(async db =>
        {
            var file = new StoredFile(existing, FileKind.Resume, "tomasz.pdf", ResumeFile.PdfContentType, 9, "resumes/tomasz", App.Clock.GetUtcNow());
            db.Files.Add(file);
            (await db.Candidates.SingleAsync(c => c.Id == existing)).ResumeFileId = file.Id;
            await db.SaveChangesAsync();
            return file.Id;
        });
        var before = (await App.FindAsync<Candidate>(existing))!;

        var result = await App.SendAsync(await App.ApplicationAsync(posting.Id, "Tom Stranger", "  TOMASZ@Example.COM "), null);

        // The existing profile is untouched: same row version, résumé, name, details, applications.
        Assert.Equal(ApplyToPosting.Outcome.Applied, result.Outcome);
        var after = (await App.FindAsync<Candidate>(existing))!;
        Assert.Equal((before.Version, existingResume, "Tomasz Kowalski", "+48 600 000 000", (string?)null),
            (after.Version, after.ResumeFileId!.Value, after.FullName, after.Phone, after.Location));
        Assert.Equal([existingApplication], await App.WithDbAsync(db => db.Applications.Where(a => a.CandidateId == existing).Select(a => a.Id).ToListAsync()));
        Assert.Equal([existingResume], await App.WithDbAsync(db => db.Files.Where(f => f.CandidateId == existing).Select(f => f.Id).ToListAsync()));

        // The applicant has a profile of their own, with the résumé, name and details as typed.
        var application = await App.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == result.ApplicationId));
        Assert.NotEqual(existing, application.CandidateId);
        var applicant = (await App.FindAsync<Candidate>(application.CandidateId))!;
        Assert.Equal(("Tom Stranger", "tomasz@example.com", "Lisbon, Portugal", true),
            (applicant.FullName, applicant.Email, applicant.Location, applicant.SharesEmailWithOtherProfile));
        var file = await App.WithDbAsync(db => db.Files.SingleAsync(f => f.CandidateId == applicant.Id));
        Assert.Equal(applicant.ResumeFileId, file.Id);

        // ...flagged as a possible duplicate of the existing one, for a recruiter to merge or dismiss.
        var pair = await App.WithDbAsync(db => db.PossibleDuplicates.SingleAsync());
        Assert.Equal(new[] { existing, applicant.Id }.Order().ToArray(), new[] { pair.CandidateId, pair.OtherCandidateId });
        Assert.Equal(Duplicates.SameEmail, pair.Reason);
    }

    [Fact]
    public async Task Should_add_and_replace_nothing_when_an_existing_candidate_applies_to_the_same_posting_again()
    {
        var posting = await OpenPostingAsync();
        var existing = await App.CreateCandidateAsync("Aisha Bello", "aisha.bello@example.com");
        await App.CreateApplicationAsync(posting, existing);
        var before = (await App.FindAsync<Candidate>(existing))!;

        var again = await App.SendAsync(await App.ApplicationAsync(posting.Id, "Someone Else", "AISHA.BELLO@example.com"), null);

        Assert.Equal(ApplyToPosting.Outcome.AlreadyApplied, again.Outcome);
        var after = (await App.FindAsync<Candidate>(existing))!;
        Assert.Equal((before.Version, "Aisha Bello", (Guid?)null, (string?)null), (after.Version, after.FullName, after.ResumeFileId, after.Phone));
        Assert.Equal(1, await CountAsync<Candidate>());
        Assert.Equal(1, await CountAsync<JobApplication>());
        Assert.Equal(0, await CountAsync<StoredFile>());
        Assert.Equal(0, await CountAsync<PossibleDuplicate>());
        Assert.Equal(0, await App.WithDbAsync(db => db.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task Should_check_a_careers_application_for_duplicates_like_a_profile_staff_add()
    {
        var posting = await OpenPostingAsync();
        var existing = await App.CreateCandidateAsync("Maya Rodriguez", "maya.old@example.com", c => c.Phone = "+1 555 0100");

        var result = await App.SendAsync(await App.ApplicationAsync(posting.Id, "Maya Rodriguez", "maya.new@example.com"), null);

        var applicantId = await App.WithDbAsync(db => db.Applications.Where(a => a.Id == result.ApplicationId).Select(a => a.CandidateId).SingleAsync());
        var pair = await App.WithDbAsync(db => db.PossibleDuplicates.SingleAsync());
        Assert.Equal(new[] { existing, applicantId }.Order().ToArray(), new[] { pair.CandidateId, pair.OtherCandidateId });
        Assert.Equal(Duplicates.SamePhone, pair.Reason);
        Assert.False((await App.FindAsync<Candidate>(applicantId))!.SharesEmailWithOtherProfile);
    }

    [Fact]
    public async Task Should_tell_a_candidate_who_applies_again_that_they_already_applied_and_store_nothing_more()
    {
        var posting = await OpenPostingAsync();
        await App.SendAsync(await App.ApplicationAsync(posting.Id, "Aisha Bello", "aisha@example.com"), null);
        App.Clock.Advance(TimeSpan.FromDays(20));

        var again = await App.SendAsync(await App.ApplicationAsync(posting.Id, "Aisha Bello", "AISHA@example.com"), null);

        Assert.Equal(ApplyToPosting.Outcome.AlreadyApplied, again.Outcome);
        Assert.Equal(1, await CountAsync<JobApplication>());
        Assert.Equal(1, await CountAsync<StoredFile>());
        Assert.Equal(1, await App.WithDbAsync(db => db.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task Should_create_one_application_when_the_same_form_is_posted_twice_at_once()
    {
        var posting = await OpenPostingAsync();
        var command = await App.ApplicationAsync(posting.Id, "Double Click", "double.click@example.com");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => App.SendAsync(command, null))));

        Assert.Single(results, r => r.Outcome == ApplyToPosting.Outcome.Applied);
        Assert.Equal(3, results.Count(r => r.Outcome == ApplyToPosting.Outcome.AlreadyApplied));
        Assert.Equal(1, await CountAsync<Candidate>());
        Assert.Equal(1, await CountAsync<JobApplication>());
        Assert.Equal(1, await App.WithDbAsync(db => db.OutboxEmails.CountAsync()));
    }

    [Theory]
    [InlineData(PostingStatus.Paused)]
    [InlineData(PostingStatus.Closed)]
    public async Task Should_refuse_a_posting_that_closed_meanwhile_and_store_nothing(PostingStatus status)
    {
        var posting = await OpenPostingAsync();
        var command = await App.ApplicationAsync(posting.Id);
        await App.WithDbAsync(async db =>
        {
            var p = await db.JobPostings.Include(x => x.TeamMembers).SingleAsync(x => x.Id == posting.Id);
            if (status == PostingStatus.Paused) p.Pause(p.HiringManagerId!.Value, App.Clock.GetUtcNow(), null);
            else p.Close(ClosedReason.Cancelled, null, App.Clock.GetUtcNow(), null);
            await db.SaveChangesAsync();
        });

        var ex = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(command, null));

        Assert.Equal(ApplyToPosting.ClosedMessage, ex.Message);
        Assert.Equal(0, await CountAsync<Candidate>());
        Assert.Equal(0, await CountAsync<JobApplication>());
        Assert.Equal(0, await App.WithDbAsync(db => db.FileContents.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task Should_not_know_postings_that_were_never_published()
    {
        var open = await OpenPostingAsync();
        var posting = await OpenPostingAsync(PostingStatus.AwaitingApproval);
        var command = await App.ApplicationAsync(open.Id, "Anyone") with { PostingId = posting.Id, Answers = [] };

        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(command, null));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetApplyForm.Query(posting.Id), null));
        Assert.Equal(0, await CountAsync<Candidate>());
    }

    [Theory]
    [InlineData("png")]
    [InlineData("zip")]
    [InlineData("text")]
    public async Task Should_refuse_a_resume_whose_content_is_not_pdf_or_docx_whatever_its_name(string kind)
    {
        var posting = await OpenPostingAsync();
        var bytes = kind switch { "png" => TestResumes.Png(), "zip" => TestResumes.Zip(), _ => "%PD not quite a pdf"u8.ToArray() };
        var command = await App.ApplicationAsync(posting.Id) with { Resume = TestResumes.Upload(bytes, "resume.pdf", "application/pdf") };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command, null));

        Assert.Equal("Your résumé must be a PDF or a Word (.docx) document. This file is neither, whatever its name says.", ex.Errors["Resume"].Single());
        Assert.Equal(0, await CountAsync<Candidate>());
    }

    [Fact]
    public async Task Should_refuse_a_resume_over_five_megabytes_and_a_missing_or_empty_one()
    {
        var posting = await OpenPostingAsync();
        var command = await App.ApplicationAsync(posting.Id);

        var big = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(command with { Resume = new UploadedFile("cv.pdf", "application/pdf", ResumeFile.MaxBytes + 1, []) }, null));
        var missing = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with { Resume = null }, null));
        var empty = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(command with { Resume = new UploadedFile("cv.pdf", "application/pdf", 0, []) }, null));

        Assert.Equal("Your résumé is larger than 5 MB. Please upload a smaller file.", big.Errors["Resume"].Single());
        Assert.StartsWith("Choose your résumé", missing.Errors["Resume"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("That file is empty", empty.Errors["Resume"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_accept_a_docx_resume_under_any_name_and_store_it_as_docx()
    {
        var posting = await OpenPostingAsync();
        var command = await App.ApplicationAsync(posting.Id) with
        {
            Resume = TestResumes.Upload(TestResumes.Docx("Jane Doe", "Kotlin and Kafka"), "../../etc/My CV<script>.bin", "application/octet-stream"),
        };

        await App.SendAsync(command, null);

        var file = await App.WithDbAsync(db => db.Files.SingleAsync());
        Assert.Equal(ResumeFile.DocxContentType, file.ContentType);
        Assert.Equal("My CV_script.docx", file.FileName);
        Assert.Contains(file.Extraction, new[] { ExtractionStatus.Pending, ExtractionStatus.Done });
    }

    [Fact]
    public async Task Should_require_consent_and_valid_contact_details_and_links()
    {
        var posting = await OpenPostingAsync();
        var command = await App.ApplicationAsync(posting.Id) with
        {
            FullName = "",
            Email = "not-an-email",
            Phone = "call me maybe",
            Location = "",
            TimeZoneId = "Mars/Olympus_Mons",
            LinkedInUrl = "https://www.example.com/in/jane",
            GitHubUrl = "javascript:alert(1)",
            WebsiteUrl = "janedoe",
            Consent = false,
        };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command, null));

        Assert.Equal("Enter your full name.", ex.Errors["FullName"].Single());
        Assert.Equal("Enter a valid email address, like name@example.com.", ex.Errors["Email"].Single());
        Assert.StartsWith("Enter a phone number", ex.Errors["Phone"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("Tell us where you are based", ex.Errors["Location"].Single(), StringComparison.Ordinal);
        Assert.Equal("Choose your time zone from the list.", ex.Errors["TimeZoneId"].Single());
        Assert.StartsWith("Enter the address of your LinkedIn profile", ex.Errors["LinkedInUrl"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("Enter the address of your GitHub profile", ex.Errors["GitHubUrl"].Single(), StringComparison.Ordinal);
        Assert.Equal("Enter a full web address starting with https://.", ex.Errors["WebsiteUrl"].Single());
        Assert.StartsWith("Please agree to how we keep and use your data", ex.Errors["Consent"].Single(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<Candidate>());
    }

    [Fact]
    public async Task Should_require_answers_to_required_screening_questions_in_their_expected_form()
    {
        var posting = await OpenPostingAsync();
        var command = await App.ApplicationAsync(posting.Id);
        var answers = command.Answers.ToList();
        answers[0] = answers[0] with { Value = "Maybe" };
        answers[1] = answers[1] with { Value = "a lot", Currency = "USD" };
        answers[2] = answers[2] with { Value = " " };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with { Answers = answers }, null));

        Assert.Equal("Please answer yes or no.", ex.Errors["Answers[0].Value"].Single());
        Assert.Equal("Enter an amount in numbers, like 150000.", ex.Errors["Answers[1].Value"].Single());
        Assert.Equal("Please answer this question.", ex.Errors["Answers[2].Value"].Single());

        answers[0] = answers[0] with { Value = "No" };
        answers[1] = answers[1] with { Value = "150,000", Currency = "bucks" };
        answers[2] = answers[2] with { Value = "Now" };
        var currency = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with { Answers = answers }, null));
        Assert.Equal(["Answers[1].Currency"], currency.Errors.Keys.ToArray());

        var missing = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with { Answers = [] }, null));
        Assert.Equal(["Please answer yes or no.", "Please answer this question."], missing.Errors["Answers"]);
    }

    [Fact]
    public async Task Should_store_nothing_yet_answer_normally_when_the_honeypot_is_filled()
    {
        var posting = await OpenPostingAsync();
        var command = await App.ApplicationAsync(posting.Id) with { Fax = "+1 555 1234", Consent = false, Resume = null };

        var result = await App.SendAsync(command, null);

        Assert.Equal(ApplyToPosting.Outcome.Ignored, result.Outcome);
        Assert.Equal(0, await CountAsync<Candidate>());
        Assert.Equal(0, await CountAsync<JobApplication>());
        Assert.Equal(0, await App.WithDbAsync(db => db.OutboxEmails.CountAsync()));
    }
}
