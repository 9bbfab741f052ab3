using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HiringPlatform.IntegrationTests.Email;

// A minimal SMTP server on loopback that takes its time before accepting DATA, like a mail server under load or
// behind a slow greylisting proxy. It records the subject of every message it accepted.
public sealed class SlowSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SlowSmtpServer(TimeSpan dataDelay)
    {
        DataDelay = dataDelay;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public TimeSpan DataDelay { get; }
    public ConcurrentQueue<string> Received { get; } = new();

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                sessions.Add(Task.Run(() => SessionAsync(client)));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        await Task.WhenAll(sessions);
    }

    private async Task SessionAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 slow.test ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 slow.test");
                        break;
                    case "DATA":
                        await Task.Delay(DataDelay, _stop.Token);
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        string? subject = null;
                        while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                            if (subject is null && data.StartsWith("Subject: ", StringComparison.OrdinalIgnoreCase)) subject = data[9..];
                        Received.Enqueue(subject ?? "");
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up (a cancelled send) or the server is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
