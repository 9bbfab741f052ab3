using System.Diagnostics;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Infrastructure.Resumes;
using HiringPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HiringPlatform.IntegrationTests.Candidates;

// The background extractor is off in this app, so each test alone decides what the extractor returns (ADR-0014).
public sealed class ExtractionPolicyFixture : AppFixture
{
    protected override string DatabaseName => "extraction";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Resumes:ExtractionEnabled", "false");
    }
}

[CollectionDefinition(Name)]
public sealed class ExtractionPolicyCollection : ICollectionFixture<ExtractionPolicyFixture>
{
    public const string Name = "extraction-policy";
}

[Collection(ExtractionPolicyCollection.Name)]
public sealed class ResumeExtractionPolicyTests(ExtractionPolicyFixture fixture) : TestBase<ExtractionPolicyFixture>(fixture)
{
    private int _applicants;

    private async Task<Guid> StoreAsync(byte[]? content = null)
    {
        var candidateId = await App.CreateCandidateAsync($"Policy Applicant {++_applicants}");
        return await App.WithDbAsync(async db =>
        {
            var key = $"resumes/{Guid.CreateVersion7():N}";
            var bytes = content ?? TestResumes.Pdf("Policy Applicant", "Kubernetes");
            db.FileContents.Add(new FileContent(key, bytes));
            var file = new StoredFile(candidateId, FileKind.Resume, "cv.pdf", ResumeFile.PdfContentType, bytes.Length, key, App.Clock.GetUtcNow());
            db.Files.Add(file);
            await db.SaveChangesAsync();
            return file.Id;
        });
    }

    private async Task<bool> RunAsync(IResumeTextExtractor extractor)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<ResumeExtractionWorker>(scope.ServiceProvider, extractor).ProcessNextAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Should_retry_a_crash_once_then_fail_the_file_and_never_pick_it_again()
    {
        var fileId = await StoreAsync();
        var crashing = new FakeExtractor(ExtractionFailure.Crashed);

        Assert.True(await RunAsync(crashing));
        var first = (await App.FindAsync<StoredFile>(fileId))!;
        Assert.Equal((ExtractionStatus.Pending, 1, (DateTimeOffset?)null), (first.Extraction, first.ExtractionAttempts, first.ExtractionStartedAt));
        Assert.True(await RunAsync(crashing));
        Assert.False(await RunAsync(crashing));

        var file = (await App.FindAsync<StoredFile>(fileId))!;
        Assert.Equal((ExtractionStatus.Failed, ExtractionFailure.Crashed, 2), (file.Extraction, file.ExtractionFailure, file.ExtractionAttempts));
        Assert.Equal(2, crashing.Calls);
    }

    [Fact]
    public async Task Should_fail_a_damaged_file_at_once_and_go_on_with_the_next_file()
    {
        var damaged = await StoreAsync();
        var good = await StoreAsync();

        Assert.True(await RunAsync(new FakeExtractor(ExtractionFailure.Damaged)));
        Assert.True(await RunAsync(new FakeExtractor(null)));

        Assert.Equal((ExtractionStatus.Failed, ExtractionFailure.Damaged), ((await App.FindAsync<StoredFile>(damaged))!.Extraction,
            (await App.FindAsync<StoredFile>(damaged))!.ExtractionFailure));
        Assert.Equal(ExtractionStatus.Done, (await App.FindAsync<StoredFile>(good))!.Extraction);
    }

    [Fact]
    public async Task Should_not_count_an_attempt_the_extractor_could_not_even_start()
    {
        var fileId = await StoreAsync();

        await Assert.ThrowsAsync<System.ComponentModel.Win32Exception>(() => RunAsync(new FakeExtractor(null, () =>
            throw new System.ComponentModel.Win32Exception(2, "No such file or directory"))));

        var file = (await App.FindAsync<StoredFile>(fileId))!;
        Assert.Equal((ExtractionStatus.Pending, 0, (DateTimeOffset?)null), (file.Extraction, file.ExtractionAttempts, file.ExtractionStartedAt));
    }

