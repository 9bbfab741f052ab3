using System.Security.Cryptography;
using System.Text;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Testcontainers.PostgreSql;

namespace HiringPlatform.Testing;

// Finds a PostgreSQL for the tests and gives each test assembly its own database, copied from a migrated
// template (CREATE DATABASE ... TEMPLATE is much faster than migrating each time).
// Order: HIRING_TEST_POSTGRES (what ./build.sh test exports), else Testcontainers where a Docker engine answers,
// else fail at once with instructions. Never SQLite, never the in-memory provider.
public static class TestDatabase
{
    public const string ServerVariable = "HIRING_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _server;
    private static PostgreSqlContainer? _container;

    // Several checkouts (worktrees, CI clones) may share one test cluster: names carry a hash of this checkout.
    private static readonly string CheckoutHash = Hash(AppContext.BaseDirectory.Split("/tests/")[0])[..8];

    public static async Task<string> CreateAsync(string name)
    {
        var server = await ServerAsync();
        var template = await EnsureTemplateAsync(server);
        var database = $"hp_{name}_{CheckoutHash}";
        await using var admin = await OpenAsync(server, "postgres");
        await LockAsync(admin);
        await ExecAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        await ExecAsync(admin, $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"");
        return new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = true, MaxPoolSize = 50 }.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database!;
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAsync(await ServerAsync(), "postgres");
        await ExecAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task<string> ServerAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is not null) return _server;
            var fromEnvironment = Environment.GetEnvironmentVariable(ServerVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment)) return _server = fromEnvironment;
            if (File.Exists("/var/run/docker.sock") || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")))
            {
                _container = new PostgreSqlBuilder("postgres:15").Build();
                await _container.StartAsync();
                var cs = new NpgsqlConnectionStringBuilder(_container.GetConnectionString()) { Database = "postgres" };
                return _server = cs.ConnectionString;
            }
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests. Run ./build.sh test (it starts one), or set {ServerVariable} to a server " +
                "connection string such as 'Host=127.0.0.1;Port=5432;Username=postgres;Password=...', or start a Docker engine for Testcontainers.");
        }
        finally
        {
            Gate.Release();
        }
    }

    // The template is named after this build of the Application assembly, so a changed model or seed makes a new one.
    private static async Task<string> EnsureTemplateAsync(string server)
    {
        var build = typeof(AppDbContext).Assembly.ManifestModule.ModuleVersionId.ToString();
        var prefix = $"hp_tpl_{CheckoutHash}_";
        var template = prefix + Hash(build)[..10];
        await using var admin = await OpenAsync(server, "postgres");
        await LockAsync(admin);
        var exists = await ScalarAsync(admin, $"SELECT count(*) FROM pg_database WHERE datname = '{template}'") is long n && n > 0;
        if (exists) return template;

        await using (var cmd = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{prefix}%'", admin))
        {
            var stale = new List<string>();
            await using (var reader = await cmd.ExecuteReaderAsync())
                while (await reader.ReadAsync()) stale.Add(reader.GetString(0));
            foreach (var old in stale) await ExecAsync(admin, $"DROP DATABASE IF EXISTS \"{old}\" WITH (FORCE)");
        }
        // Built under a temporary name and renamed when complete, so a failed migration never leaves a half-made template.
        var building = template + "_building";
        await ExecAsync(admin, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
        await ExecAsync(admin, $"CREATE DATABASE \"{building}\"");
        try
        {
            var templateCs = new NpgsqlConnectionStringBuilder(server) { Database = building, Pooling = false }.ConnectionString;
            var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(templateCs).UseSnakeCaseNamingConvention().Options;
            await using (var db = new AppDbContext(options))
            {
                await db.Database.MigrateAsync();
                await ReferenceDataSeeder.SeedAsync(db);
            }
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(admin, $"ALTER DATABASE \"{building}\" RENAME TO \"{template}\"");
        }
        catch
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(admin, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
            throw;
        }
        return template;
    }

    // Serialises template creation and copying across test assemblies running in parallel; released with the connection.
    private static Task LockAsync(NpgsqlConnection admin) => ExecAsync(admin, "SELECT pg_advisory_lock(724001)");

    private static async Task<NpgsqlConnection> OpenAsync(string server, string database)
    {
        // No command timeout: the advisory lock waits while another test assembly migrates the template, which on a busy
        // machine takes longer than Npgsql's 30-second default (seen with the suite running beside a CPU-heavy job).
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server)
        {
            Database = database, Pooling = false, CommandTimeout = 0, Timeout = 60,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return await cmd.ExecuteScalarAsync();
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
