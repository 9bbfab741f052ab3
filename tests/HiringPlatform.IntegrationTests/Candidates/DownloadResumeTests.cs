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
}
