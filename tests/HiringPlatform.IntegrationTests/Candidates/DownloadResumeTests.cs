using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Candidates;

public sealed class DownloadResumeTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_serve_the_resume_to_those_who_may_see_the_application_and_no_one_else()
    {
        var recruiter = await App.CreateUserAsync("File Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("File Manager", Roles.HiringManager);
        var teamInterviewer = await App.CreateUserAsync("Team Interviewer", Roles.Interviewer);
        var scheduled = await App.CreateUserAsync("Scheduled Interviewer", Roles.Interviewer);
        var outsider = await App.CreateUserAsync("Other Recruiter", Roles.Recruiter);
        var otherManager = await App.CreateUserAsync("Other Manager", Roles.HiringManager);
        var admin = await App.CreateUserAsync("File Admin", Roles.Admin);
        var posting = await App.CreatePostingAsync(recruiter, manager, [teamInterviewer]);
        await App.CreatePostingAsync(outsider, otherManager);
        var pdf = TestResumes.Pdf("Grace O'Neill");
        var result = await App.SendAsync(await App.ApplicationAsync(posting.Id, "Grace ONeill") with { Resume = TestResumes.Upload(pdf, "Grace CV.pdf") }, null);
        await App.CreateInterviewAsync(result.ApplicationId!.Value, [scheduled]);
        var fileId = await App.WithDbAsync(db => db.Files.Select(f => f.Id).SingleAsync());

        foreach (var allowed in new[] { recruiter, manager, scheduled, admin })
        {
            var file = await App.SendAsync(new DownloadResume.Query(fileId), allowed);
            Assert.Equal(("Grace CV.pdf", ResumeFile.PdfContentType), (file.FileName, file.ContentType));
            Assert.Equal(pdf, file.Content);
        }
        foreach (var refused in new[] { outsider, otherManager, teamInterviewer })
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new DownloadResume.Query(fileId), refused));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new DownloadResume.Query(Guid.CreateVersion7()), admin));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => App.SendAsync(new DownloadResume.Query(fileId), null));
    }

    [Fact]
    public async Task Should_serve_an_interviewer_only_the_resume_and_only_while_their_interview_is_live()
    {
        var team = await App.CreateTeamAsync();
        var pdf = TestResumes.Pdf("Ivy Panel");
        var result = await App.SendAsync(await App.ApplicationAsync(team.Posting.Id, "Ivy Panel") with { Resume = TestResumes.Upload(pdf, "Ivy CV.pdf") }, null);
        var applicationId = result.ApplicationId!.Value;
        var resumeId = await App.WithDbAsync(db => db.Files.Select(f => f.Id).SingleAsync());
        var candidateId = await App.WithDbAsync(db => db.Files.Select(f => f.CandidateId).SingleAsync());
        var otherFileId = await App.WithDbAsync(async db =>
        {
            var other = new Application.Domain.Candidates.StoredFile(candidateId, Application.Domain.Candidates.FileKind.Other, "notes.txt", "text/plain", 3, "k/other", App.Clock.GetUtcNow());
            db.Files.Add(other);
            await db.SaveChangesAsync();
            return other.Id;
        });
        var cancelled = await App.CreateInterviewAsync(applicationId, [team.Bob]);
        await App.WithDbAsync(async db =>
        {
            var interview = await db.Interviews.Include(i => i.Participants).SingleAsync(i => i.Id == cancelled);
            interview.Cancel("Moved", App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var live = await App.CreatePastInterviewAsync(applicationId, [team.Alice]);

        // The live panelist gets the résumé, never the candidate's other files; the cancelled one gets nothing.
        Assert.Equal(pdf, (await App.SendAsync(new DownloadResume.Query(resumeId), team.Alice)).Content);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new DownloadResume.Query(otherFileId), team.Alice));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new DownloadResume.Query(resumeId), team.Bob));

        // Feedback owed keeps it open past the window; once submitted, the window closes 30 days after the interview.
        App.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(pdf, (await App.SendAsync(new DownloadResume.Query(resumeId), team.Alice)).Content);
        await App.SubmitScorecardAsync(live, team.Alice);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new DownloadResume.Query(resumeId), team.Alice));
    }
}
