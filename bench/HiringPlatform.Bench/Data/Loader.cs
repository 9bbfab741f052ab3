using System.Diagnostics;
using Npgsql;

namespace HiringPlatform.Bench.Data;

public sealed record LoadResult(
    string Set, bool Reused, IReadOnlyDictionary<string, long> Counts, IReadOnlyDictionary<string, string> Meta,
    IReadOnlyList<(string Phase, double Seconds)> Phases, IReadOnlyList<(string Index, double Seconds)> IndexBuilds);

// Loads a migrated, reference-seeded database: drops the foreign keys and the secondary indexes of the tables
// it fills, COPYs everything in, then rebuilds the indexes (two at a time, generous maintenance_work_mem),
// re-adds the foreign keys, ANALYZEs, and writes the bench_meta marker last.
public sealed class Loader(string connectionString, BenchSpec spec, TextWriter log)
{
    public const string MetaTable = "bench_meta";

    private readonly List<(string, double)> _phases = [];
    private readonly List<(string, double)> _indexBuilds = [];
    private readonly List<(string, double)> _indexCpu = [];

    public async Task<LoadResult> LoadAsync(CancellationToken ct = default)
    {
        spec.Validate();
        var total = Stopwatch.StartNew();
        await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, CommandTimeout = 0, IncludeErrorDetail = true,
        }.ConnectionString);

        var reference = await Reference.ReadAsync(db, ct);
        var world = new World(spec, reference);
        var planner = new Planner(world);
        var generator = new Generator(world, planner);

        var schema = await Phase("drop foreign keys and secondary indexes", () => SchemaTools.DropAsync(db, Tables.All, ct));

        await Phase("copy", async () =>
        {
            NpgsqlConnection Open(string _)
            {
                var c = db.OpenConnection();
                using var cmd = new NpgsqlCommand("SET synchronous_commit = off", c);
                cmd.ExecuteNonQuery();
                return c;
            }
            using (var small = Open("small")) generator.WriteSmallTables(small);
            var candidates = Task.Run(() =>
            {
                using var c1 = Open("candidates");
                using var c2 = Open("notes");
                var sw = Stopwatch.StartNew();
                generator.WriteCandidates(c1, c2);
                log.WriteLine($"  candidates copied in {sw.Elapsed.TotalSeconds:F0} s (PostgreSQL CPU {generator.BackendCpuSeconds.GetValueOrDefault("candidates"):F0} s)");
            }, ct);
            var applications = Task.Run(() =>
            {
                var sw = Stopwatch.StartNew();
                generator.WriteApplications(Open);
                log.WriteLine($"  applications, interviews, scorecards, ratings, activity copied in {sw.Elapsed.TotalSeconds:F0} s (PostgreSQL CPU {generator.BackendCpuSeconds.GetValueOrDefault("applications"):F0} s)");
            }, ct);
            await Task.WhenAll(candidates, applications);
        });

        await Phase("create indexes", () => SchemaTools.CreateIndexesAsync(db, schema.Indexes, generator.Counts, _indexBuilds, _indexCpu, log, ct));
        await Phase("add foreign keys", () => SchemaTools.AddForeignKeysAsync(db, schema.ForeignKeys, log, ct));
        await Phase("analyze", async () =>
        {
            await using var cmd = db.CreateCommand("ANALYZE");
            await cmd.ExecuteNonQueryAsync(ct);
        });

        var meta = new Dictionary<string, string>(generator.Meta)
        {
            ["set"] = spec.Name,
            ["seed"] = spec.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["generator_version"] = BenchSpec.GeneratorVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["migration"] = await LatestMigrationAsync(db, ct) ?? "",
            ["common_word"] = Words.Common[0].Word,
            ["rare_word"] = Words.Rare(12345),
            ["name_prefix"] = "Okaf",
            ["password"] = World.Password,
            ["load_seconds"] = total.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var u in World.BenchUsers) meta["user_" + u.Key] = u.Email;
        foreach (var (phase, s) in _phases) meta["phase_" + phase.Replace(' ', '_')] = s.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (index, s) in _indexBuilds) meta["index_" + index] = s.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (table, n) in generator.Counts) meta["count_" + table] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (producer, s) in generator.BackendCpuSeconds) meta["cpu_copy_" + producer] = s.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (index, s) in _indexCpu) meta["cpu_index_" + index] = s.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        meta["load_avg_at_end"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "";
        await WriteMetaAsync(db, meta, ct);
        log.WriteLine($"[bench-data] {spec.Name}: loaded in {total.Elapsed.TotalSeconds:F0} s");
        return new LoadResult(spec.Name, false, generator.Counts, meta, _phases, _indexBuilds);
    }

    private async Task<T> Phase<T>(string name, Func<Task<T>> action)
    {
        log.WriteLine($"[bench-data] {name} ...");
        var sw = Stopwatch.StartNew();
        var result = await action();
        _phases.Add((name, sw.Elapsed.TotalSeconds));
        log.WriteLine($"[bench-data] {name}: {sw.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    private Task Phase(string name, Func<Task> action) => Phase(name, async () => { await action(); return 0; });

    internal static async Task<string?> LatestMigrationAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT max(migration_id) FROM \"__EFMigrationsHistory\"");
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    private static async Task WriteMetaAsync(NpgsqlDataSource db, Dictionary<string, string> meta, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(
            $"DROP TABLE IF EXISTS {MetaTable}; CREATE TABLE {MetaTable} (key text PRIMARY KEY, value text NOT NULL)", connection, tx))
            await create.ExecuteNonQueryAsync(ct);
        foreach (var (key, value) in meta.Append(new("complete", "true")))
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {MetaTable} (key, value) VALUES (@k, @v)", connection, tx);
            insert.Parameters.AddWithValue("k", key);
            insert.Parameters.AddWithValue("v", value);
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    // The marker of a complete load, or null when the database is missing, half-loaded or made by another generator or schema.
    public static async Task<Dictionary<string, string>?> ReadMetaAsync(string connectionString, CancellationToken ct = default)
    {
        await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await using var cmd = db.CreateCommand($"SELECT to_regclass('{MetaTable}') IS NOT NULL");
        if (await cmd.ExecuteScalarAsync(ct) is not true) return null;
        var meta = new Dictionary<string, string>();
        await using (var select = db.CreateCommand($"SELECT key, value FROM {MetaTable}"))
        await using (var r = await select.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) meta[r.GetString(0)] = r.GetString(1);
        return meta;
    }
}