    // The attempt is committed before the extractor starts: whatever happens inside it, the count stays.
    [Fact]
    public async Task Should_count_the_attempt_before_extracting()
    {
        var fileId = await StoreAsync();
        (int Attempts, DateTimeOffset? StartedAt)? seen = null;
        var probe = new FakeExtractor(null, async () =>
        {
            // Another connection: only committed data is visible.
            var row = await App.WithDbAsync(db => db.Files.Where(f => f.Id == fileId)
                .Select(f => new { f.ExtractionAttempts, f.ExtractionStartedAt }).SingleAsync());
            seen = (row.ExtractionAttempts, row.ExtractionStartedAt);
        });

        await RunAsync(probe);

        Assert.Equal(1, seen!.Value.Attempts);
        Assert.NotNull(seen.Value.StartedAt);
        var file = (await App.FindAsync<StoredFile>(fileId))!;
        Assert.Equal((ExtractionStatus.Done, (DateTimeOffset?)null), (file.Extraction, file.ExtractionStartedAt));
    }

    // A file whose reader took its app instance down on the last allowed attempt is never claimed again: after the
    // lease it is failed as interrupted, and the file queued behind it is extracted.
    [Fact]
    public async Task Should_fail_a_file_whose_attempts_were_all_interrupted_and_extract_the_next()
    {
        var poison = await StoreAsync();
        var next = await StoreAsync();
        await App.WithDbAsync(db => db.Files.Where(f => f.Id == poison).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.ExtractionAttempts, 2)
            .SetProperty(f => f.ExtractionStartedAt, App.Clock.GetUtcNow().AddMinutes(-1))));
        var extractor = new FakeExtractor(null);

        // Within the lease the dead attempt might still be running somewhere: the file is left alone.
        Assert.True(await RunAsync(extractor));
        Assert.Equal(ExtractionStatus.Pending, (await App.FindAsync<StoredFile>(poison))!.Extraction);
        Assert.Equal(ExtractionStatus.Done, (await App.FindAsync<StoredFile>(next))!.Extraction);
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(await RunAsync(extractor));

        var file = (await App.FindAsync<StoredFile>(poison))!;
        Assert.Equal((ExtractionStatus.Failed, ExtractionFailure.Interrupted, 2), (file.Extraction, file.ExtractionFailure, file.ExtractionAttempts));
        Assert.Equal(1, extractor.Calls);
    }

    // The real child process: killed at the wall-clock limit, and reported as timed out.
    [Fact]
    public async Task Should_kill_the_extractor_process_at_its_time_limit()
    {
        using var process = new ResumeExtractorProcess(Options.Create(new ResumeExtractionOptions { TimeoutSeconds = 1 }),
            NullLogger<ResumeExtractorProcess>.Instance);
        var watch = Stopwatch.StartNew();

        var result = await process.ExtractAsync(HostileResumes.PdfHugePage(), ResumeFile.PdfContentType, CancellationToken.None);

        Assert.Equal(ExtractionFailure.TimedOut, result.Failure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Should_stop_reading_the_child_past_the_output_cap()
    {
        using var process = new ResumeExtractorProcess(Options.Create(new ResumeExtractionOptions { MaxOutputBytes = 10 }),
            NullLogger<ResumeExtractorProcess>.Instance);

        var result = await process.ExtractAsync(TestResumes.Docx("Hannah Schmidt", "Terraform"), ResumeFile.DocxContentType, CancellationToken.None);

        Assert.Equal(ExtractionFailure.TooLarge, result.Failure);
        Assert.Null(result.Text);
    }

    [Fact]
    public async Task Should_read_a_normal_resume_in_the_child_process()
    {
        using var process = new ResumeExtractorProcess(Options.Create(new ResumeExtractionOptions()), NullLogger<ResumeExtractorProcess>.Instance);

        var result = await process.ExtractAsync(TestResumes.Docx("Hannah Schmidt", "Terraform"), ResumeFile.DocxContentType, CancellationToken.None);

        Assert.Equal("Hannah Schmidt\nTerraform", result.Text);
        Assert.True(result.PeakMemoryBytes > 0);
    }

    private sealed class FakeExtractor(ExtractionFailure? failure, Func<Task>? during = null) : IResumeTextExtractor
    {
        public int Calls { get; private set; }

        public async Task<ResumeTextResult> ExtractAsync(byte[] content, string contentType, CancellationToken ct)
        {
            Calls++;
            if (during is not null) await during();
            return new ResumeTextResult(failure is null ? "Policy Applicant Kubernetes" : null, failure, TimeSpan.Zero, 0);
        }
    }
}
