using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Data.Configurations;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Infrastructure.Resumes;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpgsqlTypes;

namespace HiringPlatform.IntegrationTests.Candidates;

public sealed class ResumeExtractionTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private async Task<(Guid CandidateId, Guid FileId)> StoreAsync(byte[] content, string contentType, bool latest = true)
    {
        var candidateId = await App.CreateCandidateAsync("Ethan Brooks");
        return await App.WithDbAsync(async db =>
        {
            var key = $"resumes/{Guid.CreateVersion7():N}";
            db.FileContents.Add(new FileContent(key, content));
            var file = new StoredFile(candidateId, FileKind.Resume, "cv", contentType, content.Length, key, App.Clock.GetUtcNow());
            db.Files.Add(file);
            var candidate = await db.Candidates.SingleAsync(c => c.Id == candidateId);
            if (latest) candidate.ResumeFileId = file.Id;
            await db.SaveChangesAsync();
            return (candidateId, file.Id);
        });
    }

    // The background service and this test may both pick the file (SKIP LOCKED keeps them apart): either way it gets done.
    private async Task<StoredFile> ProcessAsync(Guid fileId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using (var scope = App.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<ResumeExtractionWorker>().ProcessNextAsync(CancellationToken.None);
            var file = (await App.FindAsync<StoredFile>(fileId))!;
            if (file.Extraction != ExtractionStatus.Pending) return file;
            await Task.Delay(100);
        }
        throw new TimeoutException("The file was never processed.");
    }

    [Fact]
    public async Task Should_extract_a_pdf_in_the_background_and_feed_the_candidate_search_text()
    {
        var (candidateId, fileId) = await StoreAsync(TestResumes.Pdf("Ethan Brooks", "Rust and Go engineer", "Kubernetes operators"), ResumeFile.PdfContentType);

        var file = await ProcessAsync(fileId);

        Assert.Equal(ExtractionStatus.Done, file.Extraction);
        Assert.Contains("Kubernetes operators", file.ExtractedText, StringComparison.Ordinal);
        var candidate = (await App.FindAsync<Candidate>(candidateId))!;
        Assert.Equal(file.ExtractedText, candidate.ResumeText);
        var found = await App.WithDbAsync(db => db.Candidates
            .Where(c => EF.Property<NpgsqlTsVector>(c, CandidateConfiguration.SearchVector).Matches(EF.Functions.PlainToTsQuery("english", "kubernetes")))
            .Select(c => c.Id).ToListAsync());
        Assert.Equal([candidateId], found);
    }

    [Fact]
    public async Task Should_extract_a_docx()
    {
        var (candidateId, fileId) = await StoreAsync(TestResumes.Docx("Hannah Schmidt", "Terraform and platform engineering"), ResumeFile.DocxContentType);

        var file = await ProcessAsync(fileId);

        Assert.Equal(ExtractionStatus.Done, file.Extraction);
        Assert.Equal("Hannah Schmidt\nTerraform and platform engineering", file.ExtractedText);
        Assert.Equal(file.ExtractedText, (await App.FindAsync<Candidate>(candidateId))!.ResumeText);
    }

    [Fact]
    public async Task Should_mark_an_unreadable_file_failed_and_leave_the_candidate_alone()
    {
        var (candidateId, fileId) = await StoreAsync("%PDF-1.4 this is not really a pdf"u8.ToArray(), ResumeFile.PdfContentType);

        var file = await ProcessAsync(fileId);

        Assert.Equal((ExtractionStatus.Failed, ExtractionFailure.Damaged, 1), (file.Extraction, file.ExtractionFailure, file.ExtractionAttempts));
        Assert.Null(file.ExtractedText);
        Assert.Null((await App.FindAsync<Candidate>(candidateId))!.ResumeText);
    }

    [Fact]
    public async Task Should_not_let_an_older_resume_replace_the_latest_one_s_text()
    {
        var (candidateId, fileId) = await StoreAsync(TestResumes.Pdf("Old CV"), ResumeFile.PdfContentType, latest: false);
        await App.WithDbAsync(async db =>
        {
            var candidate = await db.Candidates.SingleAsync(c => c.Id == candidateId);
            candidate.ResumeFileId = Guid.CreateVersion7();
            candidate.ResumeText = "Current CV text";
            await db.SaveChangesAsync();
        });

        var file = await ProcessAsync(fileId);

        Assert.Equal(ExtractionStatus.Done, file.Extraction);
        Assert.Equal("Current CV text", (await App.FindAsync<Candidate>(candidateId))!.ResumeText);
    }
}
