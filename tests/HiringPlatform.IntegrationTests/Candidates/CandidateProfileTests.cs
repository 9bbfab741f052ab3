using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Candidates;

public sealed class CandidateProfileTests(IntegrationFixture fixture) : PipelineTestBase(fixture)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();

    [Fact]
    public async Task Should_add_a_sourced_candidate_with_a_resume_to_the_first_stage()
    {
        var id = await App.SendAsync(new AddCandidate.Command
        {
            FullName = "Kwame Mensah", Email = "Kwame@Example.com", Phone = "+233 20 123 4567", TimeZoneId = "Africa/Accra",
            Source = CandidateSource.Referral, SourceDetail = "Riley Chen", PostingId = Posting.Id, Tags = "Go, distributed systems, go",
            Note = "Met at GopherCon.", ResumeFileName = "kwame.pdf", ResumeSize = Pdf.Length, ResumeContent = Pdf,
        }, Recruiter);

        var candidate = (await App.FindAsync<Candidate>(id))!;
        Assert.Equal("kwame@example.com", candidate.Email);
        Assert.Equal(["go", "distributed systems"], candidate.Tags);
        var application = await App.QueryAsync(db => db.Applications.SingleAsync(a => a.CandidateId == id));
        Assert.Equal(Posting.First.Id, application.StageId);
        Assert.Equal(CandidateSource.Referral, application.Source);
        var file = await App.QueryAsync(db => db.Files.SingleAsync(f => f.CandidateId == id));
        Assert.Equal(ExtractionStatus.Pending, file.Extraction);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(file.Id, candidate.ResumeFileId);
        Assert.Equal(Pdf, await App.QueryAsync(db => db.FileContents.Where(c => c.Key == file.StorageKey).Select(c => c.Data).SingleAsync()));

        var profile = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = id }, Manager);
        Assert.Equal("Kwame Mensah", profile.FullName);
        Assert.Equal("kwame.pdf", profile.CurrentResume!.FileName);
        Assert.Equal("Met at GopherCon.", Assert.Single(profile.Notes).Body);
        Assert.Contains(profile.Timeline, e => e.Kind == ActivityKind.Added);
        Assert.Contains(profile.Timeline, e => e.Kind == ActivityKind.ResumeUploaded);
    }

    [Fact]
    public async Task Should_refuse_a_file_that_is_not_a_pdf_or_docx_an_existing_email_and_a_missing_referrer()
    {
        await App.CreateCandidateAsync("Existing Person", "taken@example.com");
        var error = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new AddCandidate.Command
        {
            FullName = "New Person", Email = "TAKEN@example.com", Source = CandidateSource.Referral, PostingId = Posting.Id,
            ResumeFileName = "cv.pdf", ResumeSize = 12, ResumeContent = "MZ\u0090\0 not a pdf"u8.ToArray(),
        }, Recruiter));
        Assert.Contains(nameof(AddCandidate.Command.Email), error.Errors.Keys);
        Assert.Equal("Upload a PDF or Word (.docx) file.", error.Errors[nameof(AddCandidate.Command.ResumeContent)].Single());
        Assert.Equal("Who referred them?", error.Errors[nameof(AddCandidate.Command.SourceDetail)].Single());

        var tooBig = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new AddCandidate.Command
        {
            FullName = "Big File", Email = "big@example.com", Source = CandidateSource.Sourced, PostingId = Posting.Id,
            ResumeFileName = "cv.pdf", ResumeSize = ResumeFile.MaxBytes + 1,
        }, Recruiter));
        Assert.Equal("The résumé is larger than 5 MB.", tooBig.Errors[nameof(AddCandidate.Command.ResumeContent)].Single());
    }

    [Fact]
    public async Task Should_recognise_a_docx_by_its_content()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
        }
        Assert.Equal(ResumeFile.DocxContentType, ResumeFile.DetectContentType(stream.ToArray()));
        using var other = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(other, System.IO.Compression.ZipArchiveMode.Create, true)) zip.CreateEntry("xl/workbook.xml");
        Assert.Null(ResumeFile.DetectContentType(other.ToArray()));
    }

    [Fact]
    public async Task Should_let_only_the_author_edit_or_delete_a_note()
    {
        var (candidateId, _) = await App.CreateApplicantAsync(Posting, "Noted Person");
        var noteId = await App.SendAsync(new AddCandidateNote.Command { CandidateId = candidateId, Body = "First call went well." }, Recruiter);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new EditCandidateNote.Command { NoteId = noteId, Body = "Mine now" }, Manager));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new DeleteCandidateNote.Command { NoteId = noteId }, Manager));
        await App.SendAsync(new EditCandidateNote.Command { NoteId = noteId, Body = "First call went very well." }, Recruiter);
        Assert.Equal("First call went very well.", (await App.FindAsync<CandidateNote>(noteId))!.Body);
        var profile = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = candidateId }, Manager);
        Assert.False(Assert.Single(profile.Notes).IsMine);
        await App.SendAsync(new DeleteCandidateNote.Command { NoteId = noteId }, Recruiter);
        Assert.Null(await App.FindAsync<CandidateNote>(noteId));
    }

    [Fact]
    public async Task Should_add_and_remove_tags()
    {
        var (candidateId, _) = await App.CreateApplicantAsync(Posting, "Tagged Person");
        await App.SendAsync(new TagCandidate.Command { CandidateId = candidateId, Tag = "  Strong   SQL " }, Recruiter);
        Assert.Equal(["strong sql"], (await App.FindAsync<Candidate>(candidateId))!.Tags);
        await App.SendAsync(new TagCandidate.Command { CandidateId = candidateId, Tag = "strong sql", Remove = true }, Recruiter);
        Assert.Empty((await App.FindAsync<Candidate>(candidateId))!.Tags);
    }

    [Fact]
    public async Task Should_page_a_long_timeline_newest_first()
    {
        var (candidateId, applicationId) = await App.CreateApplicantAsync(Posting, "Busy Person");
        await App.WithDbAsync(async db =>
        {
            var start = App.Clock.GetUtcNow();
            for (var i = 0; i < 60; i++)
                db.ActivityEvents.Add(new ActivityEvent(candidateId, applicationId, start.AddMinutes(i + 1), null, ActivityKind.NoteAdded, $"Event {i:00}"));
            await db.SaveChangesAsync();
        });
        var first = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = candidateId }, Recruiter);
        Assert.Equal(GetCandidateProfile.TimelinePageSize, first.Timeline.Count);
        Assert.Equal("Event 59", first.Timeline[0].Summary);
        var seen = first.Timeline.Select(e => e.Id).ToList();
        var cursor = first.TimelineNext;
        while (cursor is not null)
        {
            var page = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = candidateId, Before = cursor }, Recruiter);
            seen.AddRange(page.Timeline.Select(e => e.Id));
            cursor = page.TimelineNext;
        }
        Assert.Equal(61, seen.Distinct().Count());
    }

    [Fact]
    public async Task Should_show_an_assigned_interviewer_only_their_kits_and_nobody_else_anything()
    {
        var (candidateId, applicationId) = await App.CreateApplicantAsync(Posting, "Interviewed Person", "System design interview");
        var interviewId = await App.CreateInterviewAsync(applicationId, [Interviewer]);
        var restricted = await App.SendAsync(new GetCandidateProfile.Query { CandidateId = candidateId }, Interviewer);
        Assert.True(restricted.Restricted);
        Assert.Equal(interviewId, Assert.Single(restricted.Kits).InterviewId);
        Assert.Empty(restricted.Applications);
        Assert.Equal("", restricted.Email);

        var stranger = await App.CreateUserAsync("Stranger Interviewer", Application.Domain.Users.Roles.Interviewer);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetCandidateProfile.Query { CandidateId = candidateId }, stranger));
        var outsider = await App.CreateUserAsync("Outside Recruiter", Application.Domain.Users.Roles.Recruiter);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetCandidateProfile.Query { CandidateId = candidateId }, outsider));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ExportCandidate.Command { CandidateId = candidateId }, outsider));
    }
}
