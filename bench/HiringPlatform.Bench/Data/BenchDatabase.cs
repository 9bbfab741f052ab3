using System.Diagnostics;
using System.Reflection;
using HiringPlatform.Application.Data;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace HiringPlatform.Bench.Data;

// `bench-data`: makes sure hiring_bench_<set> exists and is completely loaded by this generator version for
// the current schema; otherwise drops it, creates it, migrates it with the Web app's own `migrate` mode and loads it.
public static class BenchDatabase
{
    public static async Task<LoadResult> EnsureAsync(string serverConnectionString, BenchSpec spec, string webDll, TextWriter log,
        string? databaseName = null, CancellationToken ct = default)
    {
        var database = databaseName ?? spec.DatabaseName;
        var dbCs = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
        var expectedMigration = LatestMigrationInCode();

        if (await ExistsAsync(serverConnectionString, database, ct))
        {
            var meta = await Loader.ReadMetaAsync(dbCs, ct);
            var why = meta is null ? "no completion marker"
                : meta.GetValueOrDefault("complete") != "true" ? "incomplete"
                : meta.GetValueOrDefault("generator_version") != BenchSpec.GeneratorVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "made by another generator version"
                : meta.GetValueOrDefault("migration") != expectedMigration ? $"schema {meta.GetValueOrDefault("migration")} is not {expectedMigration}"
                : meta.GetValueOrDefault("seed") != spec.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "another seed"
                : null;
            if (why is null)
            {
                log.WriteLine($"[bench-data] reusing {database} (complete, generator v{BenchSpec.GeneratorVersion}, loaded in {meta!.GetValueOrDefault("load_seconds")} s)");
                return new LoadResult(spec.Name, true, new Dictionary<string, long>(), meta!, [], []);
            }
            log.WriteLine($"[bench-data] {database} exists but is {why}: rebuilding it");
        }

        await ExecAsync(serverConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", ct);
        await ExecAsync(serverConnectionString, $"CREATE DATABASE \"{database}\"", ct);

        var sw = Stopwatch.StartNew();
        log.WriteLine($"[bench-data] migrating {database} with {Path.GetFileName(webDll)} migrate");
        var psi = new ProcessStartInfo("dotnet", [webDll, "migrate"]) { UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(webDll)! };
        psi.Environment["ConnectionStrings__Default"] = dbCs;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        // EF logs its probe for the not-yet-existing history table as an error; on a fresh database that is expected.
        psi.Environment["Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command"] = "Fatal";
        using (var migrate = Process.Start(psi)!)
        {
            await migrate.WaitForExitAsync(ct);
            if (migrate.ExitCode != 0) throw new InvalidOperationException($"`{webDll} migrate` failed with exit code {migrate.ExitCode}");
        }
        log.WriteLine($"[bench-data] migrated in {sw.Elapsed.TotalSeconds:F1} s");

        var result = await new Loader(dbCs, spec, log).LoadAsync(ct);
        return result;
    }

    // The newest migration compiled into the Application assembly: a database migrated to another one is stale.
    public static string LatestMigrationInCode() =>
        typeof(AppDbContext).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .Where(id => id is not null)
            .Max() ?? "";

    private static async Task<bool> ExistsAsync(string server, string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @d", connection);
        cmd.Parameters.AddWithValue("d", database);
        return (long)(await cmd.ExecuteScalarAsync(ct))! > 0;
    }

    private static async Task ExecAsync(string server, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
