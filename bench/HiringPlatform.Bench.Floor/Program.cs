using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Npgsql;

// One raw query, one hand-built HTML page: what a board column costs with nothing in between (no MVC, no
// mediator, no EF, no auth). The benchmark reports every read scenario as a share of this page's throughput.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Default to the benchmark database.");
var dataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
{
    MaxAutoPrepare = 10, AutoPrepareMinUsages = 2, MaxPoolSize = 32,
}.ConnectionString).Build();
builder.Services.AddSingleton(dataSource);

var app = builder.Build();

// The same rows as the product's pipeline board: for every stage of the posting, its first 25 active applications
// (oldest in the stage first, by (stage_entered_at, id)), with the candidate's name — one LATERAL query.
const int PerStage = 25;
const string Sql = """
    SELECT s.name, x.id, c.full_name, x.stage_entered_at, x.weighted_score
    FROM interview_stages s
    CROSS JOIN LATERAL (
        SELECT a.id, a.candidate_id, a.stage_entered_at, a.weighted_score
        FROM applications a
        WHERE a.posting_id = s.posting_id AND a.stage_id = s.id AND a.status = 'Active'
        ORDER BY a.stage_entered_at, a.id
        LIMIT $2
    ) x
    JOIN candidates c ON c.id = x.candidate_id
    WHERE s.posting_id = $1
    ORDER BY s."order", x.stage_entered_at, x.id
    """;

app.MapGet("/board", async (Guid posting, NpgsqlDataSource db, CancellationToken ct) =>
{
    var html = new StringBuilder(32 * 1024);
    html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Board</title></head><body><main><h1>Board</h1>");
    string? stage = null;
    await using (var cmd = db.CreateCommand(Sql))
    {
        cmd.Parameters.AddWithValue(posting);
        cmd.Parameters.AddWithValue(PerStage);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(0);
            if (name != stage)
            {
                if (stage is not null) html.Append("</ol></section>");
                stage = name;
                html.Append("<section><h2>").Append(HtmlEncoder.Default.Encode(name)).Append("</h2><ol>");
            }
            html.Append("<li><a href=\"/applications/").Append(reader.GetGuid(1).ToString()).Append("\">")
                .Append(HtmlEncoder.Default.Encode(reader.GetString(2))).Append("</a> <time>")
                .Append(reader.GetFieldValue<DateTimeOffset>(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</time> ")
                .Append(reader.IsDBNull(4) ? "" : reader.GetDecimal(4).ToString("0.00", CultureInfo.InvariantCulture)).Append("</li>");
        }
    }
    if (stage is not null) html.Append("</ol></section>");
    html.Append("</main></body></html>");
    return Results.Content(html.ToString(), "text/html; charset=utf-8");
});

app.MapGet("/health", () => "ok");

await app.RunAsync();
