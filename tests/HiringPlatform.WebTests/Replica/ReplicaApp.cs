using HiringPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace HiringPlatform.WebTests.Replica;

// The app with ConnectionStrings:ReadOnly set: its own database on the shared test server, read back through a
// streaming replica of that server. ./build.sh test starts one and exports HIRING_TEST_POSTGRES_REPLICA; without
// it (one test run by hand) the fixture makes its own replica of the test server with pg_basebackup. A fixture that
// stops its replica (OwnReplica) always makes its own, so the shared one keeps serving.
public class ReplicaApp : AppFixture
{
    public const string ReplicaVariable = "HIRING_TEST_POSTGRES_REPLICA";

    private OwnPostgresCluster? _ownReplica;

    public string ReplicaConnectionString { get; private set; } = "";

    public OwnPostgresCluster Replica => _ownReplica ?? throw new InvalidOperationException("This fixture reads the shared replica; it cannot stop it.");

    protected override string DatabaseName => "replica";

    protected virtual bool OwnReplica => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var shared = Environment.GetEnvironmentVariable(ReplicaVariable);
        string server;
        if (!OwnReplica && !string.IsNullOrWhiteSpace(shared))
        {
            server = shared;
        }
        else
        {
            var primary = new NpgsqlConnectionStringBuilder(ConnectionString);
            if (primary.Host is not ("127.0.0.1" or "localhost"))
                throw new InvalidOperationException($"The read-replica tests need a local test cluster (./build.sh test) or {ReplicaVariable}.");
            try
            {
                _ownReplica = await OwnPostgresCluster.StartReplicaAsync(primary.Port);
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException(
                    $"Could not make a streaming replica of the test server with pg_basebackup ({ex.Message}). Run ./build.sh test, which " +
                    $"starts one, or set {ReplicaVariable} to a hot standby of {TestDatabase.ServerVariable}.", ex);
            }
            server = _ownReplica.ConnectionString("postgres");
        }
        // A short connect timeout, as docs/operations.md recommends for a replica: a dead one costs at most that.
        ReplicaConnectionString = new NpgsqlConnectionStringBuilder(server)
        {
            Database = new NpgsqlConnectionStringBuilder(ConnectionString).Database, Timeout = 3, Pooling = true, MaxPoolSize = 50,
        }.ConnectionString;
        await WaitForReplicaAsync(TimeSpan.FromSeconds(60));
        await ResumeReplayAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownReplica is not null) await _ownReplica.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:ReadOnly", ReplicaConnectionString);
        // A window far longer than a request on a busy machine (the default 5 s ran out between a save and the next
        // page there); the tests that need it over move the clock past it.
        builder.UseSetting("Database:ReadYourWritesSeconds", ReadYourWritesSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public const int ReadYourWritesSeconds = 60;

    // Until the replica has replayed everything the primary has written so far.
    public async Task CatchUpAsync()
    {
        await using var primary = await OpenAsync(ConnectionString);
        var target = await ScalarAsync<string>(primary, "SELECT pg_current_wal_lsn()::text");
        await using var replica = await OpenAsync(ReplicaConnectionString);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ScalarAsync<bool>(replica, $"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn") is false)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The replica did not replay up to {target} within a minute.");
            await Task.Delay(50);
        }
    }

    // From here on the replica shows the data as it is now, whatever the primary does, until ResumeReplayAsync.
    public async Task PauseReplayAsync()
    {
        await using var replica = await OpenAsync(ReplicaConnectionString);
        await ScalarAsync<object>(replica, "SELECT pg_wal_replay_pause()");
    }

    public async Task ResumeReplayAsync()
    {
        await using var replica = await OpenAsync(ReplicaConnectionString);
        await ScalarAsync<object>(replica, "SELECT pg_wal_replay_resume()");
    }

    public async Task OnPrimaryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var primary = await OpenAsync(ConnectionString);
        await using var cmd = new NpgsqlCommand(sql, primary);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync();
    }

    // Sessions the app holds on the replica for this database (its pooled connections): more than none means a
    // page read from the replica.
    public async Task<long> ReplicaSessionsAsync()
    {
        await using var replica = await OpenAsync(ReplicaConnectionString);
        return await ScalarAsync<long>(replica, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }

    // The app's pooled connections closed, so a page that reads the replica has to open a new session there.
    public static void ClearAppPools() => NpgsqlConnection.ClearAllPools();

    private async Task WaitForReplicaAsync(TimeSpan timeout)
    {
        // The database was made on the primary a moment ago: the replica has it once it replays the CREATE DATABASE.
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await using var replica = await OpenAsync(ReplicaConnectionString);
                if (await ScalarAsync<bool>(replica, "SELECT pg_is_in_recovery()")) return;
                throw new InvalidOperationException($"{ReplicaConnectionString} is not a replica (pg_is_in_recovery() is false).");
            }
            catch (PostgresException ex) when (ex.SqlState is "3D000" && DateTime.UtcNow < deadline)
            {
                // Replay paused by an earlier run, or simply not there yet.
                await ResumeSharedReplayAsync();
                await Task.Delay(200);
            }
        }
    }

    private async Task ResumeSharedReplayAsync()
    {
        await using var replica = await OpenAsync(new NpgsqlConnectionStringBuilder(ReplicaConnectionString) { Database = "postgres" }.ConnectionString);
        await ScalarAsync<object>(replica, "SELECT pg_wal_replay_resume()");
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}

// A replica of the fixture's own, which the tests stop and start.
public sealed class OwnReplicaApp : ReplicaApp
{
    protected override string DatabaseName => "replicadown";

    protected override bool OwnReplica => true;
}
