using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Infrastructure.Resumes;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HiringPlatform.IntegrationTests.Candidates;

// Hostile résumés sent through the public apply form (ADR-0014): each ends Failed with its reason, or extracted
// within the limits, in a child process, while the app keeps answering; a normal résumé after it is searchable
// within seconds. The figures go to the test output (docs/security.md, "Hostile files").
public sealed class HostileResumeTests(IntegrationFixture fixture, ITestOutputHelper output) : IntegrationTest(fixture)
{
    public static TheoryData<string> Files => ["zip-bomb", "nested-arrays", "many-pages", "truncated", "xxe", "remote-template"];

    // Over 20 s each on a busy machine: `./build.sh test-long` runs these.
    public static TheoryData<string> SlowFiles => ["huge-page"];

    [Theory]
    [MemberData(nameof(SlowFiles))]
    [Trait("Category", "Long")]
    public Task Should_end_a_slow_hostile_file_failed_or_within_limits_while_the_app_keeps_answering(string name) =>
        Should_end_a_hostile_file_failed_or_within_limits_while_the_app_keeps_answering(name);

    private static (byte[] Content, string Name, string Type) Make(string name, Uri remoteTemplate) => name switch
    {
        "zip-bomb" => (HostileResumes.DocxZipBomb(), "bomb.docx", ResumeFile.DocxContentType),
        "nested-arrays" => (HostileResumes.PdfNestedArrays(), "nested.pdf", ResumeFile.PdfContentType),
        "many-pages" => (HostileResumes.PdfManyPages(), "pages.pdf", ResumeFile.PdfContentType),
        "huge-page" => (HostileResumes.PdfHugePage(), "page.pdf", ResumeFile.PdfContentType),
        "truncated" => (HostileResumes.PdfTruncated(), "cut.pdf", ResumeFile.PdfContentType),
        "xxe" => (HostileResumes.DocxExternalEntity(), "xxe.docx", ResumeFile.DocxContentType),
        "remote-template" => (HostileResumes.DocxRemoteTemplate(remoteTemplate, "Remote Template", "Terraform and platform engineering"),
            "template.docx", ResumeFile.DocxContentType),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Should_end_a_hostile_file_failed_or_within_limits_while_the_app_keeps_answering(string name)
    {
        // A listener where the remote template points: nothing may connect to it.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var (content, fileName, type) = Make(name, new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/template.dotm"));
        Assert.True(content.Length <= ResumeFile.MaxBytes, $"{name} is {content.Length} bytes");
        Assert.NotNull(ResumeFile.Detect(content)); // it gets past the upload checks
        var recruiter = await App.CreateUserAsync("Hostile Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Hostile Manager", Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, manager);

        // What the child process does with the file on its own, for the figures.
        var direct = await App.Services.GetRequiredService<IResumeTextExtractor>().ExtractAsync(content, type, CancellationToken.None);

        var command = await App.ApplicationAsync(posting.Id, "Hostile Applicant") with { Resume = TestResumes.Upload(content, fileName, type) };
        await App.SendAsync(command, null);
        var fileId = await App.WithDbAsync(db => db.Files.Where(f => f.FileName == fileName).Select(f => f.Id).SingleAsync());
        var watch = Stopwatch.StartNew();
        var file = await ProcessAsync(fileId, TimeSpan.FromSeconds(150));
        var took = watch.Elapsed;

        output.WriteLine($"{name}: {content.Length / 1024} KB; child alone: {direct.Failure?.ToString() ?? "Text"} in {direct.Elapsed.TotalSeconds:F1} s, " +
            $"peak {direct.PeakMemoryBytes / (1024 * 1024)} MB; through the queue: {file.Extraction} {file.ExtractionFailure} after " +
            $"{file.ExtractionAttempts} attempt(s) in {took.TotalSeconds:F1} s; text {file.ExtractedText?.Length ?? 0} chars");
        switch (name)
        {
            case "zip-bomb":
                Assert.Equal((ExtractionStatus.Failed, ExtractionFailure.TooLarge), (file.Extraction, file.ExtractionFailure));
                break;
            case "nested-arrays":
                Assert.Equal(ExtractionStatus.Failed, file.Extraction);
                break;
            case "many-pages":
                // The first pages are read (a page cap, not a refusal).
                Assert.Equal(ExtractionStatus.Done, file.Extraction);
                Assert.Contains("Kubernetes", file.ExtractedText, StringComparison.Ordinal);
                Assert.True(file.ExtractedText!.Length <= 100_000);
                break;
            case "huge-page":
                Assert.True(file.Extraction == ExtractionStatus.Failed || file.ExtractedText!.Length <= 100_000);
                break;
            case "truncated":
                Assert.True(file.Extraction == ExtractionStatus.Failed || file.ExtractedText!.Contains("Truncated", StringComparison.Ordinal));
                break;
            case "xxe":
                Assert.Equal((ExtractionStatus.Failed, ExtractionFailure.Damaged), (file.Extraction, file.ExtractionFailure));
                break;
            case "remote-template":
                Assert.Equal(ExtractionStatus.Done, file.Extraction);
                Assert.Equal("Remote Template\nTerraform and platform engineering", file.ExtractedText);
                break;
        }
        Assert.False(listener.Pending());
        Assert.DoesNotContain("root:", file.ExtractedText ?? "", StringComparison.Ordinal);
        Assert.True(file.ExtractionAttempts <= 2);

        // The recruiter is told why, in words.
        if (file.Extraction == ExtractionStatus.Failed)
        {
            var candidateId = await App.WithDbAsync(db => db.Files.Where(f => f.Id == fileId).Select(f => f.CandidateId).SingleAsync());
            var html = await (await App.CreateClientAs(recruiter).GetAsync($"/candidates/{candidateId}")).Content.ReadAsStringAsync();
            Assert.Contains("Text could not be read from this file", html, StringComparison.Ordinal);
        }

        // And a normal résumé sent after it is searchable within seconds.
        var next = await App.ApplicationAsync(posting.Id, "Normal Applicant") with
        {
            Resume = TestResumes.Upload(TestResumes.Pdf("Normal Applicant", "Zanzibar logistics platform")),
        };
        watch.Restart();
        await App.SendAsync(next, null);
        var nextId = await App.WithDbAsync(db => db.Files.Where(f => f.Id != fileId).Select(f => f.Id).SingleAsync());
        Assert.Equal(ExtractionStatus.Done, (await ProcessAsync(nextId, TimeSpan.FromSeconds(30))).Extraction);
        var found = await App.SendAsync(new SearchCandidates.Query { Q = "zanzibar" }, recruiter);
        Assert.Equal("Normal Applicant", Assert.Single(found.Results).FullName);
        output.WriteLine($"normal résumé after it: searchable in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
    }

    // Drives the worker (the background service may also take files; SKIP LOCKED keeps them apart) and checks the
    // app keeps answering pages meanwhile.
    private async Task<StoredFile> ProcessAsync(Guid fileId, TimeSpan limit)
    {
        using var client = App.CreateClient();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            var work = Task.Run(async () =>
            {
                await using var scope = App.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ResumeExtractionWorker>().ProcessNextAsync(CancellationToken.None);
            });
            while (!work.IsCompleted)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/careers")).StatusCode);
                await Task.WhenAny(work, Task.Delay(250));
            }
            await work;
            var file = (await App.FindAsync<StoredFile>(fileId))!;
            if (file.Extraction != ExtractionStatus.Pending) return file;
            await Task.Delay(100);
        }
        throw new TimeoutException("The file was never processed.");
    }
}
