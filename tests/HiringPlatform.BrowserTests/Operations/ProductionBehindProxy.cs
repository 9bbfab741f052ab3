using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HiringPlatform.BrowserTests.Operations;

// The Release build of the app, started as its own process in Production mode, behind a real nginx that terminates
// TLS on loopback with a certificate made here: the deployment the operations runbook describes, in miniature.
public sealed class ProductionBehindProxy : IAsyncDisposable
{
    private readonly string _folder;
    private readonly List<Process> _apps = [];
    private Process? _nginx;

    // Each instance's own port, and an https port on nginx that reaches only that instance.
    public IReadOnlyList<int> AppPorts { get; }
    public IReadOnlyList<int> DirectPorts { get; }
    // nginx's https and http ports, balancing over every instance.
    public int HttpsPort { get; }
    public int HttpPort { get; }
    public string HttpsUrl => $"https://127.0.0.1:{HttpsPort}";
    public string HttpUrl => $"http://127.0.0.1:{HttpPort}";
    public string DirectUrl(int instance) => $"https://127.0.0.1:{DirectPorts[instance]}";
    public string Folder => _folder;
    public string PickupDirectory => Path.Combine(_folder, "mail");

    private ProductionBehindProxy(int instances)
    {
        _folder = Directory.CreateTempSubdirectory("hp-proxy-").FullName;
        // nginx's workers run as an unprivileged user when the test runs as root: they must reach the temp folders.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        AppPorts = Enumerable.Range(0, instances).Select(_ => FreePort()).ToList();
        DirectPorts = Enumerable.Range(0, instances).Select(_ => FreePort()).ToList();
        HttpsPort = FreePort();
        HttpPort = FreePort();
    }

    public static async Task<ProductionBehindProxy> StartAsync(string connectionString, IDictionary<string, string>? settings = null, int instances = 1)
    {
        var proxy = new ProductionBehindProxy(instances);
        try
        {
            for (var i = 0; i < instances; i++) await proxy.StartAppAsync(i, connectionString, settings ?? new Dictionary<string, string>());
            await proxy.StartNginxAsync();
            return proxy;
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
    }

    // A client that connects from the given loopback address (127.0.0.2, 127.0.0.3...): nginx sees a different
    // client for each, as it would for two people on the internet. Certificates are accepted: the test made its own.
    public HttpClient ClientFrom(string sourceAddress, CookieContainer? cookies = null, string? baseUrl = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? new CookieContainer(),
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(baseUrl ?? HttpsUrl) };
    }

    private async Task StartAppAsync(int instance, string connectionString, IDictionary<string, string> settings)
    {
        var repo = RepoRoot();
        // The test runs from tests/HiringPlatform.BrowserTests/bin/<Configuration>/net10.0: use the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var webProject = Path.Combine(repo, "src", "HiringPlatform.Web");
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "HiringPlatform.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"The app is not built: {dll} is missing.");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{AppPorts[instance]}",
            ["ConnectionStrings__Default"] = connectionString,
            ["App__PublicUrl"] = HttpsUrl,
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Interviews__FeedbackReminders__Enabled"] = "false",
            // Emails as .eml files in one folder shared by the instances, when a test asks for Email__Mode=Pickup.
            ["Email__PickupDirectory"] = PickupDirectory,
        };
        foreach (var (key, value) in settings) environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        // Whatever the test runner's own environment says about the app does not apply to this one.
        start.Environment.Remove("ASPNETCORE_FORWARDEDHEADERS_ENABLED");
        var app = Process.Start(start)!;
        _apps.Add(app);
        var log = instance == 0 ? "app.log" : $"app{instance}.log";
        app.OutputDataReceived += (_, e) => AppendLog(log, e.Data);
        app.ErrorDataReceived += (_, e) => AppendLog(log, e.Data);
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        await WaitForAsync($"http://127.0.0.1:{AppPorts[instance]}/health/live", app, $"app instance {instance}", log);
    }

    private async Task StartNginxAsync()
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: ./build.sh test installs Debian's nginx package.");
        WriteCertificate();
        var conf = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(conf, NginxConfig());
        var start = new ProcessStartInfo(nginx, ["-p", _folder, "-c", conf, "-e", Path.Combine(_folder, "error.log")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _nginx = Process.Start(start)!;
        _nginx.OutputDataReceived += (_, e) => AppendLog("nginx.out", e.Data);
        _nginx.ErrorDataReceived += (_, e) => AppendLog("nginx.out", e.Data);
        _nginx.BeginOutputReadLine();
        _nginx.BeginErrorReadLine();
        using var client = ClientFrom("127.0.0.1");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_nginx.HasExited) throw new InvalidOperationException($"nginx exited during start-up: {Log("nginx.out")} {Log("error.log")}");
            try
            {
                if ((await client.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"nginx did not answer: {Log("error.log")}");
            await Task.Delay(200);
        }
    }

    // The same settings docs/operations.md gives for nginx, on loopback ports.
    private string NginxConfig()
    {
        var temp = (string name) => $"{name}_temp_path {Path.Combine(_folder, name)};";
        string Location(string upstream) => $$"""
                location / {
                    proxy_pass http://{{upstream}};
                    proxy_http_version 1.1;
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $remote_addr;
                    proxy_set_header X-Forwarded-Proto $scheme;
                }
        """;
        var tls = $"ssl_certificate {Path.Combine(_folder, "cert.pem")}; ssl_certificate_key {Path.Combine(_folder, "key.pem")};";
        var direct = string.Concat(AppPorts.Select((port, i) => $$"""
                server {
                    listen 127.0.0.1:{{DirectPorts[i]}} ssl;
                    {{tls}}
            {{Location($"127.0.0.1:{port}")}}
                }

            """));
        return $$"""
            daemon off;
            worker_processes 1;
            pid {{Path.Combine(_folder, "nginx.pid")}};
            error_log {{Path.Combine(_folder, "error.log")}} warn;
            events { worker_connections 256; }
            http {
                access_log off;
                {{temp("client_body")}} {{temp("proxy")}} {{temp("fastcgi")}} {{temp("uwsgi")}} {{temp("scgi")}}
                client_max_body_size 15m;
                upstream app { {{string.Concat(AppPorts.Select(port => $"server 127.0.0.1:{port}; "))}}}
                server {
                    listen 127.0.0.1:{{HttpsPort}} ssl;
                    {{tls}}
            {{Location("app")}}
                }
                server {
                    listen 127.0.0.1:{{HttpPort}};
            {{Location("app")}}
                }
            {{direct}}
            }
            """;
    }

    private void WriteCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        File.WriteAllText(Path.Combine(_folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
    }

    public string Log(string name)
    {
        var path = Path.Combine(_folder, name);
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    private readonly Lock _logLock = new();

    private void AppendLog(string name, string? line)
    {
        if (line is null) return;
        lock (_logLock) File.AppendAllText(Path.Combine(_folder, name), line + Environment.NewLine);
    }

    private async Task WaitForAsync(string url, Process process, string name, string log)
    {
        using var client = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited during start-up: {Log(log)}");
            try
            {
                if ((await client.GetAsync(url)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{name} did not answer on {url}: {Log(log)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HiringPlatform.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HiringPlatform.sln not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _apps.Prepend(_nginx))
        {
            if (process is null) continue;
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
            }
            process.Dispose();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
