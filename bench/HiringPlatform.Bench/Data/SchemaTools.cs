using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace HiringPlatform.Bench.Data;

internal sealed record IndexDef(string Name, string Table, string Method, string Definition);
internal sealed record ForeignKeyDef(string Name, string Table, string ReferencedTable, string Definition);
internal sealed record SchemaSnapshot(IReadOnlyList<IndexDef> Indexes, IReadOnlyList<ForeignKeyDef> ForeignKeys);

// Whatever the migrations created is read back from the catalog and rebuilt as it was, so a new index in the
// schema (a different search index, say) is picked up without touching the generator.
internal static class SchemaTools
{
    public static async Task<SchemaSnapshot> DropAsync(NpgsqlDataSource db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var fks = new List<ForeignKeyDef>();
        await using (var cmd = db.CreateCommand("""
            SELECT k.conname, k.conrelid::regclass::text, k.confrelid::regclass::text, pg_get_constraintdef(k.oid)
            FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
            WHERE k.contype = 'f' AND n.nspname = 'public'
            ORDER BY 2, 1
            """))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) fks.Add(new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));

        var indexes = new List<IndexDef>();
        await using (var cmd = db.CreateCommand("""
            SELECT ic.relname, c.relname, am.amname, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ic.relam
            WHERE n.nspname = 'public' AND c.relname = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
            ORDER BY 2, 1
            """))
        {
            cmd.Parameters.AddWithValue("tables", tables.ToArray());
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) indexes.Add(new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var fk in fks)
            await ExecAsync(connection, $"ALTER TABLE {fk.Table} DROP CONSTRAINT {Sql.Quote(fk.Name)}", ct, tx);
        foreach (var index in indexes)
            await ExecAsync(connection, $"DROP INDEX {Sql.Quote(index.Name)}", ct, tx);
        await tx.CommitAsync(ct);
        return new SchemaSnapshot(indexes, fks);
    }

    // Two builds at a time, longest first: the full-text GIN index (single-threaded in PostgreSQL 15) takes one
    // core while the other builds the B-trees and trigram indexes.
    public static async Task CreateIndexesAsync(NpgsqlDataSource db, IReadOnlyList<IndexDef> indexes, IReadOnlyDictionary<string, long> rows,
        List<(string, double)> timings, List<(string, double)> cpu, TextWriter log, CancellationToken ct)
    {
        var queue = new ConcurrentQueue<IndexDef>(indexes.OrderByDescending(i => Cost(i, rows)));
        async Task Worker()
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await ExecAsync(connection, "SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2", ct);
            while (queue.TryDequeue(out var index))
            {
                var sw = Stopwatch.StartNew();
                var cpuBefore = BackendCpu.Of(connection);
                await ExecAsync(connection, index.Definition, ct);
                var cpuUsed = BackendCpu.Of(connection) - cpuBefore;
                lock (timings)
                {
                    timings.Add((index.Name, sw.Elapsed.TotalSeconds));
                    cpu.Add((index.Name, cpuUsed));
                }
                if (sw.Elapsed.TotalSeconds >= 1)
                    log.WriteLine($"  {index.Name}: {sw.Elapsed.TotalSeconds:F1} s (leader CPU {cpuUsed:F1} s)");
            }
        }
        await Task.WhenAll(Worker(), Worker());
    }

    private static double Cost(IndexDef index, IReadOnlyDictionary<string, long> rows)
    {
        var n = rows.GetValueOrDefault(index.Table, 1000);
        var factor = index.Method switch
        {
            "gin" when index.Definition.Contains("gin_trgm_ops", StringComparison.Ordinal) => 5.0,
            "gin" or "rum" when index.Definition.Contains("search", StringComparison.Ordinal) => 100.0,
            "gin" or "rum" or "gist" => 3.0,
            _ => 1.0,
        };
        return n * factor;
    }

    // NOT VALID first (instant), then VALIDATE, two at a time on different tables (VALIDATE takes a
    // SHARE UPDATE EXCLUSIVE lock on its own table only, so two on different tables never wait on each other).
    public static async Task AddForeignKeysAsync(NpgsqlDataSource db, IReadOnlyList<ForeignKeyDef> fks, TextWriter log, CancellationToken ct)
    {
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var fk in fks)
                await ExecAsync(connection, $"ALTER TABLE {fk.Table} ADD CONSTRAINT {Sql.Quote(fk.Name)} {fk.Definition} NOT VALID", ct, tx);
            await tx.CommitAsync(ct);
        }
        var pending = fks.ToList();
        var busy = new HashSet<string>();
        var gate = new object();
        async Task Worker()
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await ExecAsync(connection, "SET work_mem = '256MB'", ct);
            while (true)
            {
                ForeignKeyDef? next;
                lock (gate)
                {
                    if (pending.Count == 0) return;
                    next = pending.FirstOrDefault(f => !busy.Contains(f.Table));
                    if (next is not null)
                    {
                        pending.Remove(next);
                        busy.Add(next.Table);
                    }
                }
                if (next is null)
                {
                    await Task.Delay(50, ct);
                    continue;
                }
                var sw = Stopwatch.StartNew();
                await ExecAsync(connection, $"ALTER TABLE {next.Table} VALIDATE CONSTRAINT {Sql.Quote(next.Name)}", ct);
                if (sw.Elapsed.TotalSeconds >= 2) log.WriteLine($"  {next.Name}: {sw.Elapsed.TotalSeconds:F1} s");
                lock (gate) busy.Remove(next.Table);
            }
        }
        await Task.WhenAll(Worker(), Worker());
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql, CancellationToken ct, NpgsqlTransaction? tx = null)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
