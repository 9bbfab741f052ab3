using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HiringPlatform.Testing;

// A throwaway PostgreSQL cluster of the test's own (initdb in a temporary folder, a free port), for fault tests
// that stop and restart the server: the cluster the other test assemblies share is never touched. Or a streaming
// replica of a running cluster (StartReplicaAsync), for the read-replica tests.
// As root (our machines, CI) the server runs as the postgres OS user, which initdb requires.
public sealed class OwnPostgresCluster : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _bin;

    private OwnPostgresCluster(string root, string bin, int port)
    {
        _root = root;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }
    private string Data => Path.Combine(_root, "data");
    private string Log => Path.Combine(_root, "pg.log");

    // TCP on loopback only (no socket file); fsync off because an OS crash is not what these tests simulate
    // (a fast shutdown still writes every committed transaction out).
    private string _extraOptions = "";

    private string ServerOptions => $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c full_page_writes=off{_extraOptions}";

    public static async Task<OwnPostgresCluster> StartAsync()
    {
        var cluster = await CreateAsync("hp-fault-");
        await cluster.PgAsync("initdb", ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
        await cluster.StartServerAsync();
        return cluster;
    }

    // A streaming replica (hot standby) of the cluster on primaryPort: a base backup with -R, started on a port of
    // its own. initdb's defaults on the primary already allow it (replication from 127.0.0.1, wal_level=replica).
    public static async Task<OwnPostgresCluster> StartReplicaAsync(int primaryPort)
    {
        var cluster = await CreateAsync("hp-replica-");
        await cluster.PgAsync("pg_basebackup", ["-h", "127.0.0.1", "-p", primaryPort.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
            "-D", cluster.Data, "-R", "-X", "stream", "-c", "fast"]);
        // A hot standby refuses to start with fewer connections than its primary allows.
        await using (var primary = new NpgsqlConnection($"Host=127.0.0.1;Port={primaryPort};Username=postgres;Database=postgres;Pooling=false"))
        {
            await primary.OpenAsync();
            await using var cmd = new NpgsqlCommand("SHOW max_connections", primary);
            cluster._extraOptions = $" -c hot_standby=on -c max_connections={await cmd.ExecuteScalarAsync()}";
        }
        await cluster.StartServerAsync();
        return cluster;
    }

    private static async Task<OwnPostgresCluster> CreateAsync(string prefix)
    {
        var bin = new[] { "HIRING_PG_BIN", "PG_BIN" }.Select(Environment.GetEnvironmentVariable).FirstOrDefault(b => b is { Length: > 0 })
            ?? (Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(Directory.Exists).OrderDescending().FirstOrDefault()
                : null);
        if (bin is null || !File.Exists(Path.Combine(bin, "initdb")))
            throw new InvalidOperationException("PostgreSQL server binaries not found: install them or set HIRING_PG_BIN to the folder holding initdb and pg_ctl.");
        var root = Path.Combine(Path.GetTempPath(), $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)]);
        var cluster = new OwnPostgresCluster(root, bin, FreePort());
        if (IsRoot) await RunAsync("install", ["-d", "-o", "postgres", "-g", "postgres", "-m", "700", root]);
        else Directory.CreateDirectory(root);
        return cluster;
    }

    public Task StartServerAsync() => PgAsync("pg_ctl", ["-D", Data, "-l", Log, "-w", "-t", "60", "-o", ServerOptions, "start"]);

    public Task StopServerAsync() => PgAsync("pg_ctl", ["-D", Data, "-m", "fast", "-w", "-t", "60", "stop"]);

    public Task RestartServerAsync() => PgAsync("pg_ctl", ["-D", Data, "-l", Log, "-m", "fast", "-w", "-t", "60", "-o", ServerOptions, "restart"]);

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Timeout = 5, MaxPoolSize = 50,
    }.ConnectionString;

    // A migrated database with the reference data, like the shared test template.
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false"))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = ConnectionString(name);
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(cs).UseSnakeCaseNamingConvention().Options;
        await using var db = new AppDbContext(options);
        await db.Database.MigrateAsync();
        await ReferenceDataSeeder.SeedAsync(db);
        return cs;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopServerAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the rest of the temporary folder.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task PgAsync(string program, IReadOnlyList<string> arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments])
            : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output} {await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
