using System.Diagnostics;
using System.Text;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.ResumeExtractor;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Infrastructure.Resumes;

// Runs HiringPlatform.ResumeExtractor.dll as a short-lived child process per file (ADR-0014): the bytes go in on
// stdin, the text comes back on stdout. A wall-clock limit (the whole tree is killed), a GC heap limit, an OS data
// limit (prlimit, where available) and an output cap mean a hostile file can only ever kill the child.
public sealed partial class ResumeExtractorProcess : IResumeTextExtractor, IDisposable
{
    public const string ExtractorAssembly = "HiringPlatform.ResumeExtractor.dll";

    private readonly ResumeExtractionOptions _options;
    private readonly ILogger<ResumeExtractorProcess> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly string _dotnet;
    private readonly string? _prlimit;

    public ResumeExtractorProcess(IOptions<ResumeExtractionOptions> options, ILogger<ResumeExtractorProcess> logger)
    {
        _options = options.Value;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Clamp(_options.MaxConcurrent, 1, 16));
        _dotnet = FindDotnet();
        _prlimit = _options.UseOsMemoryLimit && OperatingSystem.IsLinux()
            ? new[] { "/usr/bin/prlimit", "/bin/prlimit" }.FirstOrDefault(File.Exists) : null;
    }

    public async Task<ResumeTextResult> ExtractAsync(byte[] content, string contentType, CancellationToken ct)
    {
        var format = contentType switch
        {
            ResumeFile.PdfContentType => ResumeParser.Pdf,
            ResumeFile.DocxContentType => ResumeParser.Docx,
            _ => null,
        };
        if (format is null) return new ResumeTextResult(null, ExtractionFailure.Unsupported, TimeSpan.Zero, 0);

        await _slots.WaitAsync(ct);
        try
        {
            return await RunAsync(content, format, ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<ResumeTextResult> RunAsync(byte[] content, string format, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        using var process = new Process { StartInfo = StartInfo(format) };
        process.Start();
        long peak = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds)));

        // Feed stdin, read capped stdout and drain stderr (a stack overflow prints megabytes of frames) all at once:
        // a child blocked on a full pipe would otherwise look like a hang.
        var feeding = FeedAsync(process, content);
        var output = ReadCappedAsync(process, _options.MaxOutputBytes, timeout.Token);
        var draining = process.StandardError.BaseStream.CopyToAsync(Stream.Null, timeout.Token);
        var timedOut = false;
        var exited = process.WaitForExitAsync(timeout.Token);
        try
        {
            // Sampled while it runs (the figure is gone once it exits); PeakWorkingSet64 is the kernel's high-water mark.
            while (!exited.IsCompleted)
            {
                peak = Math.Max(peak, PeakMemory(process));
                await Task.WhenAny(exited, Task.Delay(50, CancellationToken.None));
            }
            await exited;
        }
        catch (OperationCanceledException)
        {
            timedOut = !ct.IsCancellationRequested;
            Kill(process);
            if (!timedOut) throw;
        }
        finally
        {
            await Task.WhenAll(Quietly(feeding), Quietly(draining), Quietly(output));
        }

        var elapsed = started.Elapsed;
        if (timedOut) return new ResumeTextResult(null, ExtractionFailure.TimedOut, elapsed, peak);
        var (bytes, overflow) = await output;
        if (overflow) return new ResumeTextResult(null, ExtractionFailure.TooLarge, elapsed, peak);
        var failure = process.ExitCode switch
        {
            (int)ParseOutcome.Text => (ExtractionFailure?)null,
            (int)ParseOutcome.NoText => ExtractionFailure.NoText,
            (int)ParseOutcome.Damaged => ExtractionFailure.Damaged,
            (int)ParseOutcome.TooLarge => ExtractionFailure.TooLarge,
            (int)ParseOutcome.Unsupported => ExtractionFailure.Unsupported,
            // Anything else is a death: a signal (stack overflow aborts, the OS limit kills), or a runtime failure.
            _ => ExtractionFailure.Crashed,
        };
        if (failure == ExtractionFailure.Crashed) LogChildDied(process.ExitCode, (long)elapsed.TotalMilliseconds);
        // The child strips NUL already; PostgreSQL text cannot hold it, so never trust that alone.
        var text = failure is null ? new UTF8Encoding(false).GetString(bytes).Replace("\0", "", StringComparison.Ordinal) : null;
        return new ResumeTextResult(text, failure, elapsed, peak);
    }

    private ProcessStartInfo StartInfo(string format)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        // The child inherits nothing of ours: no connection strings, no keys. Only what the runtime needs.
        info.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "TMPDIR", "LANG", "DOTNET_ROOT" })
            if (Environment.GetEnvironmentVariable(name) is { } value) info.Environment[name] = value;
        var heap = (long)Math.Max(32, _options.MemoryLimitMegabytes) * 1024 * 1024;
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + heap.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_GCgen0size"] = "0x1000000"; // 16 MB: collect early rather than grow toward the cap
        info.Environment["DOTNET_TieredPGO"] = "0";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";

        var dll = Path.Combine(AppContext.BaseDirectory, ExtractorAssembly);
        if (_prlimit is not null)
        {
            // RLIMIT_DATA caps what the process can commit (the runtime's address-space reservations are not data).
            var osLimit = (long)Math.Max(_options.MemoryLimitMegabytes * 3, _options.OsMemoryLimitMegabytes) * 1024 * 1024;
            info.FileName = _prlimit;
            info.ArgumentList.Add($"--data={osLimit}");
            info.ArgumentList.Add("--core=0");
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(_dotnet);
        }
        else
        {
            info.FileName = _dotnet;
        }
        info.ArgumentList.Add("exec");
        if (!File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
        {
            info.ArgumentList.Add("--runtimeconfig");
            info.ArgumentList.Add(FallbackRuntimeConfig.Value);
        }
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(format);
        return info;
    }

    private static async Task FeedAsync(Process process, byte[] content)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(content);
            await process.StandardInput.BaseStream.FlushAsync();
        }
        finally
        {
            process.StandardInput.Close();
        }
    }

    // More output than any résumé gives ends the child at once (it would otherwise block on a full pipe until the
    // time limit).
    private static async Task<(byte[] Bytes, bool Overflow)> ReadCappedAsync(Process process, int cap, CancellationToken ct)
    {
        var stream = process.StandardOutput.BaseStream;
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                Kill(process);
                return ([], true);
            }
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), false);
    }

    private static long PeakMemory(Process process)
    {
        try
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0; // exited between the check and the read
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
#pragma warning disable CA1031 // The pipes of a killed or crashed child fail in many ways; the exit code tells the story.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    // The SDK copies a referenced executable's runtimeconfig.json on build; should a publish ever leave it out, the
    // child still starts on the shared framework this app runs on.
    private static readonly Lazy<string> FallbackRuntimeConfig = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"hiringplatform-resume-extractor-{Environment.Version}.runtimeconfig.json");
        var framework = new { name = "Microsoft.NETCore.App", version = Environment.Version.ToString() };
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(new { runtimeOptions = new { tfm = $"net{Environment.Version.Major}.0", framework } }));
        return path;
    });

    // The muxer that runs this app (dotnet HiringPlatform.Web.dll, or the test host), else the runtime's own root.
    private static string FindDotnet()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == name) return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host && File.Exists(host)) return host;
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var root = runtime.Parent?.Parent?.Parent?.FullName;
        if (root is not null && File.Exists(Path.Combine(root, name))) return Path.Combine(root, name);
        return name;
    }

    public void Dispose() => _slots.Dispose();

    [LoggerMessage(LogLevel.Warning, "Résumé extractor process died with exit code {ExitCode} after {ElapsedMs} ms")]
    private partial void LogChildDied(int exitCode, long elapsedMs);
}
