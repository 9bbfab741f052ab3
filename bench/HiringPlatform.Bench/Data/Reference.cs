using Npgsql;

namespace HiringPlatform.Bench.Data;

// Reference data the Web app's `migrate` seeded (roles, the competency library, the question bank): the
// generator points at it by key, so its ids are read back rather than invented.
internal sealed record CompetencyRef(Guid Id, Guid VersionId, string Name);

internal sealed class Reference
{
    public required IReadOnlyDictionary<string, CompetencyRef> Competencies { get; init; }
    public required IReadOnlyDictionary<string, Guid> Questions { get; init; }
    public required IReadOnlyDictionary<string, Guid> Roles { get; init; }

    public static async Task<Reference> ReadAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var competencies = new Dictionary<string, CompetencyRef>();
        await using (var cmd = db.CreateCommand("SELECT key, id, current_version_id, name FROM competencies"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) competencies[r.GetString(0)] = new(r.GetGuid(1), r.GetGuid(2), r.GetString(3));

        var questions = new Dictionary<string, Guid>();
        await using (var cmd = db.CreateCommand("SELECT key, id FROM questions"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) questions[r.GetString(0)] = r.GetGuid(1);

        var roles = new Dictionary<string, Guid>();
        await using (var cmd = db.CreateCommand("SELECT name, id FROM \"AspNetRoles\""))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) roles[r.GetString(0)] = r.GetGuid(1);

        if (competencies.Count == 0 || roles.Count == 0)
            throw new InvalidOperationException("The database has no reference data: run the Web app's `migrate` first.");
        return new Reference { Competencies = competencies, Questions = questions, Roles = roles };
    }
}
